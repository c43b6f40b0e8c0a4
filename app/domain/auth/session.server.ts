import { createHash, randomBytes } from 'node:crypto'
import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { hasAcceptedCurrentTerms } from '../legal/terms'
import type { Space } from '../actor'
import { isObjectId } from '../ids'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'

/**
 * Sessions live in MongoDB. A session is known by a random 256-bit token; only its sha256 is
 * stored, so a database leak does not hand out live sessions. Expired sessions are removed by a
 * TTL index. How the token travels (a cookie) is the HTTP layer's business: app/http/session.server.ts.
 */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** Tokens are 32 random bytes in base64url: anything else is not one of ours. */
export const SESSION_TOKEN_PATTERN = /^[\w-]{43}$/

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

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** The signed-in user as the UI and the domain services see them (`actorOf` makes the Actor). */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: UserRole
  emailVerified: boolean
  /** The terms of use changed since this person last accepted them: pages ask first (root loader). */
  mustAcceptTerms: boolean
  /** The spaces an animator animates (empty for everyone else). */
  animates: Space[]
}

/**
 * The live session of a token and its user: none for an unknown or expired token, a deleted or
 * a suspended user (a socket keeps the session's id: when the session ends — sign-out, sign-out
 * everywhere, password reset, suspension, expiry — the socket is closed, see
 * server/realtime/ended-sessions.ts).
 */
export async function sessionOfToken(token: string | null): Promise<{ sessionId: string; user: SessionUser } | null> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return null
  const session = await Session.findOne({ tokenHash: hashSessionToken(token), expiresAt: { $gt: new Date() } }).lean()
  if (!session) return null
  const user = await User.findById(session.userId).lean()
  if (!user || user.deletedAt) return null
  if (user.suspendedUntil && user.suspendedUntil > new Date()) return null
  return {
    sessionId: String(session._id),
    user: {
      id: String(user._id),
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerified: Boolean(user.emailVerifiedAt),
      animates: user.animates.map((space) => ({ kind: space.kind, ref: space.ref })),
      mustAcceptTerms: !hasAcceptedCurrentTerms(user.termsAcceptances),
    },
  }
}

/** Starts a session for the user and returns its token. */
export async function createSession(userId: string, userAgent = ''): Promise<string> {
  if (!isObjectId(userId)) throw new Error('createSession: not a user id')
  const token = randomBytes(32).toString('base64url')
  await Session.create({ tokenHash: hashSessionToken(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS), userAgent: userAgent.slice(0, 300) })
  return token
}

/** Ends the session of a token (sign-out; rotation at sign-in). */
export async function endSessionOfToken(token: string | null) {
  if (token && SESSION_TOKEN_PATTERN.test(token)) await Session.deleteOne({ tokenHash: hashSessionToken(token) })
}

/** "Sign out everywhere", and what a password reset or a suspension does. */
export async function endAllSessions(userId: string) {
  await Session.deleteMany({ userId })
}

/** How many live sessions (devices, browsers) the user has, for the account page. */
export async function countSessions(userId: string) {
  return Session.countDocuments({ userId, expiresAt: { $gt: new Date() } })
}
