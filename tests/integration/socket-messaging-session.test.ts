import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import mongoose from 'mongoose'
import { Server } from 'socket.io'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endAllSessions } from '~/domain/auth/session.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { socketAuth } from '../../server/realtime/auth'
import { messagingHandlers } from '../../server/realtime/messaging-handlers'
import { presenceHandlers } from '../../server/realtime/presence'
import { createUserWithSession, socketClient, type Client } from './messaging-support'
import { isolatedMongoUri, testLogger } from './support'

/** The messaging and presence handlers on their own Socket.IO server, reading the session again on every command. */
describe('socket sessions', () => {
  let httpServer: HttpServer
  let io: Server
  let url: string
  const clients: Client[] = []

  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    httpServer = createServer()
    io = new Server(httpServer)
    const logger = testLogger()
    io.use(socketAuth(logger))
    const onMessaging = messagingHandlers({ io: io as never, logger, limiter: createRateLimiter({ capacity: 10, refillPerSecond: 1 }), sessionRecheckMs: 0 })
    const onPresence = presenceHandlers({ io: io as never, logger, session: { recheckMs: 0 } })
    io.on('connection', (socket) => {
      onMessaging(socket as never)
      onPresence(socket as never)
    })
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await new Promise((resolve) => io.close(resolve))
    await mongoose.disconnect()
  })

  it('drops a socket whose session has ended (signed out everywhere, suspended)', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const socket = await socketClient(url, alice.cookie)
    clients.push(socket)
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
    const socket = await socketClient(url, alice.cookie)
    clients.push(socket)
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
