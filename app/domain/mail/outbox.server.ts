import { invalid } from '../errors'
import { isPermanentFailure, MAX_ATTEMPTS, retryDelayMs, defaultBackoff, type BackoffPolicy } from './backoff'
import type { Mailer, MailTransport, OutgoingMail } from './mailer'
import { outgoingMailSchema } from './message'
import { OutboxMail, type OutboxRecord } from './outbox-model.server'

/**
 * The outbox (docs/decisions/023-email-outbox.md): every mail is first a document in MongoDB, then
 * delivered by a worker. Each app process runs a worker; a worker claims one mail at a time with
 * an atomic findOneAndUpdate (a lease: `claimedBy` until `claimedUntil`), so two workers never
 * hold the same mail; it is marked sent once, by its claimant only. An SMTP server that is down
 * puts the mail back with an exponential back-off; a mail nobody could deliver after MAX_ATTEMPTS,
 * or that the SMTP server refused for good (5xx), is marked failed for the admin to see.
 */

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000

/** Validates and stores a mail; a mail with a `key` already queued is not queued again. */
export async function enqueueMail(mail: OutgoingMail, now = new Date()): Promise<{ id: string | null; duplicate: boolean }> {
  const parsed = outgoingMailSchema.safeParse(mail)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalid(issue?.message.startsWith('mail.errors.') ? issue.message : 'mail.errors.invalid')
  }
  try {
    const created = await OutboxMail.create({ ...parsed.data, status: 'pending', attempts: 0, nextAttemptAt: now })
    wakeWorkers()
    return { id: String(created._id), duplicate: false }
  } catch (error) {
    if (parsed.data.key && isDuplicateKey(error)) return { id: null, duplicate: true }
    throw error
  }
}

/** Many mails at once (digests), unordered: duplicates by key are skipped, the rest stored. */
export async function enqueueMails(mails: OutgoingMail[], now = new Date()): Promise<number> {
  const docs = mails.flatMap((mail) => {
    const parsed = outgoingMailSchema.safeParse(mail)
    return parsed.success ? [{ ...parsed.data, status: 'pending', attempts: 0, nextAttemptAt: now }] : []
  })
  if (!docs.length) return 0
  let inserted = docs.length
  try {
    await OutboxMail.insertMany(docs, { ordered: false })
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors
    if (!writeErrors?.every((e) => (e.code ?? e.err?.code) === 11000)) throw error
    inserted -= writeErrors.length
  }
  wakeWorkers()
  return inserted
}

/** The domain's Mailer: queued in the outbox, delivered by the workers. */
export const outboxMailer: Mailer = {
  async send(mail) {
    await enqueueMail(mail)
  },
}

/** Takes the next due mail for `workerId` until `now + leaseMs`, or null when none is due. */
export async function claimNextMail(workerId: string, { now = new Date(), leaseMs = 120_000 }: { now?: Date; leaseMs?: number } = {}) {
  return (await OutboxMail.findOneAndUpdate(
    { status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] },
    { $set: { claimedBy: workerId, claimedUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    { sort: { nextAttemptAt: 1 }, new: true },
  ).lean()) as OutboxRecord | null
}

type WorkerLogger = { info: (details: object, message: string) => void; warn: (details: object, message: string) => void; error: (details: object, message: string) => void }

export type OutboxWorkerOptions = {
  transport: MailTransport
  /** Who claims: the process id plus a lane number. */
  workerId: string
  logger?: WorkerLogger
  /** Mails delivered at once by this process. */
  concurrency?: number
  /** How often an idle worker looks for due mail (a mail queued in this process wakes it at once). */
  pollMs?: number
  /** Longer than any SMTP exchange may take (the transport's timeouts): a claim outliving its worker is taken again. */
  leaseMs?: number
  backoff?: BackoffPolicy
  maxAttempts?: number
}

/** One attempt at one claimed mail: sent (once), put back for later, or failed for good. */
async function deliverClaimed(mail: OutboxRecord, options: OutboxWorkerOptions): Promise<'sent' | 'retry' | 'failed' | 'lost'> {
  const mine = { _id: mail._id, claimedBy: options.workerId, status: 'pending' }
  const attachments = (mail.attachments ?? []).flatMap((file) => (file.content ? [{ filename: file.filename, contentType: file.contentType, content: file.content }] : []))
  try {
    const info = await options.transport.deliver({
      to: mail.to,
      subject: mail.subject,
      text: mail.text ?? '',
      html: mail.html ?? undefined,
      headers: (mail.headers ?? {}) as Record<string, string>,
      ...(attachments.length ? { attachments } : {}),
    })
    const now = new Date()
    const marked = await OutboxMail.updateOne(mine, {
      $set: {
        status: 'sent',
        sentAt: now,
        doneAt: now,
        messageId: info.messageId ?? null,
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
        // Like the body, the files' content goes once delivered (a call's link in an .ics); their names stay.
        ...(attachments.length ? { attachments: attachments.map(({ filename, contentType }) => ({ filename, contentType })) } : {}),
      },
      $unset: { text: 1, html: 1 },
    })
    options.logger?.info({ mailId: String(mail._id), kind: mail.kind, messageId: info.messageId }, 'mail sent')
    return marked.modifiedCount ? 'sent' : 'lost'
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500)
    const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS
    const now = new Date()
    if (isPermanentFailure(error) || mail.attempts >= maxAttempts) {
      await OutboxMail.updateOne(mine, { $set: { status: 'failed', doneAt: now, lastError: message, claimedBy: null, claimedUntil: null } })
      options.logger?.error({ mailId: String(mail._id), kind: mail.kind, attempts: mail.attempts, err: error }, 'mail failed for good')
      return 'failed'
    }
    const delay = retryDelayMs(mail.attempts, options.backoff ?? defaultBackoff)
    await OutboxMail.updateOne(mine, { $set: { nextAttemptAt: new Date(now.getTime() + delay), lastError: message, claimedBy: null, claimedUntil: null } })
    options.logger?.warn({ mailId: String(mail._id), kind: mail.kind, attempts: mail.attempts, retryInMs: delay, err: message }, 'mail not sent, will retry')
    return 'retry'
  }
}

// Workers of this process, woken when this process queues a mail (globalThis: the Remix build's
// copy of this module and the server's share them).
const WAKERS = Symbol.for('passerelle.mail.outboxWakers')
const wakers = ((globalThis as Record<symbol, Set<() => void> | undefined>)[WAKERS] ??= new Set())
function wakeWorkers() {
  for (const wake of wakers) wake()
}

export type OutboxWorker = {
  /** Delivers every mail due now, then resolves (tests, benchmarks). */
  drain: () => Promise<{ sent: number; retried: number; failed: number }>
  stop: () => Promise<void>
}

/** Runs `concurrency` lanes that claim and deliver until nothing is due, then wait for a poll or a wake-up. */
export function startOutboxWorker(options: OutboxWorkerOptions & { autoStart?: boolean }): OutboxWorker {
  const concurrency = options.concurrency ?? 8
  const pollMs = options.pollMs ?? 2_000
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<{ sent: number; retried: number; failed: number }> | null = null
  let again = false

  async function lane(index: number, totals: { sent: number; retried: number; failed: number }) {
    const workerId = `${options.workerId}:${index}`
    while (!stopped) {
      let mail: OutboxRecord | null
      try {
        mail = await claimNextMail(workerId, { leaseMs: options.leaseMs })
      } catch (error) {
        options.logger?.warn({ err: error }, 'outbox: could not claim (database unavailable?)')
        return
      }
      if (!mail) return
      const outcome = await deliverClaimed(mail, { ...options, workerId }).catch((error: unknown) => {
        options.logger?.error({ err: error }, 'outbox: could not record an attempt')
        return 'retry' as const
      })
      if (outcome === 'sent') totals.sent++
      else if (outcome === 'failed') totals.failed++
      else if (outcome === 'retry') totals.retried++
    }
  }

  function run() {
    if (running) {
      again = true
      return running
    }
    const totals = { sent: 0, retried: 0, failed: 0 }
    running = Promise.all(Array.from({ length: concurrency }, (_, index) => lane(index, totals))).then(() => totals)
    void running.finally(() => {
      running = null
      if (again && !stopped) {
        again = false
        void run()
      }
    })
    return running
  }

  const wake = () => void run()
  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      void run().finally(schedule)
    }, pollMs)
    timer.unref()
  }
  if (options.autoStart !== false) {
    wakers.add(wake)
    void run()
    schedule()
  }

  return {
    async drain() {
      const totals = { sent: 0, retried: 0, failed: 0 }
      for (;;) {
        if (running) await running
        const pass = await run()
        totals.sent += pass.sent
        totals.retried += pass.retried
        totals.failed += pass.failed
        if (!pass.sent && !pass.retried && !pass.failed) return totals
      }
    },
    async stop() {
      stopped = true
      wakers.delete(wake)
      clearTimeout(timer)
      await running
    },
  }
}

const troubled = { $or: [{ status: 'failed' }, { status: 'pending', attempts: { $gte: 3 } }] }
/** Not held by a worker right now (a claim still running is left alone). */
const unclaimed = (now: Date) => ({ $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] })

/**
 * A troubled mail (failed, or still retrying after 3 attempts) due again now, with a fresh series
 * of attempts; false when it is not troubled any more or a worker holds it. Wakes this process's worker.
 */
export async function retryMailNow(id: string, now = new Date()): Promise<boolean> {
  const { modifiedCount } = await OutboxMail.updateOne(
    { _id: id, $and: [troubled, unclaimed(now)] },
    { $set: { status: 'pending', nextAttemptAt: now, attempts: 0, doneAt: null, claimedBy: null, claimedUntil: null } },
  )
  if (modifiedCount) wakeWorkers()
  return modifiedCount > 0
}

/** Deletes a troubled mail that no worker holds; false when there is none such. */
export async function deleteTroubledMail(id: string, now = new Date()): Promise<boolean> {
  const { deletedCount } = await OutboxMail.deleteOne({ _id: id, $and: [troubled, unclaimed(now)] })
  return deletedCount > 0
}

/** Mails that keep failing, newest first, for the admin. */
export async function troubledMails(limit = 50) {
  return OutboxMail.find(troubled, { text: 0, html: 0, 'attachments.content': 0 })
    .sort({ updatedAt: -1 })
    .limit(limit)
    .lean()
}
