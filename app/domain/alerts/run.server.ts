import { enqueueMails } from '../mail/outbox.server'
import type { OutgoingMail } from '../mail/mailer'
import { digestDue, digestPeriod } from '../notifications/digest-schedule'
import type { MailLinks } from '../notifications/email-compose'
import { recipientOf, type RecipientRecord } from '../notifications/email-dispatch.server'
import { claimPeriodRun, finishPeriodRun } from '../notifications/email-digest.server'
import { isUnavailable } from '../search/service.server'
import { User } from '../users/model.server'
import { alertMail } from './mail'
import { searchableNeeds, searchNewNeeds, type AlertSearch } from './matches.server'
import { SearchAlert, type SearchAlertRecord } from './model.server'
import { savedSearchOf } from './schema'
import { type AlertFrequency } from './vocabulary'

/**
 * The alert runs (issue 14), on the leading process, with the digests' schedule and claim: from
 * 7:00 Paris time, daily alerts every day, weekly ones on Mondays; a run per frequency and period
 * claimed in `digest_runs` (so several processes never run it twice), a run cut short taken again
 * after 15 minutes. Each alert gets at most ONE e-mail per period — its outbox key is
 * `alert:<id>:<period>` — listing the needs published since its last run; nothing when nothing
 * is new. Alerts are read with a cursor, 100 at a time (their owners in one query, their searches
 * in one multi-search, their needs checked in one query, their mails queued in one insert).
 */
export type AlertRunTotals = { alerts: number; mails: number; unavailable?: true }

const isMailable = (user: RecipientRecord & { suspendedUntil?: Date | null; deletedAt?: Date | null }, now: Date) =>
  Boolean(user.emailVerifiedAt) && !user.deletedAt && !(user.suspendedUntil && user.suspendedUntil > now)

export async function runAlerts(
  frequency: AlertFrequency,
  links: MailLinks,
  search: AlertSearch,
  { now = new Date(), period = digestPeriod(frequency, now), batchSize = 100 } = {},
): Promise<AlertRunTotals | null> {
  const runId = `alerts-${frequency}:${period}`
  if (!(await claimPeriodRun(runId, now))) return null
  const totals: AlertRunTotals = { alerts: 0, mails: 0 }

  const runBatch = async (alerts: SearchAlertRecord[]) => {
    const users = await User.find({ _id: { $in: alerts.map((alert) => alert.userId) } }, { email: 1, name: 1, language: 1, role: 1, emailVerifiedAt: 1, suspendedUntil: 1, deletedAt: 1 }).lean()
    const userById = new Map(users.map((user) => [String(user._id), user as unknown as RecipientRecord & { suspendedUntil?: Date | null; deletedAt?: Date | null }]))
    const wanted = alerts.flatMap((alert) => {
      const user = userById.get(String(alert.userId))
      const saved = savedSearchOf(alert.search)
      // The query already chose due alerts; checked again here (a forced `period` in tests skips the clock).
      const due = alert.enabled !== false && alert.lastPeriod !== period
      return user && saved && due && isMailable(user, now) ? [{ alert, user, query: saved.query }] : []
    })
    const found = await searchNewNeeds(search, wanted.map(({ alert, query }) => ({ query, window: { since: alert.since, until: now } })))
    const needs = await searchableNeeds([...new Set(found.flatMap((result) => result.ids))])
    const mails: OutgoingMail[] = []
    wanted.forEach(({ alert, user }, index) => {
      const { ids, total } = found[index]!
      const shown = ids.flatMap((id) => needs.get(id) ?? [])
      if (!shown.length) return
      const run = { id: String(alert._id), name: alert.name, search: alert.search, frequency }
      mails.push(alertMail(recipientOf(user), run, shown, total - (ids.length - shown.length), period, links))
    })
    totals.mails += await enqueueMails(mails)
    totals.alerts += alerts.length
    // Queued first, marked after: a run cut in between is taken again, and the outbox key keeps one mail.
    await SearchAlert.updateMany({ _id: { $in: alerts.map((alert) => alert._id) }, lastPeriod: { $ne: period } }, { $set: { lastPeriod: period, since: now } })
  }

  const cursor = SearchAlert.find({ frequency, enabled: true, lastPeriod: { $ne: period }, createdAt: { $lte: now } }).sort({ _id: 1 }).lean().batchSize(batchSize).cursor()
  let batch: SearchAlertRecord[] = []
  try {
    for await (const alert of cursor as AsyncIterable<SearchAlertRecord>) {
      batch.push(alert)
      if (batch.length >= batchSize) {
        await runBatch(batch)
        batch = []
      }
    }
    await runBatch(batch)
  } catch (error) {
    // Meilisearch down: the run stays unfinished (alerts not done keep their `since`) and is taken again later.
    if (isUnavailable(error)) return { ...totals, unavailable: true }
    throw error
  } finally {
    await cursor.close().catch(() => undefined)
  }
  await finishPeriodRun(runId, totals.mails)
  return totals
}

/** The periodic job: each frequency's alerts that are due and not yet run for their period. */
export async function runDueAlerts(links: MailLinks, search: AlertSearch, now = new Date()) {
  const results: Record<string, unknown> = {}
  for (const frequency of ['daily', 'weekly'] as const) {
    if (digestDue(frequency, now)) results[frequency] = await runAlerts(frequency, links, search, { now })
  }
  return results
}
