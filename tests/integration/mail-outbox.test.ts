import { readFile } from 'node:fs/promises'
import mongoose from 'mongoose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { claimNextMail, enqueueMail, outboxMailer, startOutboxWorker } from '~/domain/mail/outbox.server'
import type { OutgoingMail } from '~/domain/mail/mailer'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { listTroubledMails } from '~/domain/mail/outbox-admin.server'
import { getFreePort } from '../../server/embedded/ports'
import { attachmentNames, startMailCapture } from '../../server/mail/capture-server'
import { createSmtpTransport } from '../../server/mail/smtp-mailer'
import { readOutbox, waitForMail } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { isolatedMongoUri, testLogger } from './support'

/**
 * The outbox against a real mongod and the real SMTP capture server: each mail delivered once by
 * several workers, kept while the SMTP server is down and delivered when it is back, and nothing
 * a caller passes can add a header.
 */
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})
beforeEach(async () => {
  await OutboxMail.deleteMany({})
})

let counter = 0
const address = (label: string) => `${label}-${Date.now()}-${++counter}@exemple.test`

describe('outbox', () => {
  it('two workers (two processes’ worth of lanes) deliver 40 mails, each exactly once, and keep no body once sent', async () => {
    const recipients = Array.from({ length: 40 }, (_, index) => address(`once${index}`))
    for (const to of recipients) await outboxMailer.send({ to, subject: 'Bonjour', text: 'Un seul envoi.', kind: 'test' })
    const a = startOutboxWorker({ transport: mail.transport, workerId: 'process-a', concurrency: 4, autoStart: false })
    const b = startOutboxWorker({ transport: mail.transport, workerId: 'process-b', concurrency: 4, autoStart: false })
    const [fromA, fromB] = await Promise.all([a.drain(), b.drain()])
    expect(fromA.sent + fromB.sent).toBe(40)
    // Both really worked (neither sat idle while the other did everything).
    expect(fromA.sent).toBeGreaterThan(0)
    expect(fromB.sent).toBeGreaterThan(0)

    const captured = (await readOutbox(mail.outboxDir)).filter((item) => recipients.includes(item.to[0]!))
    expect(captured).toHaveLength(40)
    expect(new Set(captured.map((item) => item.to[0])).size).toBe(40)
    const stored = await OutboxMail.find({ to: { $in: recipients } }).lean()
    expect(stored.every((item) => item.status === 'sent' && item.attempts === 1 && item.sentAt && item.text === undefined && item.html === undefined)).toBe(true)
  })

  it('a claim is exclusive until its lease runs out; then another worker takes the mail', async () => {
    await enqueueMail({ to: address('lease'), subject: 'Bail', text: 'x' })
    const now = new Date()
    const first = await claimNextMail('w1', { now, leaseMs: 60_000 })
    expect(first?.claimedBy).toBe('w1')
    expect(await claimNextMail('w2', { now })).toBeNull()
    // w1 died without answering: after its lease, w2 gets it (attempt 2).
    const later = await claimNextMail('w2', { now: new Date(now.getTime() + 60_001) })
    expect(later).toMatchObject({ claimedBy: 'w2', attempts: 2 })
  })

  it('keeps the mail while the SMTP server is down, backs off, and delivers it once when it is back', async () => {
    const port = await getFreePort()
    const transport = createSmtpTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Passerelle <ne-pas-repondre@passerelle.test>', pool: false })
    const worker = startOutboxWorker({ transport, workerId: 'down', autoStart: false, backoff: { baseMs: 300, maxMs: 1_000 } })
    const to = address('down')
    await outboxMailer.send({ to, subject: 'Malgré la panne', text: 'Arrivé quand même.' })

    expect(await worker.drain()).toMatchObject({ sent: 0, retried: 1 })
    const waiting = await OutboxMail.findOne({ to }).lean()
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null })
    expect(waiting!.lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())

    // Still down at the next attempt: a longer wait.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await worker.drain()).toMatchObject({ sent: 0, retried: 1 })

    const capture = await startMailCapture({ outboxDir: mail.outboxDir, logger: testLogger(), port })
    try {
      await new Promise((resolve) => setTimeout(resolve, 800))
      expect(await worker.drain()).toMatchObject({ sent: 1 })
      expect(await worker.drain()).toMatchObject({ sent: 0, retried: 0 })
      const received = await waitForMail(to, { outboxDir: mail.outboxDir })
      expect(received.subject).toBe('Malgré la panne')
      expect((await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(to))).toHaveLength(1)
      expect(await OutboxMail.findOne({ to }).lean()).toMatchObject({ status: 'sent', attempts: 3 })
    } finally {
      transport.close()
      await capture.close()
    }
  })

  it('marks a mail failed after the last attempt, for the admin to see', async () => {
    const port = await getFreePort()
    const transport = createSmtpTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'x@passerelle.test', pool: false })
    const worker = startOutboxWorker({ transport, workerId: 'gives-up', autoStart: false, maxAttempts: 1 })
    const to = address('failed')
    await outboxMailer.send({ to, subject: 'Perdu', text: 'x' })
    expect(await worker.drain()).toMatchObject({ failed: 1 })
    expect(await OutboxMail.findOne({ to }).lean()).toMatchObject({ status: 'failed' })
    transport.close()

    // The admin sees it (without its body); nobody else may look.
    const admin = { id: new mongoose.Types.ObjectId().toHexString(), role: 'admin' as const, name: 'Admin', animates: [] }
    const listed = await listTroubledMails(admin)
    expect(listed.find((item) => item.to === to)).toMatchObject({ status: 'failed', subject: 'Perdu', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) })
    expect(listed.find((item) => item.to === to)).not.toHaveProperty('text')
    await expect(listTroubledMails({ ...admin, role: 'animator' })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('queues a mail with a key once, however often it is queued', async () => {
    const to = address('key')
    const results = await Promise.all([1, 2, 3].map(() => enqueueMail({ to, subject: 'Une fois', text: 'x', key: `test:${to}` })))
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1)
    expect(await OutboxMail.countDocuments({ to })).toBe(1)
  })
})

describe('header injection', () => {
  it('folds CR/LF in a subject to spaces: no header is added, nobody else receives it', async () => {
    const to = address('crlf')
    await outboxMailer.send({ to, subject: 'Bonjour\nBcc: victime@exemple.test\rX-Injected: oui', text: 'Corps' })
    // Folded before it is stored (nodemailer folds too: two locks, ours does not depend on the library).
    expect((await OutboxMail.findOne({ to }).lean())!.subject).toBe('Bonjour Bcc: victime@exemple.test X-Injected: oui')
    await mail.drain()
    const received = await waitForMail(to, { outboxDir: mail.outboxDir })
    expect(received.subject).toBe('Bonjour Bcc: victime@exemple.test X-Injected: oui')
    expect(received.parsed.headers.has('bcc')).toBe(false)
    expect(received.parsed.headers.has('x-injected')).toBe(false)
    expect((await readOutbox(mail.outboxDir)).some((item) => item.to.includes('victime@exemple.test'))).toBe(false)
  })

  it('refuses an address or a header value with a line break, and headers the app sets itself', async () => {
    const attempts: OutgoingMail[] = [
      { to: 'a@exemple.test\r\nBcc: victime@exemple.test', subject: 'x', text: 'x' },
      { to: 'a@exemple.test', subject: 'x', text: 'x', headers: { 'List-Unsubscribe': '<https://x>\r\nBcc: victime@exemple.test' } },
      { to: 'a@exemple.test', subject: 'x', text: 'x', headers: { Bcc: 'victime@exemple.test' } },
      { to: 'a@exemple.test', subject: 'x', text: 'x', headers: { 'X-Bad\r\nBcc': 'victime@exemple.test' } },
      { to: 'pas une adresse', subject: 'x', text: 'x' },
    ]
    for (const attempt of attempts) {
      const refusal = await outboxMailer.send(attempt).catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(DomainError)
      expect(refusal).toMatchObject({ code: 'invalid' })
    }
    expect(await OutboxMail.countDocuments({})).toBe(0)
  })
})

describe('attachments', () => {
  const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:essai@passerelle.test\r\nSUMMARY:Essai\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
  const calendar = { filename: 'rencontre-essai.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }

  it('delivers a file through SMTP as sent, then keeps only its name; the capture server names it', async () => {
    const to = address('ics')
    await outboxMailer.send({ to, subject: 'Invitation', text: 'Le fichier est joint.', kind: 'test', attachments: [calendar] })
    expect((await OutboxMail.findOne({ to }).lean())!.attachments).toMatchObject([calendar])
    expect(await mail.drain()).toMatchObject({ sent: 1 })
    const received = await waitForMail(to, { outboxDir: mail.outboxDir })
    expect(received.parsed.attachments).toHaveLength(1)
    const [file] = received.parsed.attachments
    expect(file!.filename).toBe('rencontre-essai.ics')
    expect(file!.contentType).toBe('text/calendar')
    expect(file!.content.toString('utf8')).toBe(ics)
    const raw = await readFile(received.file, 'latin1')
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    expect(attachmentNames(raw)).toEqual(['rencontre-essai.ics'])
    const stored = (await OutboxMail.findOne({ to }).lean())!
    expect(stored.status).toBe('sent')
    expect(stored.attachments).toEqual([{ filename: 'rencontre-essai.ics', contentType: calendar.contentType }])
  })

  it('refuses an oversize, numerous or malformed attachment (DomainError invalid), and stores nothing', async () => {
    const to = 'a@exemple.test'
    const attempts: OutgoingMail[] = [
      // 300 kB in one file, then 3 × 100 kB: over 256 kB in all.
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, content: 'x'.repeat(300 * 1024) }] },
      { to, subject: 'x', text: 'x', attachments: [1, 2, 3].map((n) => ({ ...calendar, filename: `f${n}.ics`, content: 'x'.repeat(100 * 1024) })) },
      // Under the limit in characters, over it in bytes (UTF-8).
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, content: 'é'.repeat(200 * 1024) }] },
      { to, subject: 'x', text: 'x', attachments: [1, 2, 3, 4].map((n) => ({ ...calendar, filename: `f${n}.ics` })) },
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, filename: '../../etc/passwd' }] },
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, filename: 'a"\r\nBcc: victime@exemple.test.ics' }] },
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, contentType: 'text/calendar\r\nBcc: victime@exemple.test' }] },
      { to, subject: 'x', text: 'x', attachments: [{ ...calendar, content: '' }] },
    ]
    for (const attempt of attempts) {
      const refusal = await outboxMailer.send(attempt).catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(DomainError)
      expect(refusal).toMatchObject({ code: 'invalid' })
    }
    expect(await OutboxMail.countDocuments({})).toBe(0)
  })
})
