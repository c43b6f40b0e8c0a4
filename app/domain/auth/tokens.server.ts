import { createHash, randomBytes } from 'node:crypto'
import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'

/**
 * One-time tokens sent by e-mail (address verification, password reset). Like sessions, only
 * the sha256 of the token is stored. A token is used at most once: consuming it is a single
 * atomic update. Documents are kept a week past expiry so an old link can still be told
 * apart ("expired", "already used") from a wrong one, then a TTL index removes them.
 */
export const tokenPurposes = ['verify_email', 'reset_password'] as const
export type TokenPurpose = (typeof tokenPurposes)[number]

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
}
const KEPT_AFTER_EXPIRY_S = 7 * 24 * 60 * 60

const tokenSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  purpose: { type: String, enum: tokenPurposes, required: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  /** The address the link was sent to: verifying it must not verify another one. */
  email: { type: String, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  usedAt: { type: Date, default: null },
})
tokenSchema.index({ userId: 1, purpose: 1 })
tokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: KEPT_AFTER_EXPIRY_S })

export const AuthToken: Model<InferSchemaType<typeof tokenSchema>> =
  (mongoose.models.AuthToken as Model<InferSchemaType<typeof tokenSchema>>) ?? mongoose.model('AuthToken', tokenSchema, 'auth_tokens')

export const hashLinkToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * A new token for this purpose. Earlier unused ones of the same user and purpose stop working
 * (marked used, so an old link says "already used, a newer one was sent").
 */
export async function issueToken({ userId, email, purpose }: { userId: string; email: string; purpose: TokenPurpose }, now = new Date()) {
  await AuthToken.updateMany({ userId, purpose, usedAt: null }, { $set: { usedAt: now } })
  const token = randomBytes(32).toString('base64url')
  await AuthToken.create({ tokenHash: hashLinkToken(token), purpose, userId, email, createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) })
  return token
}

/** When the user last received a link of this purpose (to refuse mail bursts). */
export async function lastIssuedAt(userId: string, purpose: TokenPurpose): Promise<Date | null> {
  const last = await AuthToken.findOne({ userId, purpose }, { createdAt: 1 }).sort({ createdAt: -1 }).lean()
  return last?.createdAt ?? null
}

export type TokenCheck =
  | { status: 'valid'; userId: string; email: string }
  | { status: 'expired' | 'used'; userId: string; email: string }
  | { status: 'unknown' }

/** What a link is worth, without using it (to show the reset form or say why not). */
export async function checkToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const found = await AuthToken.findOne({ tokenHash: hashLinkToken(token), purpose }).lean()
  if (!found) return { status: 'unknown' }
  const owner = { userId: String(found.userId), email: found.email }
  if (found.usedAt) return { status: 'used', ...owner }
  if (found.expiresAt <= now) return { status: 'expired', ...owner }
  return { status: 'valid', ...owner }
}

/** Uses the token: of two concurrent clicks, exactly one gets `valid`. */
export async function consumeToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const consumed = await AuthToken.findOneAndUpdate(
    { tokenHash: hashLinkToken(token), purpose, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
  ).lean()
  if (consumed) return { status: 'valid', userId: String(consumed.userId), email: consumed.email }
  const check = await checkToken(token, purpose, now)
  // Lost a race between the two queries: it was valid a moment ago, it is used now.
  return check.status === 'valid' ? { ...check, status: 'used' } : check
}
