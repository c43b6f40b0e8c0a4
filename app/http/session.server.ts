import { createCookie, redirect } from '@remix-run/node'
import { oncePerRequest } from './request-scope.server'
import { createSession, endSessionOfToken, SESSION_TTL_MS, SESSION_TOKEN_PATTERN, sessionOfToken, type SessionUser } from '~/domain/auth/session.server'

/**
 * How a session travels over HTTP: its token in an httpOnly, SameSite=Lax cookie (Secure in
 * production). The sessions themselves are the domain's (app/domain/auth/session.server.ts).
 * Routes ask `requireActor` / `optionalActor` (./actor.server.ts) who is asking; only sign-in,
 * sign-up, sign-out and e-mail verification read or write the session here directly.
 */
export const sessionCookie = createCookie('passerelle_session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: SESSION_TTL_MS / 1000,
})

async function tokenOf(cookieHeader: string | null): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(cookieHeader)
  return typeof token === 'string' && SESSION_TOKEN_PATTERN.test(token) ? token : null
}

/** The live session of a Cookie header (HTTP requests and the socket handshake alike). */
export async function getSessionFromCookie(cookieHeader: string | null): Promise<{ sessionId: string; user: SessionUser } | null> {
  return sessionOfToken(await tokenOf(cookieHeader))
}

/** The session's user of a Cookie header (socket commands read it again now and then). */
export async function getSessionUserFromCookie(cookieHeader: string | null): Promise<SessionUser | null> {
  return (await getSessionFromCookie(cookieHeader))?.user ?? null
}

/**
 * The request's user. A page's GET runs the root loader and the page's loader side by side: they
 * share one read of the session and its user. Actions (POST…) read afresh: what they change
 * (sign-in, sign-out, accepted terms) must show in the loaders that follow in the same request.
 */
export function getSessionUser(request: Request) {
  const cookieHeader = request.headers.get('Cookie')
  if (request.method !== 'GET' && request.method !== 'HEAD') return getSessionUserFromCookie(cookieHeader)
  return oncePerRequest(`session-user:${cookieHeader ?? ''}`, () => getSessionUserFromCookie(cookieHeader))
}

/** Sends anonymous visitors to the sign-in page, then back where they were going. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (user) return user
  const url = new URL(request.url)
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

/**
 * Starts a session and returns its Set-Cookie header. Any session the request already carried is
 * ended first (rotation: a planted session id never survives sign-in).
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  await endSessionOfToken(await tokenOf(request.headers.get('Cookie')))
  return sessionCookie.serialize(await createSession(userId, request.headers.get('User-Agent') ?? ''))
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  await endSessionOfToken(await tokenOf(request.headers.get('Cookie')))
  return sessionCookie.serialize('', { maxAge: 0 })
}
