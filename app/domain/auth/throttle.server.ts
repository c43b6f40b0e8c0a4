import { createHash, randomBytes } from 'node:crypto'
import { isIPv6 } from 'node:net'
import mongoose, { Schema, type InferSchemaType, type Model, type Types } from 'mongoose'
import { User } from '../users/model.server'
import { accountThrottle, networkThrottle, pairThrottle, retryAfter, THROTTLE_WINDOW_MS, type ThrottleRule } from './lockout'

/**
 * Sign-in throttling, kept in MongoDB so every app process sees the same counts (rules in
 * ./lockout.ts, design in docs/decisions/016-origins-redirects-throttling.md). One document per
 * key and attempt; a TTL index drops them once they leave the window. Keys are hashed: neither
 * typed addresses, IPs nor device tokens are stored in clear.
 */
const attemptSchema = new Schema({
  key: { type: String, required: true },
  at: { type: Date, required: true },
})
attemptSchema.index({ key: 1, at: 1 })
attemptSchema.index({ at: 1 }, { expireAfterSeconds: THROTTLE_WINDOW_MS / 1000 })

export const SignInAttempt: Model<InferSchemaType<typeof attemptSchema>> =
  (mongoose.models.SignInAttempt as Model<InferSchemaType<typeof attemptSchema>>) ?? mongoose.model('SignInAttempt', attemptSchema, 'sign_in_throttle')

/**
 * Browsers the owner signed in with: a random token in a long-lived cookie, its sha256 stored
 * with the account. Such a browser is throttled on its own budget only, so guesses made
 * elsewhere never keep the owner out. It proves nothing else (the password is still checked).
 */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000

const knownDeviceSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
  expiresAt: { type: Date, required: true },
})
knownDeviceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 })

export const KnownDevice: Model<InferSchemaType<typeof knownDeviceSchema>> =
  (mongoose.models.KnownDevice as Model<InferSchemaType<typeof knownDeviceSchema>>) ?? mongoose.model('KnownDevice', knownDeviceSchema, 'known_devices')

const digest = (value: string) => createHash('sha256').update(value).digest('hex')
const accountDigest = (email: string) => digest(email.trim().toLowerCase())

/**
 * The network an address belongs to, as far as guessing goes: an IPv4 address itself
 * ("::ffff:1.2.3.4" is "1.2.3.4"), an IPv6 address's /64 (one subscriber holds a whole /64).
 */
export function networkOf(ip: string): string {
  const address = ip.replace(/%.*$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  if (!isIPv6(address)) return address || 'unknown'
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`
}

/** The known device behind `token`, if it belongs to the account being signed in to. */
async function knownDeviceFor(token: string | undefined, email: string) {
  if (!token) return null
  const device = await KnownDevice.findOne({ tokenHash: digest(token), expiresAt: { $gt: new Date() } }, { userId: 1 }).lean()
  if (!device) return null
  const owner = await User.findById(device.userId, { email: 1 }).lean()
  return owner && owner.email === email.trim().toLowerCase() ? device : null
}

export type AttemptOutcome =
  | { locked: false; succeeded: (userId: string) => Promise<{ deviceToken: string }> }
  | { locked: true; retryAt: Date }

/**
 * Reserves one attempt on each key *before* the password is checked: the attempt counts while it
 * runs, so a burst of parallel requests cannot test more passwords than the rules allow. A refused
 * attempt removes its reservations (it checked nothing); a failed one stays as the failure record.
 *
 * Keys: from a browser the owner signed in with (a known device of this account), that device
 * alone; otherwise the account from this network, the network, and the account from anywhere.
 * A success clears only the failures of its own key (the owner's typos there) — never the
 * network's nor the account's elsewhere, so signing in never hands a guesser a fresh budget —
 * and remembers the browser as a known device.
 */
export async function reserveSignInAttempt(
  { email, ip, deviceToken }: { email: string; ip: string; deviceToken?: string },
  now = new Date(),
): Promise<AttemptOutcome> {
  const account = accountDigest(email)
  const network = digest(networkOf(ip))
  const device = await knownDeviceFor(deviceToken, email)
  const rules: Array<[string, ThrottleRule]> = device
    ? [[`device:${digest(deviceToken!)}`, pairThrottle]]
    : [
        [`pair:${account}:${network}`, pairThrottle],
        [`network:${network}`, networkThrottle],
        [`account:${account}`, accountThrottle],
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
    async succeeded(userId) {
      await SignInAttempt.deleteMany({ $or: [{ _id: { $in: ownIds } }, { key: rules[0]![0] }] })
      return { deviceToken: await rememberDevice(device ? deviceToken! : undefined, userId, now) }
    },
  }
}

const accountKeys = (account: string) => [{ key: `account:${account}` }, { key: { $regex: `^pair:${account}:` } }]

/** Keeps (or starts) the browser's known-device record for a year from now; answers its token. */
async function rememberDevice(token: string | undefined, userId: string, now: Date): Promise<string> {
  const kept = token ?? randomBytes(32).toString('base64url')
  await KnownDevice.updateOne({ tokenHash: digest(kept) }, { $set: { userId, expiresAt: new Date(now.getTime() + KNOWN_DEVICE_TTL_MS) } }, { upsert: true })
  return kept
}

/** After a password reset the owner proved they hold the mailbox: the account is no longer throttled anywhere. */
export async function clearAccountFailures(email: string) {
  await SignInAttempt.deleteMany({ $or: accountKeys(accountDigest(email)) })
}
