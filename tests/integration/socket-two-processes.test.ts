import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { createUserWithSession, next, socketClient, type Client } from './messaging-support'
import { spawnTs } from './process-support'
import { isolatedMongoUri, testServices } from './support'

/** Two server processes behind one database, as behind a load balancer. */
describe('Socket.IO across two server processes (MongoDB adapter)', () => {
  const uri = isolatedMongoUri()
  const processes: Array<ReturnType<typeof spawnTs>> = []
  const clients: Client[] = []
  let urls: string[] = []

  beforeAll(async () => {
    await mongoose.connect(uri)
    const { meiliUrl, meiliMasterKey } = testServices()
    for (let i = 0; i < 2; i++) processes.push(spawnTs('tests/integration/fixtures/api-server-process.ts', [], { MONGO_URI: uri, MEILI_URL: meiliUrl, MEILI_KEY: meiliMasterKey }))
    urls = await Promise.all(processes.map(async (child) => (JSON.parse(await child.waitForLine((line) => line.startsWith('{"url"'))) as { url: string }).url))
  }, 60_000)

  afterAll(async () => {
    for (const client of clients) client.disconnect()
    for (const child of processes) child.child.kill('SIGTERM')
    await Promise.all(processes.map((child) => child.exited))
    await mongoose.disconnect()
  })

  it('delivers a message sent to process A to a member connected to process B', async () => {
    expect(new Set(urls).size).toBe(2)
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const onA = await socketClient(urls[0]!, alice.cookie)
    const onB = await socketClient(urls[1]!, bruno.cookie)
    clients.push(onA, onB)
    for (const client of [onA, onB]) expect((await client.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)

    const received = next(onB, 'message:created')
    const ack = await onA.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: randomUUID(), body: 'Bonjour depuis le processus A' })
    expect(ack.error).toBeUndefined()
    expect(await received).toEqual(ack.data)
  })
})
