import { describe, expect, it } from 'vitest'
import { sendSteadily } from './support/chat'
import { startLoadBalancer } from './support/load-balancer'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { scale, sleep, useFaultWorld } from './support/world'

/**
 * kill -9 of the app while people send: the process dies mid-write, its sockets drop without a
 * word, a new process starts on the same port. Every acknowledged message must be stored once and
 * reach every member once (live or by catch-up), and every message written must end up sent.
 */
describe('the app process killed (kill -9) while people send', () => {
  const world = useFaultWorld()

  it('loses nothing acknowledged, stores each message once and delivers it once to every member', async () => {
    let app = await world.startApp()
    const balancer = await startLoadBalancer(() => [app.port])
    const { clients } = await world.chatters(balancer.url)
    const stop = sendSteadily(clients, scale.rate)
    await sleep((scale.seconds * 1_000) / 2)
    await app.crash()
    app = await world.startApp({ port: app.port })
    await sleep((scale.seconds * 1_000) / 2)
    // And once more right as the last messages leave: what was stored but not pushed is caught up.
    stop()
    await app.crash()
    app = await world.startApp({ port: app.port })
    await settle(clients)
    const counts = await tally(clients)
    printTally('app kill -9 and restart', counts)
    expect(counts.sent).toBeGreaterThan(scale.rate * scale.seconds * 0.5)
    expectNothingLost(counts, expect)
    await balancer.close()
  })
})
