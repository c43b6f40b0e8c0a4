import { describe, expect, it } from 'vitest'
import { sendSteadily } from './support/chat'
import { startLoadBalancer } from './support/load-balancer'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { scale, sleep, useFaultWorld } from './support/world'

/**
 * Flaky links under load: the load balancer drops a share of the live connections every 150 ms —
 * sockets cut mid-send, mid-join, mid-catch-up; each client comes back with a new session and
 * catches up by seq. Nothing may be lost or shown twice.
 */
describe('links cut over and over while people send', () => {
  const world = useFaultWorld()

  it('loses nothing across hundreds of reconnections, each a new session that catches up', async () => {
    const app = await world.startApp()
    const balancer = await startLoadBalancer(() => [app.port])
    const { clients } = await world.chatters(balancer.url)
    await sleep(500)
    let reconnections = 0
    for (const client of clients) client.socket.io.on('reconnect', () => reconnections++)
    const stop = sendSteadily(clients, scale.rate)
    const cutUntil = async (deadline: number) => {
      while (Date.now() < deadline) {
        balancer.cut(0.15)
        await sleep(150)
      }
    }
    await cutUntil(Date.now() + scale.seconds * 2_000)
    stop()
    // A quiet end: the last messages reach the members cut off meanwhile only by catching up when they come back.
    await cutUntil(Date.now() + 1_500)
    await settle(clients)
    const counts = await tally(clients)
    printTally(`links cut (${reconnections} reconnections)`, counts)
    expect(reconnections).toBeGreaterThan(clients.length * 2)
    expectNothingLost(counts, expect)
    await balancer.close()
  })
})
