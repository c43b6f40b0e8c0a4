import { describe, expect, it } from 'vitest'
import { SEND_DEADLINE_MS } from '~/domain/messaging/delivery.server'
import { sendSteadily } from './support/chat'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { scale, sleep, useFaultWorld, type AppProcess } from './support/world'

/** An answer comes within the send deadline, plus what a loaded machine adds to it. */
const LONGEST_ACCEPTABLE_WAIT_MS = SEND_DEADLINE_MS + 3_000

/**
 * mongod killed (kill -9) and restarted, then frozen (SIGSTOP) and thawed, while people send.
 * Sends made meanwhile are answered "unavailable" within the deadline — never kept waiting — the
 * outbox sends them again once the database is back; nothing acknowledged is missing afterwards.
 * A page asked for during the freeze gets the 503 page in time; a socket opened during the outage
 * signs in once the database is back.
 */
describe('mongod killed, restarted, frozen and thawed while people send', () => {
  const world = useFaultWorld()
  let app: AppProcess

  it('kill -9 and restart: clear "unavailable" answers in time, nothing acknowledged missing, everything sent afterwards', async () => {
    app = await world.startApp()
    const { clients: people } = await world.chatters(app.url)
    await sleep(500)
    const member = world.mongo.members[0]!
    const stop = sendSteadily(people, scale.rate)
    await sleep(1_500)
    process.kill(member.process.pid, 'SIGKILL')
    await member.process.exited
    await sleep(5_000)
    await member.restart()
    await sleep(1_500)
    stop()
    await settle(people, { timeoutMs: 90_000 })
    const counts = await tally(people)
    printTally('mongod kill -9 for 5 s, restarted', counts)
    expect(counts.unavailableAnswers).toBeGreaterThan(0)
    expect(counts.longestWaitMs).toBeLessThan(LONGEST_ACCEPTABLE_WAIT_MS)
    expectNothingLost(counts, expect)
  })

  it('SIGSTOP for longer than the deadline: answers in time, a page answers 503, a socket opened meanwhile signs in afterwards', async () => {
    const { clients: people, conversations } = await world.chatters(app.url)
    await sleep(500)
    const member = world.mongo.members[0]!
    const stop = sendSteadily(people, scale.rate)
    await sleep(1_500)
    process.kill(member.process.pid, 'SIGSTOP')
    try {
      await sleep(1_000)
      const pageStartedAt = performance.now()
      const page = await fetch(`${app.url}/messages`, { headers: { cookie: conversations[0]!.members[0]!.cookie } })
      const pageMs = performance.now() - pageStartedAt
      expect(page.status).toBe(503)
      expect(await page.text()).toContain('Service momentanément indisponible')
      expect(pageMs).toBeLessThan(LONGEST_ACCEPTABLE_WAIT_MS + 5_000)
      // A newcomer during the freeze: the handshake cannot read the session yet.
      const late = world.chatter(app.url, conversations[0]!.members[1]!, conversations[0]!.id)
      await sleep(9_000)
      expect(late.socket.connected).toBe(false)
      process.kill(member.process.pid, 'SIGCONT')
      late.send('arrivé pendant la panne')
      await settle([late], { timeoutMs: 60_000 })
      expect(late.acked.size).toBe(1)
      people.push(late)
    } finally {
      process.kill(member.process.pid, 'SIGCONT')
    }
    await sleep(1_000)
    stop()
    await settle(people, { timeoutMs: 90_000 })
    const counts = await tally(people)
    printTally('mongod SIGSTOP for 11 s', counts)
    expect(counts.unavailableAnswers).toBeGreaterThan(0)
    expect(counts.longestWaitMs).toBeLessThan(LONGEST_ACCEPTABLE_WAIT_MS)
    expectNothingLost(counts, expect)
  })
})
