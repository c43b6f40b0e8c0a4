import { describe, expect, it } from 'vitest'
import { User } from '~/domain/users/model.server'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { createUserWithSession, useLiveApiServer } from './messaging-support'

/**
 * The backstop behind ended-sessions.ts (which closes a socket the moment its session document is
 * deleted): every command reads the session again once `recheckMs` has passed (0 here), so a
 * person suspended by a direct database change — nothing deleted — is dropped on their next command.
 */
describe('socket sessions', () => {
  const live = useLiveApiServer({ realtime: { messaging: { sessionRecheckMs: 0 }, presenceSessionRecheckMs: 0 } })

  it('drops a socket whose person was suspended behind the app’s back, on its next command', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const socket = await live.open(alice.cookie)
    expect((await socket.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)

    await User.updateOne({ _id: alice.id }, { $set: { suspendedUntil: new Date(Date.now() + 86_400_000) } })
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve))
    const refused = await socket.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: 'abcdefgh-1', body: 'encore là ?' })
    expect(refused.error?.code).toBe('unauthenticated')
    await disconnected
    expect(socket.connected).toBe(false)
  })

  it('drops a socket asking for presence once its person is suspended: it learns nothing more', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const socket = await live.open(alice.cookie)
    expect((await socket.timeout(5_000).emitWithAck('presence:query', { conversationId })).data?.presence).toEqual({ [bruno.id]: 'offline' })

    await User.updateOne({ _id: alice.id }, { $set: { suspendedUntil: new Date(Date.now() + 86_400_000) } })
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve))
    const refused = await socket.timeout(5_000).emitWithAck('presence:query', { conversationId })
    expect(refused.error?.code).toBe('unauthenticated')
    expect(refused.data).toBeUndefined()
    await disconnected
    expect(socket.connected).toBe(false)
  })
})
