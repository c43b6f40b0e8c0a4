import { describe, expect, it } from 'vitest'
import { sendSteadily } from './support/chat'
import { startLoadBalancer } from './support/load-balancer'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { scale, sleep, useFaultWorld } from './support/world'

/**
 * Two app processes behind a load balancer (Socket.IO MongoDB adapter), members of each room on
 * both. One is killed: its clients move to the other through the balancer and catch up by seq —
 * which does not depend on which process wrote what. Presence keeps answering at once.
 */
describe('two app processes, one killed (kill -9) while people send', () => {
  const world = useFaultWorld()

  for (const victim of [0, 1]) {
    it(`loses nothing when process ${victim === 0 ? 'A' : 'B'} dies, and presence answers at once on the survivor`, async () => {
      const apps = await Promise.all([world.startApp({ adapter: 'mongo' }), world.startApp({ adapter: 'mongo' })])
      const alive = new Set(apps.map((app) => app.port))
      const balancer = await startLoadBalancer(() => [...alive])
      const { clients: people } = await world.chatters(balancer.url)
      await sleep(500)
      const stop = sendSteadily(people, scale.rate)
      await sleep((scale.seconds * 1_000) / 2)
      alive.delete(apps[victim]!.port)
      await apps[victim]!.crash()
      // Presence right after the death, from a client the survivor serves.
      await sleep(1_000)
      const asker = people.find((client) => client.socket.connected)!
      const startedAt = performance.now()
      const presence = await asker.socket.timeout(5_000).emitWithAck('presence:query', { conversationId: asker.conversationId })
      expect(presence.error).toBeUndefined()
      expect(performance.now() - startedAt).toBeLessThan(2_000)
      await sleep((scale.seconds * 1_000) / 2)
      stop()
      await settle(people)
      const counts = await tally(people)
      printTally(`two processes, ${victim === 0 ? 'A' : 'B'} killed`, counts)
      expectNothingLost(counts, expect)
      for (const client of people) client.close()
      await balancer.close()
      for (const app of apps) await app.stop()
    })
  }
})
