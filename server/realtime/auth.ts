import type { Socket } from 'socket.io'
import type { SessionUser } from '../../app/domain/auth/session.server.js'
import { getSessionFromCookie, getSessionUserFromCookie } from '../../app/http/session.server.js'
import { isDatabaseUnavailable } from '../../app/domain/unavailable.js'
import { defaultLanguage, isLanguage, type Language } from '../../app/i18n/config.js'
import { languageCookie } from '../../app/i18n/language.server.js'
import type { Logger } from '../logger.js'

export type SocketData = {
  user: SessionUser | null
  /** The session the handshake was signed in with: the socket is in its room (`sessionRoom`). */
  sessionId: string | null
  /** When the session was last read (ms). */
  checkedAt: number
  /** The interface language chosen by the person (cookie), for ack messages. */
  language: Language
}

/** What a refused handshake tells the client (`connect_error`'s `data`): it tries again later. */
export type HandshakeRefusal = { code: 'unavailable' }

/**
 * `io.use` middleware: the socket carries the user of the session cookie sent with the
 * handshake (same origin, httpOnly cookie). No valid session is not an error: the socket
 * connects anonymously and every private command refuses it. A session that cannot be read
 * because the database is out of reach IS an error: the handshake is refused with
 * `{ code: 'unavailable' }` and the client connects again shortly (it would otherwise stay
 * anonymous after the database came back).
 */
export function socketAuth(logger: Logger, readSession: typeof getSessionFromCookie = getSessionFromCookie) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    const data = socket.data as SocketData
    const cookie = socket.handshake.headers.cookie ?? null
    const language = await languageCookie.parse(cookie).catch(() => null)
    data.language = isLanguage(language) ? language : defaultLanguage
    try {
      const session = await readSession(cookie)
      data.user = session?.user ?? null
      data.sessionId = session?.sessionId ?? null
      data.checkedAt = Date.now()
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logger.warn({ err: error }, 'socket handshake refused: session store unavailable')
        return next(Object.assign(new Error('unavailable'), { data: { code: 'unavailable' } satisfies HandshakeRefusal }))
      }
      logger.warn({ err: error }, 'socket session lookup failed')
      data.user = null
      data.sessionId = null
    }
    next()
  }
}

/** One room per signed-in session: ending the session closes its sockets, in every process. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`

export type SessionCheck = {
  /** How long a socket trusts the session it last read before reading it again. */
  recheckMs?: number
  readUser?: (cookie: string | null) => Promise<SessionUser | null>
}

/**
 * The signed-in person behind a socket, for a command: null when the socket is anonymous. The
 * session is read again once `recheckMs` has passed since the last read; signed out elsewhere,
 * suspended or expired, the socket loses its user and rooms and is disconnected (after the
 * command's ack has gone out, so the client learns why), and the command sees null. While the
 * database cannot be read the socket keeps its user (the command meets the outage itself) and
 * the session is read again on the next command.
 * Messaging and presence commands both go through it.
 */
export function socketUserCheck({ recheckMs = 30_000, readUser = getSessionUserFromCookie }: SessionCheck = {}) {
  return async (socket: Socket): Promise<SessionUser | null> => {
    const data = socket.data as SocketData
    const user = data.user
    if (!user) return null
    if (Date.now() - (data.checkedAt ?? 0) < recheckMs) return user
    let current: SessionUser | null
    try {
      current = await readUser(socket.handshake.headers.cookie ?? null)
    } catch (error) {
      if (isDatabaseUnavailable(error)) return user
      throw error
    }
    data.checkedAt = Date.now()
    if (current?.id === user.id) return user
    data.user = null
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room)
    setImmediate(() => socket.disconnect(true))
    return null
  }
}
