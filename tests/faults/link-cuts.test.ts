import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChatClient, sendSteadily, type ChatClient } from './support/chat'
import { startLoadBalancer } from './support/load-balancer'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { populate, scale, sleep, startAppProcess, startMongo, type AppProcess } from './support/world'

/**
 * Flaky links under load: the load balancer drops a share of the live connections every 150 ms —
 * sockets cut mid-send, mid-join, mid-catch-up; each client comes back with a new session and
 * catches up by seq. Nothing may be lost or shown twice.
 */
describe('links cut over and over while people send', () => {
  let world: Awaited<ReturnType<typeof startMongo>>
  let app: AppProcess
  const clients: ChatClient[] = []

  beforeAll(async () => {
    world = await startMongo()
    await mongoose.connect(world.uri)
    app = await startAppProcess({ uri: world.uri })
  })
  afterAll(async () => {
    for (const client of clients) client.close()
    await app?.stop()
    await mongoose.disconnect()
    await world?.stop()
  })

  it('loses nothing across hundreds of reconnections, each a new session that catches up', async () => {
    const { conversations } = await populate({ rooms: scale.rooms, roomSize: scale.roomSize })
    const balancer = await startLoadBalancer(() => [app.port])
    for (const conversation of conversations) for (const person of conversation.members) clients.push(startChatClient({ url: balancer.url, person, conversationId: conversation.id }))
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
