import type { Server as HttpServer } from 'node:http'
import type { Connection } from 'mongoose'
import { Server, type ServerOptions } from 'socket.io'
import { createMembershipCache } from '../../app/domain/messaging/delivery.server.js'
import { createRateLimiter, MESSAGE_RATE } from '../../app/domain/messaging/rate-limit.js'
import { systemPingPayload, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'
import type { Logger } from '../logger.js'
import { sessionRoom, socketAuth, type SocketData } from './auth.js'
import { closeSocketsOfEndedSessions } from './ended-sessions.js'
import { socketCommand } from './handler.js'
import { startMessageFeed } from './message-feed.js'
import { messagingHandlers, type MessagingDeps } from './messaging-handlers.js'
import { presenceHandlers } from './presence.js'
import { createPresenceRegistry } from './presence-registry.js'
import { createRealtimePublisher } from './publisher.js'

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/**
 * The Socket.IO server on the app's HTTP server, the publisher Remix actions use to reach it, and
 * this process's message feed.
 *
 * No connection-state recovery: after any reconnect the client joins its conversation again with
 * the last seq it holds and gets what it missed in the same answer (ADR 015). One way to catch up,
 * whether the link dropped for a second or the server restarted, and no packet buffer on the heap.
 */
export type RealtimeOptions = {
  /** The app's database, through a connection without operation time limit (the message feed's change stream). */
  background: Connection
  /**
   * Whether a browser page at this Origin is the app's own (server/http/origins.ts). A handshake
   * from any other page is refused: the session cookie would otherwise open a socket as the
   * visitor for a page on the same site (another port or subdomain). No Origin at all is a
   * client that is not a browser page (browsers always send one with a WebSocket handshake).
   */
  isAllowedOrigin: (origin: string) => boolean
  /** The Socket.IO adapter; the default in-memory one serves a single process. */
  adapter?: ServerOptions['adapter']
  /** Tests and benchmarks tune the messaging safeguards (defaults: see messaging-handlers.ts). */
  messaging?: Partial<Pick<MessagingDeps, 'limiter' | 'membership' | 'service' | 'sessionRecheckMs' | 'maxSendsInFlight' | 'sendDeadlineMs'>>
  /** How often a presence command re-reads the session (default 30 s). */
  presenceSessionRecheckMs?: number
  /** Badge coalescing window (publisher.ts). */
  inboxWindowMs?: number
}

export function attachSocketServer(
  httpServer: HttpServer,
  logger: Logger,
  options: RealtimeOptions,
): { io: SocketServer; publisher: RealtimePublisher; close: () => Promise<void> } {
  const { adapter } = options
  const io: SocketServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Chat frames are small: compressing them costs CPU and memory per socket for nothing (ADR 011).
    perMessageDeflate: false,
    // Same origin only: the browser app is served by this very server.
    cors: { origin: false },
    allowRequest: (request, callback) => {
      const origin = request.headers.origin
      if (origin === undefined || options.isAllowedOrigin(origin)) return callback(null, true)
      logger.warn({ origin }, 'socket handshake refused: foreign origin')
      callback('origin not allowed', false)
    },
    ...(adapter ? { adapter } : {}),
  })

  // Who is on the other end, from the session cookie; anonymous sockets connect but get nothing private.
  io.use(socketAuth(logger))
  // Receipts, notifications, suspensions: from socket commands and Remix actions alike.
  const publisher = createRealtimePublisher(io)
  const membership = options.messaging?.membership ?? createMembershipCache()
  const feed = startMessageFeed({ connection: options.background, io, membership, logger, inboxWindowMs: options.inboxWindowMs })
  const endedSessions = closeSocketsOfEndedSessions({ connection: options.background, io, logger })
  const onMessagingConnection = messagingHandlers({ logger, limiter: createRateLimiter(MESSAGE_RATE), ...options.messaging, publish: publisher, feed, membership })
  const registry = createPresenceRegistry({ logger })
  const onPresenceConnection = presenceHandlers({ io, registry, logger, session: { recheckMs: options.presenceSessionRecheckMs } })

  io.on('connection', (socket) => {
    logger.debug({ socketId: socket.id }, 'socket connected')
    socket.on(
      'system:ping',
      socketCommand(systemPingPayload, ({ sentAt }) => ({ sentAt, serverTime: Date.now() }), logger, socket.data.language),
    )
    if (socket.data.sessionId) void socket.join(sessionRoom(socket.data.sessionId))
    onMessagingConnection(socket)
    onPresenceConnection(socket)
  })
  return {
    io,
    publisher,
    async close() {
      await Promise.all([feed.stop(), endedSessions.stop()])
      membership.close()
      await registry.stop()
    },
  }
}
