import { describe, expect, it } from 'vitest'
import { isPermanentFailure, retryDelayMs } from '~/domain/mail/backoff'
import { MAX_ATTACHMENTS_BYTES, outgoingMailSchema, oneLine } from '~/domain/mail/message'
import { attachmentNames } from '../../server/mail/capture-server'
import { signUnsubscribeToken, verifyUnsubscribeToken } from '~/domain/mail/signed-links'
import { shouldMailBurst } from '~/domain/notifications/email-messages'
import { defaultMailPreferences, effectiveMailPreferences, mailKinds, storedMailPreferences, unsubscribed } from '~/domain/notifications/preferences'

describe('outbox back-off', () => {
  const policy = { baseMs: 15_000, maxMs: 3_600_000 }
  it('doubles from 15 s, within ±20 %, up to an hour', () => {
    expect(retryDelayMs(1, policy, () => 0.5)).toBe(15_000)
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(30_000)
    expect(retryDelayMs(5, policy, () => 0.5)).toBe(240_000)
    expect(retryDelayMs(30, policy, () => 0.5)).toBe(3_600_000)
    expect(retryDelayMs(1, policy, () => 0)).toBe(12_000)
    expect(retryDelayMs(1, policy, () => 0.999999)).toBeLessThanOrEqual(18_000)
    for (let attempts = 1; attempts < 40; attempts++) expect(retryDelayMs(attempts, policy)).toBeLessThanOrEqual(3_600_000 * 1.2)
  })
  it('gives up at once on a 5xx answer only', () => {
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true)
    expect(isPermanentFailure({ responseCode: 421 })).toBe(false)
    expect(isPermanentFailure(new Error('connect ECONNREFUSED'))).toBe(false)
  })
})

describe('mail attachments', () => {
  const base = { to: 'a@exemple.test', subject: 's', text: 't' }
  const ics = { filename: 'rencontre-0123456789abcdef01234567.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }
  const issue = (mail: object) => outgoingMailSchema.safeParse(mail).error?.issues[0]?.message
  it('accepts up to 3 small text files with plain names and simple types', () => {
    expect(outgoingMailSchema.safeParse({ ...base, attachments: [ics] }).data?.attachments).toEqual([ics])
    expect(outgoingMailSchema.safeParse({ ...base, attachments: [ics, ics, ics] }).success).toBe(true)
    expect(outgoingMailSchema.safeParse({ ...base, attachments: [{ ...ics, content: 'x'.repeat(MAX_ATTACHMENTS_BYTES) }] }).success).toBe(true)
  })
  it('refuses more, larger (in UTF-8 bytes), unnamed, path-like or header-breaking ones', () => {
    expect(issue({ ...base, attachments: [ics, ics, ics, ics] })).toBe('mail.errors.attachment')
    expect(issue({ ...base, attachments: [{ ...ics, content: 'x'.repeat(MAX_ATTACHMENTS_BYTES + 1) }] })).toBe('mail.errors.attachmentSize')
    expect(issue({ ...base, attachments: [{ ...ics, content: 'é'.repeat(MAX_ATTACHMENTS_BYTES / 2 + 1) }] })).toBe('mail.errors.attachmentSize')
    for (const filename of ['', '.ics', '../x.ics', 'a/b.ics', 'a..ics', 'a b.ics', 'a".ics', 'a\r\nb.ics']) expect(issue({ ...base, attachments: [{ ...ics, filename }] }), filename).toBe('mail.errors.attachment')
    for (const contentType of ['text', 'text/calendar\r\nBcc: b@c.d', 'text/calendar; method="REQUEST"', 'text/calendar; x=a b']) expect(issue({ ...base, attachments: [{ ...ics, contentType }] }), contentType).toBe('mail.errors.attachment')
    expect(issue({ ...base, attachments: [{ ...ics, content: '' }] })).toBe('mail.errors.attachment')
  })
  it('the capture server reads the names a message declares', () => {
    const raw = ['Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Bonjour', '--b', 'Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=rencontre-1.ics', 'Content-Disposition: attachment;', ' filename=rencontre-1.ics', '', 'BEGIN:VCALENDAR', '--b', 'Content-Disposition: attachment; filename="notes.txt"', '', 'x', '--b--'].join('\r\n')
    expect(attachmentNames(raw)).toEqual(['rencontre-1.ics', 'notes.txt'])
    expect(attachmentNames('Subject: rien\r\n\r\nBonjour')).toEqual([])
  })
})

describe('mail headers', () => {
  it('folds control characters of a subject into one line', () => {
    expect(oneLine('Bonjour\r\nBcc: x@y.z')).toBe('Bonjour Bcc: x@y.z')
    expect(oneLine('a\u2028b\u0000c')).toBe('a b c')
  })
  it('refuses line breaks in addresses and header values, and reserved header names', () => {
    const base = { to: 'a@exemple.test', subject: 's', text: 't' }
    expect(outgoingMailSchema.safeParse(base).success).toBe(true)
    expect(outgoingMailSchema.safeParse({ ...base, to: 'a@exemple.test\nBcc: b@c.d' }).success).toBe(false)
    expect(outgoingMailSchema.safeParse({ ...base, headers: { 'X-A': 'ok\r\nBcc: b@c.d' } }).success).toBe(false)
    expect(outgoingMailSchema.safeParse({ ...base, headers: { BCC: 'b@c.d' } }).success).toBe(false)
    expect(outgoingMailSchema.safeParse({ ...base, subject: '\r\n' }).success).toBe(false)
  })
})

describe('unsubscribe tokens', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters'
  const userId = '65a1b2c3d4e5f60718293a4b'
  it('verifies what it signed, for that person and scope only', () => {
    const token = signUnsubscribeToken(secret, userId, 'proposal_received')
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId, scope: 'proposal_received' })
    expect(verifyUnsubscribeToken('another-secret-of-at-least-thirty-two-chars', token)).toBeNull()
    const [, , signature] = token.split('.')
    expect(verifyUnsubscribeToken(secret, `${userId}.all.${signature}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `65a1b2c3d4e5f60718293a4c.proposal_received.${signature}`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, `${token}x`)).toBeNull()
    expect(verifyUnsubscribeToken(secret, 'n’importe quoi')).toBeNull()
    expect(verifyUnsubscribeToken(secret, undefined)).toBeNull()
  })
})

describe('mail preferences', () => {
  it('defaults by persona: what each waits for comes at once, the rest in a digest', () => {
    expect(defaultMailPreferences('industrialist')).toMatchObject({ proposal_received: 'immediate', need_status: 'daily', message: 'immediate' })
    expect(defaultMailPreferences('researcher')).toMatchObject({ proposal_shortlisted: 'immediate', proposal_declined: 'daily' })
    expect(defaultMailPreferences('admin')).toMatchObject({ proposal_received: 'weekly', message: 'immediate' })
    // A one-to-one's time comes with its calendar event, which digests do not carry.
    for (const role of ['industrialist', 'researcher'] as const) expect(defaultMailPreferences(role)).toMatchObject({ one_to_one_accepted: 'immediate', one_to_one_cancelled: 'immediate', one_to_one_requested: 'daily' })
    for (const role of ['industrialist', 'researcher', 'animator', 'admin'] as const) expect(Object.keys(defaultMailPreferences(role)).sort()).toEqual([...mailKinds].sort())
  })
  it('keeps only valid choices over the defaults, and stores only what differs', () => {
    const effective = effectiveMailPreferences('industrialist', { proposal_received: 'weekly', need_status: 'bogus', message: 'daily' })
    expect(effective).toMatchObject({ proposal_received: 'weekly', need_status: 'daily', message: 'immediate' })
    expect(storedMailPreferences('industrialist', effective)).toEqual({ proposal_received: 'weekly' })
  })
  it('unsubscribes one kind, one digest or everything', () => {
    const preferences = defaultMailPreferences('industrialist')
    expect(unsubscribed(preferences, 'proposal_received')).toMatchObject({ proposal_received: 'in_app', project_created: 'immediate' })
    const noDaily = unsubscribed(preferences, 'digest-daily')
    expect(Object.values(noDaily)).not.toContain('daily')
    expect(noDaily.proposal_received).toBe('immediate')
    expect(new Set(Object.values(unsubscribed(preferences, 'all')))).toEqual(new Set(['in_app']))
  })
})

describe('unread messages by e-mail', () => {
  it('one e-mail per burst: only for messages beyond what was read and told, and not again before the last one is read', () => {
    expect(shouldMailBurst({ lastReadSeq: 0, mailedUpToSeq: 0, newestUnreadFromOthers: 3 })).toBe(true)
    expect(shouldMailBurst({ lastReadSeq: 0, mailedUpToSeq: 0, newestUnreadFromOthers: null })).toBe(false)
    expect(shouldMailBurst({ lastReadSeq: 3, mailedUpToSeq: 0, newestUnreadFromOthers: 3 })).toBe(false)
    // Told up to 3, more came, not read since: not chased.
    expect(shouldMailBurst({ lastReadSeq: 0, mailedUpToSeq: 3, newestUnreadFromOthers: 5 })).toBe(false)
    // Read what was told, a new burst came: a new e-mail.
    expect(shouldMailBurst({ lastReadSeq: 3, mailedUpToSeq: 3, newestUnreadFromOthers: 5 })).toBe(true)
  })
})
