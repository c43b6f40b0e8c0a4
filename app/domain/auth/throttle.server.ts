import { createHash } from 'node:crypto'
import mongoose, { Schema, type InferSchemaType, type Model, type Types } from 'mongoose'
import { accountLockout, ipLockout, LOCKOUT_WINDOW_MS, retryAfter, type LockoutRule } from './lockout'

/**
 * Sign-in attempts, one document per key (account, IP) and attempt, kept in MongoDB so every
 * app process sees the same counts; a TTL index drops them once they leave the window.
 * Keys are hashed: neither typed addresses nor IPs are stored in clear.
 */
const attemptSchema = new Schema({
  key: { type: String, required: true },
  at: { type: Date, required: true },
})
attemptSchema.index({ key: 1, at: 1 })
attemptSchema.index({ at: 1 }, { expireAfterSeconds: LOCKOUT_WINDOW_MS / 1000 })

export const SignInAttempt: Model<InferSchemaType<typeof attemptSchema>> =
  (mongoose.models.SignInAttempt as Model<InferSchemaType<typeof attemptSchema>>) ??
  mongoose.model('SignInAttempt', attemptSchema, 'sign_in_attempts')

const digest = (value: string) => createHash('sha256').update(value).digest('hex')

export const accountKey = (email: string) => `account:${digest(email.trim().toLowerCase())}`
/** "::ffff:1.2.3.4" and "1.2.3.4" are the same client. */
export const ipKey = (ip: string) => `ip:${digest(ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') || 'unknown')}`

export type AttemptOutcome = { locked: false; succeeded: () => Promise<void> } | { locked: true; retryAt: Date }

/**
 * Reserves one attempt for the account and the IP *before* the password is checked: the
 * attempt counts while it runs, so a burst of parallel requests cannot test more passwords
 * than the limit allows. A refused attempt removes its reservation (it checked nothing);
 * a failed one stays as the failure record; a successful one clears the account's failures
 * (never the IP's: one good password must not reset an attacker's IP budget).
 */
export async function reserveSignInAttempt({ email, ip }: { email: string; ip: string }, now = new Date()): Promise<AttemptOutcome> {
  const rules: Array<[string, LockoutRule]> = [
    [accountKey(email), accountLockout],
    [ipKey(ip), ipLockout],
  ]
  const own = await SignInAttempt.insertMany(rules.map(([key]) => ({ key, at: now })))
  const ownIds = own.map((attempt) => attempt._id as Types.ObjectId)
  const retryAts = await Promise.all(
    rules.map(async ([key, rule]) => {
      const earlier = await SignInAttempt.find({ key, at: { $gt: new Date(now.getTime() - rule.windowMs) }, _id: { $nin: ownIds } }, { at: 1 }).lean()
      return retryAfter(
        earlier.map((attempt) => attempt.at),
        rule,
        now,
      )
    }),
  )
  const retryAt = retryAts.reduce<Date | null>((latest, at) => (at && (!latest || at > latest) ? at : latest), null)
  if (retryAt) {
    await SignInAttempt.deleteMany({ _id: { $in: ownIds } })
    return { locked: true, retryAt }
  }
  return {
    locked: false,
    async succeeded() {
      await SignInAttempt.deleteMany({ $or: [{ key: rules[0]![0] }, { _id: { $in: ownIds } }] })
    },
  }
}

/** After a password reset the owner proved they hold the mailbox: their account is unlocked. */
export async function clearAccountFailures(email: string) {
  await SignInAttempt.deleteMany({ key: accountKey(email) })
}
