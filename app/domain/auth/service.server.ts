import { randomBytes } from 'node:crypto'
import { isLanguage, type Language } from '~/i18n/config'
import { CURRENT_TERMS_VERSION } from '../legal/terms'
import type { Mailer } from '../mail/mailer'
import { User } from '../users/model.server'
import { accountExistsEmail, passwordResetEmail, passwordResetLink, signInLink, verificationEmail, verificationLink } from './emails.server'
import { hashPassword, verifyPassword } from './password.server'
import type { SignUpInput } from './schema'
import { endAllSessions } from './session.server'
import { clearAccountFailures, reserveSignInAttempt } from './throttle.server'
import { checkToken, consumeToken, issueToken, lastIssuedAt, type TokenCheck } from './tokens.server'

/**
 * Account rules: sign-up, sign-in, e-mail verification, password reset. Routes stay thin and
 * hand in what these need (mailer, public URL, client IP); tests call them directly.
 * Inputs are already parsed by the zod schemas in ./schema.ts.
 */
export type MailDeps = {
  mailer: Mailer
  /** Origin of the links in e-mails. */
  publicUrl: string
  logger?: { error: (details: object, message: string) => void }
}

/** One link of each kind per minute and account: nobody can use us to flood a mailbox. */
export const MAIL_COOLDOWN_MS = 60_000

const languageOf = (value: unknown): Language => (isLanguage(value) ? value : 'fr')

async function sendVerification(user: { id: string; email: string; name: string; language: Language }, deps: MailDeps, next = '/') {
  const token = await issueToken({ userId: user.id, email: user.email, purpose: 'verify_email' })
  await deps.mailer.send(verificationEmail({ to: user.email, name: user.name, language: user.language, link: verificationLink(deps.publicUrl, token, next) }))
}

const isDuplicateKey = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000

/**
 * Sign-up answers the same whether or not the address has an account — the page only says an
 * e-mail was sent, and the mailbox tells the rest: a new address gets its account and the
 * verification link; an address that has an account gets a notice to its owner (sign in, or a
 * password reset link, at most one a minute like "forgot password"). Both hash the password and
 * send in the background, so neither answers measurably faster. Nobody is signed in here.
 */
export async function signUp(input: SignUpInput, deps: MailDeps & { language: Language; next?: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password)
  const existing = await User.findOne({ email: input.email }, { email: 1, name: 1, language: 1 }).lean()
  if (existing) return notifyAccountOwner(existing, deps)
  let userId: string
  try {
    const user = await User.create({
      email: input.email,
      passwordHash,
      name: input.name,
      role: input.role,
      language: deps.language,
      termsAcceptances: [{ version: CURRENT_TERMS_VERSION, acceptedAt: new Date() }],
    })
    userId = String(user._id)
  } catch (error) {
    // Two sign-ups at once with one address: the unique index lets exactly one through.
    const winner = isDuplicateKey(error) ? await User.findOne({ email: input.email }, { email: 1, name: 1, language: 1 }).lean() : null
    if (winner) return notifyAccountOwner(winner, deps)
    throw error
  }
  // The account exists either way; /compte can send the link again.
  sendVerification({ id: userId, email: input.email, name: input.name, language: deps.language }, deps, deps.next).catch((error: unknown) =>
    deps.logger?.error({ err: error }, 'verification e-mail not sent'),
  )
}

async function notifyAccountOwner(user: { _id: unknown; email: string; name: string; language?: unknown }, deps: MailDeps) {
  const userId = String(user._id)
  const last = await lastIssuedAt(userId, 'reset_password')
  if (last && Date.now() - last.getTime() < MAIL_COOLDOWN_MS) return
  const token = await issueToken({ userId, email: user.email, purpose: 'reset_password' })
  const mail = accountExistsEmail({
    to: user.email,
    name: user.name,
    language: languageOf(user.language),
    signInLink: signInLink(deps.publicUrl),
    resetLink: passwordResetLink(deps.publicUrl, token),
  })
  deps.mailer.send(mail).catch((error: unknown) => deps.logger?.error({ err: error }, 'account-exists e-mail not sent'))
}

export type SignInResult =
  | { ok: true; userId: string; deviceToken: string }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'locked'; retryAt: Date }
  | { ok: false; reason: 'suspended'; until: Date }

/** A hash to verify against when the address is unknown, so both cases take as long. */
let decoyHash: Promise<string> | undefined
const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')))

/**
 * Unknown address and wrong password give the same answer. Suspension is only told to someone
 * who knows the password (otherwise it would reveal that the account exists). Guesses are
 * throttled per account and network with back-off (./throttle.server.ts), never so that they keep
 * the owner out: a success answers the browser's known-device token, for the route to keep in a
 * cookie and hand back as `deviceToken` next time.
 */
export async function signIn({
  email,
  password,
  ip,
  deviceToken,
  allowDemoAccounts = false,
}: {
  email: string
  password: string
  ip: string
  /** The known-device cookie of the browser, if any. */
  deviceToken?: string
  /** Demo accounts share a published password: they only work in demo mode. */
  allowDemoAccounts?: boolean
}): Promise<SignInResult> {
  const attempt = await reserveSignInAttempt({ email, ip, deviceToken })
  if (attempt.locked) return { ok: false, reason: 'locked', retryAt: attempt.retryAt }
  const user = await User.findOne({ email }, { passwordHash: 1, suspendedUntil: 1, fictional: 1 }).lean()
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), password)
  if (!user || !passwordMatches || (user.fictional && !allowDemoAccounts)) return { ok: false, reason: 'invalid_credentials' }
  const device = await attempt.succeeded(String(user._id))
  if (user.suspendedUntil && user.suspendedUntil > new Date()) return { ok: false, reason: 'suspended', until: user.suspendedUntil }
  return { ok: true, userId: String(user._id), deviceToken: device.deviceToken }
}

export type VerifyEmailResult = { status: 'verified'; email: string } | { status: 'already_verified' | 'expired' | 'used' | 'unknown' }

export type EmailVerificationCheck = { status: 'valid'; email: string } | { status: 'already_verified' | 'expired' | 'used' | 'unknown' }

/**
 * What the e-mailed link would do, without using it: the page asks for a click first, so that a
 * mail scanner or a link preview opening the link verifies nothing.
 */
export async function checkEmailVerification(token: string): Promise<EmailVerificationCheck> {
  const check = await checkToken(token, 'verify_email')
  if (check.status === 'unknown') return check
  const user = await User.findById(check.userId, { email: 1, emailVerifiedAt: 1 }).lean()
  // Same answers as verifyEmail: a link for a former address proves nothing.
  if (!user || user.email !== check.email) return { status: 'unknown' }
  if (user.emailVerifiedAt) return { status: 'already_verified' }
  if (check.status !== 'valid') return { status: check.status }
  return { status: 'valid', email: user.email }
}

/** The person pressed the page's button: the address is verified, once (the link is used up). */
export async function verifyEmail(token: string): Promise<VerifyEmailResult> {
  const check = await consumeToken(token, 'verify_email')
  if (check.status === 'unknown') return check
  const user = await User.findById(check.userId, { email: 1, emailVerifiedAt: 1 }).lean()
  // The address changed since the link was sent: this link proves nothing about the new one.
  if (!user || user.email !== check.email) return { status: 'unknown' }
  if (check.status !== 'valid') return user.emailVerifiedAt ? { status: 'already_verified' } : { status: check.status }
  if (user.emailVerifiedAt) return { status: 'already_verified' }
  await User.updateOne({ _id: user._id, email: check.email }, { $set: { emailVerifiedAt: new Date() } })
  return { status: 'verified', email: user.email }
}

export type ResendResult = { status: 'sent' | 'already_verified' | 'too_soon' | 'failed' }

export async function resendVerification(userId: string, deps: MailDeps): Promise<ResendResult> {
  const user = await User.findById(userId, { email: 1, name: 1, language: 1, emailVerifiedAt: 1 }).lean()
  if (!user) return { status: 'failed' }
  if (user.emailVerifiedAt) return { status: 'already_verified' }
  const last = await lastIssuedAt(userId, 'verify_email')
  if (last && Date.now() - last.getTime() < MAIL_COOLDOWN_MS) return { status: 'too_soon' }
  try {
    await sendVerification({ id: userId, email: user.email, name: user.name, language: languageOf(user.language) }, deps)
    return { status: 'sent' }
  } catch (error) {
    deps.logger?.error({ err: error }, 'verification e-mail not sent')
    return { status: 'failed' }
  }
}

/**
 * Always answers the same way, whether or not the address has an account. The mail is sent
 * in the background: waiting for the SMTP server would make known addresses measurably slower.
 */
export async function requestPasswordReset({ email }: { email: string }, deps: MailDeps): Promise<void> {
  const user = await User.findOne({ email }, { email: 1, name: 1, language: 1 }).lean()
  if (!user) return
  const userId = String(user._id)
  const last = await lastIssuedAt(userId, 'reset_password')
  if (last && Date.now() - last.getTime() < MAIL_COOLDOWN_MS) return
  const token = await issueToken({ userId, email: user.email, purpose: 'reset_password' })
  const mail = passwordResetEmail({ to: user.email, name: user.name, language: languageOf(user.language), link: passwordResetLink(deps.publicUrl, token) })
  deps.mailer.send(mail).catch((error: unknown) => deps.logger?.error({ err: error }, 'password reset e-mail not sent'))
}

/** Whether a reset link still works, to show the form or say why not before anything is typed. */
export async function checkPasswordResetToken(token: string): Promise<TokenCheck['status']> {
  return (await checkToken(token, 'reset_password')).status
}

export type ResetPasswordResult =
  | { ok: true; userId: string; suspendedUntil: Date | null }
  | { ok: false; status: 'expired' | 'used' | 'unknown' }

/**
 * Sets the new password and ends every session of the account (a thief who had one is out).
 * Following the link also proves the mailbox is the user's, so the address counts as verified
 * and the account's sign-in failures are forgotten (the owner's way in from a new browser while
 * someone is guessing their password).
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<ResetPasswordResult> {
  const check = await consumeToken(token, 'reset_password')
  if (check.status !== 'valid') return { ok: false, status: check.status }
  const user = await User.findById(check.userId, { email: 1, emailVerifiedAt: 1, suspendedUntil: 1 }).lean()
  if (!user || user.email !== check.email) return { ok: false, status: 'unknown' }
  await User.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(password), ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: new Date() }) } },
  )
  await endAllSessions(check.userId)
  await clearAccountFailures(user.email)
  const suspendedUntil = user.suspendedUntil && user.suspendedUntil > new Date() ? user.suspendedUntil : null
  return { ok: true, userId: check.userId, suspendedUntil }
}
