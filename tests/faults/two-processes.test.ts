import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChatClient, sendSteadily, type ChatClient } from './support/chat'
import { startLoadBalancer } from './support/load-balancer'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { populate, scale, sleep, startAppProcess, startMongo, type AppProcess } from './support/world'

/**
 * Two app processes behind a load balancer (Socket.IO MongoDB adapter), members of each room on
 * both. One is killed: its clients move to the other through the balancer and catch up by seq —
 * which does not depend on which process wrote what. Presence keeps answering at once.
 */
describe('two app processes, one killed (kill -9) while people send', () => {
  let world: Awaited<ReturnType<typeof startMongo>>
  let apps: AppProcess[] = []
  const clients: ChatClient[] = []

  beforeAll(async () => {
    world = await startMongo()
    await mongoose.connect(world.uri)
  })
  afterAll(async () => {
    for (const client of clients) client.close()
    for (const app of apps) await app.stop()
    await mongoose.disconnect()
    await world?.stop()
  })

  for (const victim of [0, 1]) {
    it(`loses nothing when process ${victim === 0 ? 'A' : 'B'} dies, and presence answers at once on the survivor`, async () => {
      apps = await Promise.all([startAppProcess({ uri: world.uri, adapter: 'mongo' }), startAppProcess({ uri: world.uri, adapter: 'mongo' })])
      const alive = new Set(apps.map((app) => app.port))
      const balancer = await startLoadBalancer(() => [...alive])
      const { conversations } = await populate({ rooms: scale.rooms, roomSize: scale.roomSize })
      const people = conversations.flatMap((conversation) => conversation.members.map((person) => startChatClient({ url: balancer.url, person, conversationId: conversation.id })))
      clients.push(...people)
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
