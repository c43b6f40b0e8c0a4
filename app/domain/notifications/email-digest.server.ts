import mongoose from 'mongoose'
import type { AlertNeed } from '../alerts/mail'
import type { AlertSearch } from '../alerts/matches.server'
import { enqueueMails } from '../mail/outbox.server'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'
import { digestMail, type MailLinks, type MailNotification } from './email-compose'
import { recipientFields, recipientOf, type RecipientRecord } from './email-dispatch.server'
import { needsForResearchers } from './digest-for-you.server'
import { redactForRecipients } from './email-visibility.server'
import { Notification } from './model.server'
import { effectiveMailPreferences } from './preferences'
import type { NotificationData, NotificationKind } from './schema'
import { digestPeriod, digestDue, type DigestFrequency } from './digest-schedule'

/**
 * Daily and weekly digests (issue 14). Once per period (a day, an ISO week; from 7:00 Paris time,
 * weeks on Mondays) the leading process gathers every notification waiting for that digest, one
 * e-mail per person. It streams: a cursor over the waiting notifications sorted by recipient, one
 * batch of recipients at a time (their users read together, their mails queued together), so
 * memory stays flat however many people get one. A run is recorded per period: it runs once,
 * and a run cut short is taken again (the outbox key — frequency, period, person — keeps each
 * digest single). The preference is read again at send time: someone who switched a kind off
 * since, or unsubscribed from the digest, gets nothing for it.
 */
export { digestDue, digestPeriod, type DigestFrequency } from './digest-schedule'

type Waiting = { _id: mongoose.Types.ObjectId; recipientId: mongoose.Types.ObjectId; kind: string; data?: unknown; link: string; needId?: unknown; createdAt: Date }

const runs = () => mongoose.connection.collection<{ _id: string; status: string; startedAt: Date; finishedAt?: Date; mails?: number }>('digest_runs')
const STALE_RUN_MS = 15 * 60 * 1000

/**
 * Claims the run `runId` (a job and its period) for this process: true when it is ours to do;
 * false when it is done or another process started it less than 15 minutes ago (a run cut short
 * is taken again after that). Digests and saved-search alerts share it (`digest_runs`).
 */
export async function claimPeriodRun(runId: string, now = new Date()): Promise<boolean> {
  try {
    const claimed = await runs().findOneAndUpdate(
      { _id: runId, status: { $ne: 'done' }, startedAt: { $lt: new Date(now.getTime() - STALE_RUN_MS) } },
      { $set: { status: 'running', startedAt: now } },
      { upsert: true, returnDocument: 'after' },
    )
    return Boolean(claimed)
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return false
    throw error
  }
}

export async function finishPeriodRun(runId: string, mails: number) {
  await runs().updateOne({ _id: runId }, { $set: { status: 'done', finishedAt: new Date(), mails } })
}

/**
 * Builds and queues the digest of `period` for everyone with notifications waiting for it. Returns
 * null when that period's run is done (or running elsewhere), else the counts.
 */
export async function runDigest(
  frequency: DigestFrequency,
  links: MailLinks,
  { now = new Date(), period = digestPeriod(frequency, now), recipientsPerBatch = 200, search }: { now?: Date; period?: string; recipientsPerBatch?: number; search?: AlertSearch } = {},
) {
  const runId = `${frequency}:${period}`
  if (!(await claimPeriodRun(runId, now))) return null

  const totals = { mails: 0, notifications: 0, skipped: 0 }
  const forYouCache = new Map<string, AlertNeed[]>()
  let group: Waiting[] = []
  let groups: Waiting[][] = []

  const flush = async () => {
    if (!groups.length) return
    const batch = groups
    groups = []
    const users = await User.find({ _id: { $in: batch.map((items) => items[0]!.recipientId) } }, recipientFields).lean()
    const userById = new Map(users.map((user) => [String(user._id), user as unknown as RecipientRecord]))
    const included: mongoose.Types.ObjectId[] = []
    const dropped: mongoose.Types.ObjectId[] = []
    const wanted: Array<Waiting & { user: RecipientRecord }> = []
    for (const items of batch) {
      const user = userById.get(String(items[0]!.recipientId))
      const preferences = user?.emailVerifiedAt ? effectiveMailPreferences(user.role as UserRole, user.mailPreferences) : null
      for (const item of items) {
        if (user && preferences?.[item.kind as NotificationKind] === frequency) {
          wanted.push({ ...item, user })
          included.push(item._id)
        } else dropped.push(item._id)
      }
    }
    // What each may read, checked for the whole batch at once (three queries, not three per person).
    const visible = await redactForRecipients(wanted.map((item) => ({ ...item, recipientId: String(item.recipientId), data: (item.data ?? {}) as NotificationData })))
    const byRecipient = new Map<string, { user: RecipientRecord; notifications: MailNotification[] }>()
    for (const item of visible) {
      const entry = byRecipient.get(item.recipientId) ?? { user: item.user, notifications: [] }
      entry.notifications.push({ id: String(item._id), kind: item.kind as NotificationKind, data: item.data, link: item.link, createdAt: item.createdAt })
      byRecipient.set(item.recipientId, entry)
    }
    // Researchers: « Besoins pour vous », the matching of their lab or centre (with Meilisearch only).
    const researchers = [...byRecipient.entries()].filter(([, { user }]) => user.role === 'researcher').map(([id]) => id)
    const forYou = search && researchers.length ? await needsForResearchers(researchers, search, forYouCache).catch(() => new Map<string, AlertNeed[]>()) : new Map<string, AlertNeed[]>()
    const mails = [...byRecipient.entries()].map(([id, { user, notifications }]) => digestMail(recipientOf(user), notifications, frequency, period, links, forYou.get(id)))
    totals.mails += await enqueueMails(mails)
    totals.notifications += included.length
    totals.skipped += dropped.length
    await Promise.all([
      included.length && Notification.updateMany({ _id: { $in: included } }, { $set: { mail: 'digested' } }),
      dropped.length && Notification.updateMany({ _id: { $in: dropped } }, { $set: { mail: 'none' } }),
    ])
  }

  const cursor = Notification.find({ mail: frequency, createdAt: { $lte: now } }, { recipientId: 1, kind: 1, data: 1, link: 1, needId: 1, createdAt: 1 })
    .sort({ recipientId: 1, _id: 1 })
    .lean()
    .batchSize(1000)
    .cursor()
  for await (const item of cursor as AsyncIterable<Waiting>) {
    if (group.length && String(group[0]!.recipientId) !== String(item.recipientId)) {
      groups.push(group)
      group = []
      if (groups.length >= recipientsPerBatch) await flush()
    }
    group.push(item)
  }
  if (group.length) groups.push(group)
  await flush()
  await finishPeriodRun(runId, totals.mails)
  return totals
}

/** The periodic job: each digest that is due and not yet run for its period. */
export async function runDueDigests(links: MailLinks, now = new Date(), search?: AlertSearch) {
  const results: Record<string, unknown> = {}
  for (const frequency of ['daily', 'weekly'] as const) {
    if (digestDue(frequency, now)) results[frequency] = await runDigest(frequency, links, { now, search })
  }
  return results
}
