import type { Server as HttpServer } from 'node:http'
import { Server, type ServerOptions } from 'socket.io'
import { createRateLimiter, MESSAGE_RATE } from '../../app/domain/messaging/rate-limit.js'
import { systemPingPayload, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'
import type { Logger } from '../logger.js'
import { socketAuth, type SocketData } from './auth.js'
import { socketCommand } from './handler.js'
import { messagingHandlers } from './messaging-handlers.js'
import { presenceHandlers } from './presence.js'
import { createRealtimePublisher } from './publisher.js'
import { trimRecoveryPackets } from './recovery-window.js'

/** How long a dropped connection can come back and receive what it missed from memory. */
export const RECOVERY_WINDOW_MS = 10_000

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** The Socket.IO server on the app's HTTP server, and the publisher Remix actions use to reach it. */
export function attachSocketServer(
  httpServer: HttpServer,
  logger: Logger,
  /** The Socket.IO adapter; the default in-memory one serves a single process. */
  adapter?: ServerOptions['adapter'],
): { io: SocketServer; publisher: RealtimePublisher } {
  const io: SocketServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Chat frames are small: compressing them costs CPU and memory per socket for nothing (ADR 011).
    perMessageDeflate: false,
    // Same origin only: the browser app is served by this very server.
    cors: { origin: false },
    // Every broadcast is kept this long for recovery (trimmed below, not once a minute): at
    // 2,000 msg/s each second kept is ~2,000 packets on the heap. Longer gaps are caught up by
    // `conversation:resync` from the last message the client saw (ADR 010, ADR 011).
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    ...(adapter ? { adapter } : {}),
  })
  const stopTrimming = trimRecoveryPackets(io, { windowMs: RECOVERY_WINDOW_MS })
  httpServer.once('close', stopTrimming)

  // Who is on the other end, from the session cookie; anonymous sockets connect but get nothing private.
  io.use(socketAuth(logger))
  // Messages posted through socket commands and Remix actions (no JavaScript) alike reach the live sockets through this.
  const publisher = createRealtimePublisher(io)
  const onMessagingConnection = messagingHandlers({ io, logger, limiter: createRateLimiter(MESSAGE_RATE), publish: publisher })

  io.on('connection', (socket) => {
    logger.debug({ socketId: socket.id }, 'socket connected')
    socket.on(
      'system:ping',
      socketCommand(systemPingPayload, ({ sentAt }) => ({ sentAt, serverTime: Date.now() }), logger),
    )
    onMessagingConnection(socket)
    presenceHandlers({ io, logger })(socket)
  })
  return { io, publisher }
}
