import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { createHash } from 'node:crypto'
import mongoose from 'mongoose'
import { actorOf } from '~/domain/actor'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { verifyPassword } from '~/domain/auth/password.server'
import {
  checkPasswordResetToken,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signIn,
  signUp,
  verifyEmail,
  checkEmailVerification,
  type MailDeps,
} from '~/domain/auth/service.server'
import { Session } from '~/domain/auth/session.server'
import { startSession } from '~/http/session.server'
import { KnownDevice, SignInAttempt } from '~/domain/auth/throttle.server'
import { AuthToken } from '~/domain/auth/tokens.server'
import { User } from '~/domain/users/model.server'
import { getOwnAccount, updateOwnProfile } from '~/domain/users/service.server'
import { startTestMail } from './mail-support'
import { linkIn, mailFilesTo, waitForMail } from '../e2e/support/mail'
import { isolatedMongoUri } from './support'

/**
 * The account rules against a real mongod, with mail queued in the outbox and delivered by an
 * outbox worker through real SMTP into a capture directory that the tests read back (no mock mailer).
 */
let outboxDir: string
let mail: Awaited<ReturnType<typeof startTestMail>>
let deps: MailDeps
const publicUrl = 'http://passerelle.test'

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await Promise.all([User.init(), AuthToken.init(), SignInAttempt.init(), KnownDevice.init(), Session.init()])
  mail = await startTestMail()
  outboxDir = mail.outboxDir
  deps = { mailer: mail.mailer, publicUrl }
})

afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})

let counter = 0
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${++counter}@exemple.test`
const password = 'la pipe de Saint-Claude fume'
const tokenOf = (link: string) => new URL(link).pathname.split('/').at(-1)!

async function newUser(overrides: { email?: string; language?: 'fr' | 'en'; verified?: boolean } = {}) {
  const email = overrides.email ?? uniqueEmail('user')
  await signUp({ name: 'Claire Martin', email, password, role: 'industrialist', acceptTerms: 'on' }, { ...deps, language: overrides.language ?? 'fr' })
  const userId = String((await User.findOne({ email }).lean())!._id)
  if (overrides.verified) await User.updateOne({ _id: userId }, { emailVerifiedAt: new Date() })
  return { userId, email }
}

describe('sign-up', () => {
  it('creates the account with an argon2id hash and sends a French verification link', async () => {
    const email = uniqueEmail('claire')
    await expect(signUp({ name: 'Claire Martin', email, password, role: 'researcher', acceptTerms: 'on' }, { ...deps, language: 'fr' })).resolves.toBeUndefined()
    const user = await User.findOne({ email }).lean()
    const userId = user!._id
    expect(user).toMatchObject({ email, name: 'Claire Martin', role: 'researcher', language: 'fr', emailVerifiedAt: null })
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/)
    expect(user!.termsAcceptances).toEqual([{ version: CURRENT_TERMS_VERSION, acceptedAt: expect.any(Date) }])
    expect(await verifyPassword(user!.passwordHash, password)).toBe(true)

    const mail = await waitForMail(email, { outboxDir })
    expect(mail.subject).toBe('Confirmez votre adresse e-mail sur Passerelle')
    expect(mail.text).toContain('Bonjour Claire Martin,')
    const link = linkIn(mail, '/verifier-email/')
    expect(link.startsWith(`${publicUrl}/verifier-email/`)).toBe(true)
    // Only the hash of the token is stored.
    const token = tokenOf(link)
    const stored = await AuthToken.findOne({ userId }).lean()
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(stored)).not.toContain(token)
  })

  it('writes the verification mail in English for someone who signed up in English', async () => {
    const email = uniqueEmail('anglophone')
    await newUser({ email, language: 'en' })
    const mail = await waitForMail(email, { outboxDir })
    expect(mail.subject).toBe('Confirm your e-mail address on Passerelle')
    expect(mail.text).toContain('Hello Claire Martin,')
  })

  it('answers an address that already has an account exactly like a new one, and tells its owner by e-mail', async () => {
    const { userId, email } = await newUser({ language: 'en' })
    const verification = await waitForMail(email, { outboxDir, subject: /Confirm/ })
    const seen = [verification.file]
    const answer = await signUp({ name: 'Quelqu’un d’autre', email, password: 'un tout autre mot de passe', role: 'researcher', acceptTerms: 'on' }, { ...deps, language: 'fr' })
    expect(answer).toBeUndefined()
    expect(await User.countDocuments({ email })).toBe(1)
    const owner = await User.findById(userId).lean()
    expect(owner).toMatchObject({ name: 'Claire Martin', role: 'industrialist' })
    expect(await verifyPassword(owner!.passwordHash, password)).toBe(true)

    // The owner's mailbox is told, in the owner's language: sign in, or reset the password.
    const notice = await waitForMail(email, { outboxDir, ignore: seen })
    expect(notice.subject).toBe('You already have a Passerelle account')
    expect(linkIn(notice, '/connexion')).toBe(`${publicUrl}/connexion`)
    expect(await checkPasswordResetToken(tokenOf(linkIn(notice, '/reinitialiser-mot-de-passe/')))).toBe('valid')
    // Trying again at once mails nothing more (one reset link a minute, as for "forgot password").
    await signUp({ name: 'Encore', email, password: 'un tout autre mot de passe', role: 'researcher', acceptTerms: 'on' }, { ...deps, language: 'fr' })
    await expect(waitForMail(email, { outboxDir, ignore: [...seen, notice.file], timeoutMs: 500 })).rejects.toThrow(/no mail/)
  })

  it('creates exactly one account when the same address signs up twice at once, and answers each the same', async () => {
    const email = uniqueEmail('double')
    const attempt = () => signUp({ name: 'Double Clic', email, password, role: 'industrialist', acceptTerms: 'on' }, { ...deps, language: 'fr' })
    const results = await Promise.allSettled([attempt(), attempt(), attempt()])
    expect(results).toEqual(Array(3).fill({ status: 'fulfilled', value: undefined }))
    expect(await User.countDocuments({ email })).toBe(1)
  })

  it('puts where the person was going into the verification link', async () => {
    const email = uniqueEmail('suite')
    await signUp({ name: 'Yann Morel', email, password, role: 'industrialist', acceptTerms: 'on' }, { ...deps, language: 'fr', next: '/invitations/abc' })
    const link = new URL(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    expect(link.searchParams.get('suite')).toBe('/invitations/abc')
  })
})

describe('e-mail verification', () => {
  it('verifies with the mailed link, once; a second click says it is already verified', async () => {
    const { userId, email } = await newUser()
    const token = tokenOf(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    expect(await verifyEmail(token)).toEqual({ status: 'verified', email })
    expect((await User.findById(userId).lean())!.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await verifyEmail(token)).toEqual({ status: 'already_verified' })
  })

  it('refuses an expired link and an unknown one, and a new link replaces the old', async () => {
    const { userId, email } = await newUser()
    const first = tokenOf(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    await AuthToken.updateOne({ userId }, { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 49 * 3600_000) })
    expect(await verifyEmail(first)).toEqual({ status: 'expired' })
    expect(await verifyEmail('x'.repeat(43))).toEqual({ status: 'unknown' })

    const seen = await mailFilesTo(email, outboxDir)
    expect(await resendVerification(userId, deps)).toEqual({ status: 'sent' })
    const second = tokenOf(linkIn(await waitForMail(email, { outboxDir, ignore: seen }), '/verifier-email/'))
    expect(second).not.toBe(first)
    // A minute must pass between two links.
    expect(await resendVerification(userId, deps)).toEqual({ status: 'too_soon' })
    expect(await verifyEmail(second)).toEqual({ status: 'verified', email })
    expect(await resendVerification(userId, deps)).toEqual({ status: 'already_verified' })
  })

  it('checks a link without using it: opening it (a mail scanner, a preview) verifies nothing', async () => {
    const { userId, email } = await newUser()
    const token = tokenOf(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    expect(await checkEmailVerification(token)).toEqual({ status: 'valid', email })
    expect(await checkEmailVerification(token)).toEqual({ status: 'valid', email })
    expect((await User.findById(userId).lean())!.emailVerifiedAt ?? null).toBeNull()
    expect((await AuthToken.findOne({ userId, purpose: 'verify_email' }).lean())!.usedAt ?? null).toBeNull()

    // Checking first does not get in the way of verifying, and then says it is done.
    expect(await verifyEmail(token)).toEqual({ status: 'verified', email })
    expect(await checkEmailVerification(token)).toEqual({ status: 'already_verified' })
  })

  it('checks an unknown, expired, superseded or stale-address link as such', async () => {
    expect(await checkEmailVerification('x'.repeat(43))).toEqual({ status: 'unknown' })
    const { userId, email } = await newUser()
    const first = tokenOf(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    await AuthToken.updateOne({ userId }, { expiresAt: new Date(Date.now() - 1000) })
    expect(await checkEmailVerification(first)).toEqual({ status: 'expired' })

    await AuthToken.updateMany({ userId }, { createdAt: new Date(Date.now() - 120_000) })
    const seen = await mailFilesTo(email, outboxDir)
    expect(await resendVerification(userId, deps)).toEqual({ status: 'sent' })
    const second = tokenOf(linkIn(await waitForMail(email, { outboxDir, ignore: seen }), '/verifier-email/'))
    expect(await checkEmailVerification(first)).toEqual({ status: 'used' })
    expect(await checkEmailVerification(second)).toEqual({ status: 'valid', email })

    // The address changed since: the link proves nothing about the new one.
    await User.updateOne({ _id: userId }, { email: uniqueEmail('moved') })
    expect(await checkEmailVerification(second)).toEqual({ status: 'unknown' })
    expect(await verifyEmail(second)).toEqual({ status: 'unknown' })
  })

  it('a superseded link is reported as used, not as valid', async () => {
    const { userId, email } = await newUser()
    const first = tokenOf(linkIn(await waitForMail(email, { outboxDir }), '/verifier-email/'))
    await AuthToken.updateMany({ userId }, { createdAt: new Date(Date.now() - 120_000) })
    expect(await resendVerification(userId, deps)).toEqual({ status: 'sent' })
    expect(await verifyEmail(first)).toEqual({ status: 'used' })
  })
})

describe('sign-in', () => {
  it('lets the right password in and gives one generic answer for a wrong password or an unknown address', async () => {
    const { userId, email } = await newUser()
    expect(await signIn({ email, password, ip: '10.0.0.1' })).toEqual({ ok: true, userId, deviceToken: expect.stringMatching(/^[\w-]{43}$/) })
    expect(await signIn({ email, password: 'pas le bon mot de passe', ip: '10.0.0.1' })).toEqual({ ok: false, reason: 'invalid_credentials' })
    expect(await signIn({ email: uniqueEmail('inconnu'), password, ip: '10.0.0.1' })).toEqual({ ok: false, reason: 'invalid_credentials' })
  })

  it('backs off guesses at one account from one network after 5 failures, and says until when', async () => {
    const { email } = await newUser()
    const other = await newUser()
    for (let i = 0; i < 5; i++) expect(await signIn({ email, password: `faux-${i}`, ip: '10.1.0.1' })).toMatchObject({ reason: 'invalid_credentials' })
    const before = Date.now()
    const slowed = await signIn({ email, password, ip: '10.1.0.1' })
    expect(slowed).toMatchObject({ ok: false, reason: 'locked' })
    const retryAt = (slowed as { retryAt: Date }).retryAt.getTime()
    expect(retryAt).toBeGreaterThan(before)
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 60_000)
    // Other accounts from that network, and this account from elsewhere, are not slowed down.
    expect(await signIn({ email: other.email, password, ip: '10.1.0.1' })).toMatchObject({ ok: true })
    expect(await signIn({ email, password, ip: '10.1.0.2' })).toMatchObject({ ok: true })
  })

  it('cannot lock the owner out: guesses from elsewhere never slow them down, even once the account is under attack from everywhere', async () => {
    const { userId, email } = await newUser()
    const owner = await signIn({ email, password, ip: '10.9.0.1' })
    expect(owner).toMatchObject({ ok: true, userId })
    const deviceToken = (owner as { deviceToken: string }).deviceToken

    // Someone guesses from one network, then from many: 5 + 55 wrong passwords.
    for (let i = 0; i < 5; i++) expect(await signIn({ email, password: `essai-${i}`, ip: '10.9.9.9' })).toMatchObject({ reason: 'invalid_credentials' })
    expect(await signIn({ email, password: 'encore', ip: '10.9.9.9' })).toMatchObject({ reason: 'locked' })
    // The owner, from their own network, is not affected by that network's failures.
    expect(await signIn({ email, password, ip: '10.9.0.1' })).toMatchObject({ ok: true })
    for (let i = 0; i < 55; i++) await signIn({ email, password: `botnet-${i}`, ip: `10.8.${Math.floor(i / 200)}.${i % 200}` })
    // Untrusted browsers are now backed off everywhere (the account's own budget is spent)…
    expect(await signIn({ email, password, ip: '10.7.7.7' })).toMatchObject({ reason: 'locked' })
    // …but a browser the owner signed in with gets in at once, from any network, the attacker's too.
    expect(await signIn({ email, password, ip: '10.9.9.9', deviceToken })).toMatchObject({ ok: true, userId, deviceToken })
    expect(await signIn({ email, password, ip: '10.6.6.6', deviceToken })).toMatchObject({ ok: true, userId })
    // A device token of another account counts for nothing here.
    const stranger = await newUser()
    const strangerDevice = ((await signIn({ email: stranger.email, password, ip: '10.9.0.2' })) as { deviceToken: string }).deviceToken
    expect(await signIn({ email, password, ip: '10.7.7.7', deviceToken: strangerDevice })).toMatchObject({ reason: 'locked' })
  })

  it('a known browser has its own budget: 5 wrong passwords from it back it off too', async () => {
    const { email } = await newUser()
    const { deviceToken } = (await signIn({ email, password, ip: '10.10.0.1' })) as { deviceToken: string }
    for (let i = 0; i < 5; i++) expect(await signIn({ email, password: `faux-${i}`, ip: '10.10.0.1', deviceToken })).toMatchObject({ reason: 'invalid_credentials' })
    expect(await signIn({ email, password, ip: '10.10.0.1', deviceToken })).toMatchObject({ reason: 'locked' })
  })

  it('a successful sign-in clears the failures of that account from that network (the owner’s typos)', async () => {
    const { email } = await newUser()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect(await signIn({ email, password: `faux-${i}`, ip: '10.2.0.1' })).toMatchObject({ reason: 'invalid_credentials' })
      expect(await signIn({ email, password, ip: '10.2.0.1' })).toMatchObject({ ok: true })
    }
  })

  it('backs off a network after 20 failures across accounts (an IPv6 /64 is one network); other networks still sign in', async () => {
    const { email } = await newUser()
    for (let i = 0; i < 20; i++) {
      expect(await signIn({ email: uniqueEmail(`balayage-${i}`), password: 'devine123456', ip: `2001:db8:3:7::${i.toString(16)}` })).toMatchObject({ reason: 'invalid_credentials' })
    }
    expect(await signIn({ email, password, ip: '2001:db8:3:7::ffff' })).toMatchObject({ ok: false, reason: 'locked' })
    expect(await signIn({ email, password, ip: '2001:db8:3:8::1' })).toMatchObject({ ok: true })
    // A good password from that network did not reset the network's budget.
    expect(await signIn({ email, password, ip: '2001:db8:3:7::1' })).toMatchObject({ ok: false, reason: 'locked' })
  })

  it('a burst of parallel guesses tests no more passwords than the limit', async () => {
    const { email } = await newUser()
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn({ email, password: `rafale-${i}`, ip: '10.4.0.1' })))
    const checked = results.filter((result) => !result.ok && result.reason === 'invalid_credentials').length
    // Under contention some (possibly all) are refused before checking anything; never more than 5 are checked.
    expect(checked).toBeLessThanOrEqual(5)
    expect(results.filter((result) => !result.ok && result.reason === 'locked')).toHaveLength(12 - checked)
    // The refused ones left no trace: exactly 5 wrong passwords in all get checked before the back-off.
    for (let i = checked; i < 5; i++) expect(await signIn({ email, password: `suite-${i}`, ip: '10.4.0.1' })).toMatchObject({ reason: 'invalid_credentials' })
    expect(await signIn({ email, password, ip: '10.4.0.1' })).toMatchObject({ reason: 'locked' })
  })

  it('lets the next try through once the back-off is over', async () => {
    const { email } = await newUser()
    for (let i = 0; i < 5; i++) await signIn({ email, password: `faux-${i}`, ip: '10.11.0.1' })
    expect(await signIn({ email, password, ip: '10.11.0.1' })).toMatchObject({ reason: 'locked' })
    await SignInAttempt.updateMany({}, { $set: { at: new Date(Date.now() - 61_000) } })
    expect(await signIn({ email, password, ip: '10.11.0.1' })).toMatchObject({ ok: true })
  })

  it('refuses a suspended user, but tells it only to someone who knows the password', async () => {
    const { userId, email } = await newUser()
    const until = new Date(Date.now() + 3 * 24 * 3600_000)
    await User.updateOne({ _id: userId }, { suspendedUntil: until })
    expect(await signIn({ email, password: 'pas le bon mot de passe', ip: '10.5.0.1' })).toEqual({ ok: false, reason: 'invalid_credentials' })
    expect(await signIn({ email, password, ip: '10.5.0.1' })).toEqual({ ok: false, reason: 'suspended', until })
    await User.updateOne({ _id: userId }, { suspendedUntil: new Date(Date.now() - 1000) })
    expect(await signIn({ email, password, ip: '10.5.0.1' })).toMatchObject({ ok: true })
  })
})

describe('password reset', () => {
  const request = () => new Request('http://passerelle.test/', { headers: { 'User-Agent': 'vitest' } })

  it('mails a one-hour link; the new password works, every session ends, the link works once', async () => {
    const { userId, email } = await newUser()
    await startSession(request(), userId)
    await startSession(request(), userId)
    expect(await Session.countDocuments({ userId })).toBe(2)

    await requestPasswordReset({ email }, deps)
    const mail = await waitForMail(email, { outboxDir, subject: /mot de passe/ })
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Passerelle')
    const token = tokenOf(linkIn(mail, '/reinitialiser-mot-de-passe/'))
    const stored = await AuthToken.findOne({ userId, purpose: 'reset_password' }).lean()
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(3600_000)
    expect(await checkPasswordResetToken(token)).toBe('valid')

    const newPassword = 'un nouveau départ pour Morez'
    expect(await resetPassword({ token, password: newPassword })).toEqual({ ok: true, userId, suspendedUntil: null })
    expect(await Session.countDocuments({ userId })).toBe(0)
    expect(await signIn({ email, password, ip: '10.6.0.1' })).toMatchObject({ reason: 'invalid_credentials' })
    expect(await signIn({ email, password: newPassword, ip: '10.6.0.1' })).toMatchObject({ ok: true })
    // Following the link proved the mailbox: the address is verified.
    expect((await User.findById(userId).lean())!.emailVerifiedAt).toBeInstanceOf(Date)

    expect(await checkPasswordResetToken(token)).toBe('used')
    expect(await resetPassword({ token, password: 'encore un autre essai de mot' })).toEqual({ ok: false, status: 'used' })
  })

  it('answers the same for an unknown address and sends nothing', async () => {
    const email = uniqueEmail('personne')
    const tokensBefore = await AuthToken.countDocuments({ purpose: 'reset_password' })
    await expect(requestPasswordReset({ email }, deps)).resolves.toBeUndefined()
    expect(await AuthToken.countDocuments({ purpose: 'reset_password' })).toBe(tokensBefore)
    await expect(waitForMail(email, { outboxDir, timeoutMs: 500 })).rejects.toThrow(/no mail/)
  })

  it('refuses an expired link and unlocks a locked account once used', async () => {
    const { userId, email } = await newUser({ language: 'en' })
    for (let i = 0; i < 5; i++) await signIn({ email, password: `faux-${i}`, ip: '10.7.0.1' })
    expect(await signIn({ email, password, ip: '10.7.0.1' })).toMatchObject({ reason: 'locked' })

    await requestPasswordReset({ email }, deps)
    const mail = await waitForMail(email, { outboxDir, subject: /password/ })
    expect(mail.subject).toBe('Reset your Passerelle password')
    const expiredToken = tokenOf(linkIn(mail, '/reinitialiser-mot-de-passe/'))
    await AuthToken.updateOne({ userId, purpose: 'reset_password' }, { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 2 * 3600_000) })
    expect(await resetPassword({ token: expiredToken, password: 'un nouveau départ pour Morez' })).toEqual({ ok: false, status: 'expired' })

    const seen = await mailFilesTo(email, outboxDir)
    await requestPasswordReset({ email }, deps)
    const token = tokenOf(linkIn(await waitForMail(email, { outboxDir, subject: /password/, ignore: seen }), '/reinitialiser-mot-de-passe/'))
    expect(await resetPassword({ token, password: 'un nouveau départ pour Morez' })).toMatchObject({ ok: true })
    expect(await signIn({ email, password: 'un nouveau départ pour Morez', ip: '10.7.0.1' })).toMatchObject({ ok: true })
  })
})

describe('own profile', () => {
  it('shows the owner their account and saves name, title and e-mail language', async () => {
    const { userId, email } = await newUser({ verified: true })
    const actor = actorOf({ id: userId, role: 'industrialist', name: 'Claire Martin' })
    await startSession(new Request('http://passerelle.test/'), userId)
    expect(await getOwnAccount(actor)).toMatchObject({ email, name: 'Claire Martin', title: '', language: 'fr', emailVerified: true, activeSessions: 1 })
    await updateOwnProfile(actor, { name: 'Claire Martin-Rossi', title: 'Responsable méthodes', language: 'en' })
    expect(await getOwnAccount(actor)).toMatchObject({ name: 'Claire Martin-Rossi', title: 'Responsable méthodes', language: 'en' })
    await expect(updateOwnProfile(actorOf({ id: new mongoose.Types.ObjectId().toString(), role: 'industrialist', name: 'X' }), { name: 'X Y', title: '', language: 'fr' })).rejects.toMatchObject({
      code: 'not_found',
    })
  })
})
