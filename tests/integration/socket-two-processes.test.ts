import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { endSession } from '~/http/session.server'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { createUserWithSession, next, socketClient } from './messaging-support'
import { useTwoServerProcesses } from './two-processes-support'

/** Two server processes behind one database, as behind a load balancer. */
describe('Socket.IO across two server processes (MongoDB adapter)', () => {
  const servers = useTwoServerProcesses()

  it('delivers a message sent to process A to a member connected to process B', async () => {
    expect(new Set(servers.urls).size).toBe(2)
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const onA = await socketClient(servers.urls[0]!, alice.cookie)
    const onB = await socketClient(servers.urls[1]!, bruno.cookie)
    servers.clients.push(onA, onB)
    for (const client of [onA, onB]) expect((await client.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)

    const received = next(onB, 'message:created')
    const ack = await onA.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: randomUUID(), body: 'Bonjour depuis le processus A' })
    expect(ack.error).toBeUndefined()
    expect(await received).toEqual(ack.data)
  })

  it('signing out closes the session’s sockets in both processes at once', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const [onA, onB, brunoOnA] = await Promise.all([socketClient(servers.urls[0]!, alice.cookie), socketClient(servers.urls[1]!, alice.cookie), socketClient(servers.urls[0]!, bruno.cookie)])
    servers.clients.push(onA, onB, brunoOnA)
    for (const client of [onA, onB, brunoOnA]) await client.timeout(5_000).emitWithAck('system:ping', { sentAt: 0 })
    const closed = Promise.all([onA, onB].map((client) => new Promise((resolve) => client.once('disconnect', resolve))))
    await endSession(new Request('http://localhost/', { headers: { cookie: alice.cookie } }))
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect(brunoOnA.connected).toBe(true)
  })
})
