import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { systemPingPayload, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'
import { socketCommand } from './handler.js'

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents>

export function attachSocketServer(httpServer: HttpServer, logger: Logger): SocketServer {
  const io: SocketServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Same origin only: the browser app is served by this very server.
    cors: { origin: false },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  })

  io.on('connection', (socket) => {
    logger.debug({ socketId: socket.id }, 'socket connected')
    socket.on(
      'system:ping',
      socketCommand(systemPingPayload, ({ sentAt }) => ({ sentAt, serverTime: Date.now() }), logger),
    )
  })
  return io
}
