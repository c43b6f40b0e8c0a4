import { createHash, randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { hasAcceptedCurrentTerms } from '../legal/terms'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'

/**
 * Sessions live in MongoDB. The cookie holds a random 256-bit token; only its sha256 is
 * stored, so a database leak does not hand out live sessions. Expired sessions are removed
 * by a TTL index.
 */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

const sessionSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, default: () => new Date() },
  userAgent: { type: String, maxlength: 300, default: '' },
})
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 })

export const Session: Model<InferSchemaType<typeof sessionSchema>> =
  (mongoose.models.Session as Model<InferSchemaType<typeof sessionSchema>>) ?? mongoose.model('Session', sessionSchema)

export const sessionCookie = createCookie('passerelle_session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: SESSION_TTL_MS / 1000,
})

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

async function tokenFromCookieHeader(cookieHeader: string | null): Promise<string | null> {
  const token = await sessionCookie.parse(cookieHeader)
  return typeof token === 'string' && /^[\w-]{43}$/.test(token) ? token : null
}

/** The signed-in user as the UI and the domain services see them. */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: UserRole
  emailVerified: boolean
  /** The terms of use changed since this person last accepted them: pages ask first (root loader). */
  mustAcceptTerms: boolean
}

/**
 * The live session of a Cookie header and its user (a socket handshake keeps the session's id: when
 * the session ends — sign-out, sign-out everywhere, password reset, suspension, expiry — the
 * socket is closed, see server/realtime/ended-sessions.ts).
 */
export async function getSessionFromCookie(cookieHeader: string | null): Promise<{ sessionId: string; user: SessionUser } | null> {
  const token = await tokenFromCookieHeader(cookieHeader)
  if (!token) return null
  const session = await Session.findOne({ tokenHash: hashToken(token), expiresAt: { $gt: new Date() } }).lean()
  if (!session) return null
  const user = await User.findById(session.userId).lean()
  if (!user || user.deletedAt) return null
  if (user.suspendedUntil && user.suspendedUntil > new Date()) return null
  return { sessionId: String(session._id), user: { id: String(user._id), email: user.email, name: user.name, role: user.role, emailVerified: Boolean(user.emailVerifiedAt), mustAcceptTerms: !hasAcceptedCurrentTerms(user.termsAcceptances) } }
}

/** Reads the session's user from a Cookie header (HTTP requests and socket re-checks alike). */
export async function getSessionUserFromCookie(cookieHeader: string | null): Promise<SessionUser | null> {
  return (await getSessionFromCookie(cookieHeader))?.user ?? null
}

export const getSessionUser = (request: Request) => getSessionUserFromCookie(request.headers.get('Cookie'))

/** Sends anonymous visitors to the sign-in page, then back where they were going. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (user) return user
  const url = new URL(request.url)
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

/**
 * Starts a session and returns its Set-Cookie header. Any session the request already
 * carried is ended first (rotation: a planted session id never survives sign-in).
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  const previous = await tokenFromCookieHeader(request.headers.get('Cookie'))
  if (previous) await Session.deleteOne({ tokenHash: hashToken(previous) })
  const token = randomBytes(32).toString('base64url')
  await Session.create({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    userAgent: (request.headers.get('User-Agent') ?? '').slice(0, 300),
  })
  return sessionCookie.serialize(token)
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await tokenFromCookieHeader(request.headers.get('Cookie'))
  if (token) await Session.deleteOne({ tokenHash: hashToken(token) })
  return sessionCookie.serialize('', { maxAge: 0 })
}

/** "Sign out everywhere", and what a password reset or a suspension does. */
export async function endAllSessions(userId: string) {
  await Session.deleteMany({ userId })
}

/** How many live sessions (devices, browsers) the user has, for the account page. */
export async function countSessions(userId: string) {
  return Session.countDocuments({ userId, expiresAt: { $gt: new Date() } })
}
