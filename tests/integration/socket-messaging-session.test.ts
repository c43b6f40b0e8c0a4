import { describe, expect, it } from 'vitest'
import { endAllSessions } from '~/domain/auth/session.server'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { createUserWithSession, useLiveApiServer } from './messaging-support'

/** The app's server, its messaging and presence commands reading the session again on every command. */
describe('socket sessions', () => {
  const live = useLiveApiServer({ realtime: { messaging: { sessionRecheckMs: 0 }, presenceSessionRecheckMs: 0 } })

  it('drops a socket whose session has ended (signed out everywhere, suspended)', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const socket = await live.open(alice.cookie)
    expect((await socket.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)

    await endAllSessions(alice.id)
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve))
    const refused = await socket.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: 'abcdefgh-1', body: 'encore là ?' })
    expect(refused.error?.code).toBe('unauthenticated')
    await disconnected
    expect(socket.connected).toBe(false)
  })

  it('drops a socket asking for presence once its session has ended: it learns nothing more', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const socket = await live.open(alice.cookie)
    expect((await socket.timeout(5_000).emitWithAck('presence:query', { conversationId })).data?.presence).toEqual({ [bruno.id]: 'offline' })

    await endAllSessions(alice.id)
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve))
    const refused = await socket.timeout(5_000).emitWithAck('presence:query', { conversationId })
    expect(refused.error?.code).toBe('unauthenticated')
    expect(refused.data).toBeUndefined()
    await disconnected
    expect(socket.connected).toBe(false)
  })
})
