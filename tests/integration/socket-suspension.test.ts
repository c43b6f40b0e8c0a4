import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer } from './app-support'
import { createUserWithSession, socketClient, type Client } from './messaging-support'
import { isolatedMongoUri } from './support'

describe('suspension and live sockets', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  const clients: Client[] = []
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    server = await startApiServer()
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await server.stop()
    await mongoose.disconnect()
  })

  it('closes every socket of a suspended person at once, and only theirs', async () => {
    const [suspended, other] = await Promise.all([createUserWithSession('Sam'), createUserWithSession('Noé')])
    const [tab1, tab2, bystander] = await Promise.all([socketClient(server.url, suspended.cookie), socketClient(server.url, suspended.cookie), socketClient(server.url, other.cookie)])
    clients.push(tab1, tab2, bystander)
    // The user room is joined on connection; a round trip makes sure it is done.
    for (const client of [tab1, tab2, bystander]) await client.timeout(5_000).emitWithAck('system:ping', { sentAt: 0 })
    const closed = Promise.all([tab1, tab2].map((client) => new Promise((resolve) => client.once('disconnect', resolve))))

    server.realtime({ type: 'user:suspended', userId: suspended.id })

    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect(bystander.connected).toBe(true)
  })
})
