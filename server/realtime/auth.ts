import type { Socket } from 'socket.io'
import { getSessionUserFromCookie, type SessionUser } from '../../app/domain/auth/session.server.js'
import type { Logger } from '../logger.js'

export type SocketData = { user: SessionUser | null; /** When the session was last read (ms). */ checkedAt: number }

/**
 * `io.use` middleware: the socket carries the user of the session cookie sent with the
 * handshake (same origin, httpOnly cookie). No valid session is not an error: the socket
 * connects anonymously and every private command refuses it.
 */
export function socketAuth(logger: Logger, readUser: (cookie: string | null) => Promise<SessionUser | null> = getSessionUserFromCookie) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      ;(socket.data as SocketData).user = await readUser(socket.handshake.headers.cookie ?? null)
      ;(socket.data as SocketData).checkedAt = Date.now()
    } catch (error) {
      logger.warn({ err: error }, 'socket session lookup failed')
      ;(socket.data as SocketData).user = null
    }
    next()
  }
}
