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

export type SessionCheck = {
  /** How long a socket trusts the session it last read before reading it again. */
  recheckMs?: number
  readUser?: (cookie: string | null) => Promise<SessionUser | null>
}

/**
 * The signed-in person behind a socket, for a command: null when the socket is anonymous. The
 * session is read again once `recheckMs` has passed since the last read; signed out elsewhere,
 * suspended or expired, the socket loses its user and rooms and is disconnected (after the
 * command's ack has gone out, so the client learns why), and the command sees null.
 * Messaging and presence commands both go through it.
 */
export function socketUserCheck({ recheckMs = 30_000, readUser = getSessionUserFromCookie }: SessionCheck = {}) {
  return async (socket: Socket): Promise<SessionUser | null> => {
    const data = socket.data as SocketData
    const user = data.user
    if (!user) return null
    if (Date.now() - (data.checkedAt ?? 0) < recheckMs) return user
    const current = await readUser(socket.handshake.headers.cookie ?? null)
    data.checkedAt = Date.now()
    if (current?.id === user.id) return user
    data.user = null
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room)
    setImmediate(() => socket.disconnect(true))
    return null
  }
}
