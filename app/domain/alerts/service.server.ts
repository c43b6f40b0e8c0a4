import mongoose from 'mongoose'
import type { Language } from '~/i18n/config'
import { withValues } from '~/i18n/translate-message'
import type { Actor } from '../actor'
import { conflict, invalid, notFound } from '../errors'
import { isObjectId } from '../ids'
import { mayManageAlert } from '../permissions'
import { SearchAlert } from './model.server'
import { defaultAlertName } from './naming'
import { createAlertSchema, deleteAlertSchema, savedSearchOf, updateAlertSchema } from './schema'
import { MAX_ALERTS_PER_USER, type AlertFrequency } from './vocabulary'

/** Saved-search alerts in « Mon compte » (issue 14): each person's own, and theirs only. */
export type AlertView = { id: string; name: string; frequency: AlertFrequency; enabled: boolean; href: string; createdAt: string }

const viewOf = (alert: { _id: unknown; name: string; frequency: string; enabled?: boolean | null; search: string; createdAt?: Date }): AlertView => ({
  id: String(alert._id),
  name: alert.name,
  frequency: alert.frequency as AlertFrequency,
  enabled: alert.enabled !== false,
  href: `/recherche?${alert.search}`,
  createdAt: alert.createdAt?.toISOString() ?? '',
})

const firstIssue = (error: { issues: Array<{ message: string; path: (string | number)[] }> }) => {
  const issue = error.issues[0]
  const key = issue?.message.startsWith('alerts.errors.') ? issue.message : 'alerts.errors.invalid'
  return invalid(key, issue?.path[0] ? { [String(issue.path[0])]: [key] } : undefined)
}

export async function listAlerts(actor: Actor): Promise<AlertView[]> {
  const alerts = await SearchAlert.find({ userId: actor.id }).sort({ createdAt: 1 }).limit(MAX_ALERTS_PER_USER).lean()
  return alerts.map(viewOf)
}

/** Saves the search as an alert; its new needs are those published from now on. */
export async function createAlert(actor: Actor, input: unknown, { language = 'fr', fallbackName }: { language?: Language; fallbackName: string }): Promise<AlertView> {
  const parsed = createAlertSchema.safeParse(input)
  if (!parsed.success) throw firstIssue(parsed.error)
  const saved = savedSearchOf(parsed.data.search)
  if (!saved) throw invalid('alerts.errors.needsOnly')
  // Counted before writing: two saves at the very same instant could pass 20 by one, which is harmless.
  if ((await SearchAlert.countDocuments({ userId: actor.id })) >= MAX_ALERTS_PER_USER) throw conflict(withValues('alerts.errors.tooMany', { max: MAX_ALERTS_PER_USER }))
  const name = parsed.data.name || defaultAlertName(saved.query, language, fallbackName)
  const created = await SearchAlert.create({ userId: actor.id, name, search: saved.search, frequency: parsed.data.frequency, enabled: true, since: new Date() })
  return viewOf(created.toObject())
}

async function ownAlert(actor: Actor, alertId: string) {
  const alert = isObjectId(alertId) ? await SearchAlert.findById(alertId, { userId: 1 }).lean() : null
  // Someone else's alert is "not found", as a missing one: its existence is not theirs to know.
  if (!alert || !mayManageAlert(actor, alert)) throw notFound('alerts.errors.notFound')
  return alert
}

/** Renames it, changes its frequency, turns it on or off. Turned back on, it starts from now (no backlog). */
export async function updateAlert(actor: Actor, input: unknown): Promise<AlertView> {
  const parsed = updateAlertSchema.safeParse(input)
  if (!parsed.success) throw firstIssue(parsed.error)
  const { alertId, name, frequency, enabled } = parsed.data
  const alert = await ownAlert(actor, alertId)
  const current = await SearchAlert.findById(alert._id).lean()
  const turnedOn = enabled && current?.enabled === false
  const updated = await SearchAlert.findOneAndUpdate(
    { _id: alert._id, userId: actor.id },
    { $set: { name, frequency, enabled, ...(turnedOn ? { since: new Date() } : {}) } },
    { new: true },
  ).lean()
  if (!updated) throw notFound('alerts.errors.notFound')
  return viewOf(updated)
}

export async function deleteAlert(actor: Actor, input: unknown): Promise<void> {
  const parsed = deleteAlertSchema.safeParse(input)
  if (!parsed.success) throw notFound('alerts.errors.notFound')
  const alert = await ownAlert(actor, parsed.data.alertId)
  await SearchAlert.deleteOne({ _id: alert._id, userId: actor.id })
}

// ——— The unsubscribe link (no session: the signed token names the person and the alert) ———————

/** The unsubscribe scope of one alert's e-mails. */
export const alertScope = (alertId: string) => `alert-${alertId.toLowerCase()}`
export const alertIdOfScope = (scope: string) => (/^alert-[0-9a-f]{24}$/.test(scope) ? scope.slice('alert-'.length) : null)

/** What an alert's link would turn off: its name and whether it is still on; null when gone or not the person's. */
export async function alertForUnsubscribe(userId: string, alertId: string): Promise<{ name: string; enabled: boolean } | null> {
  const alert = await SearchAlert.findOne({ _id: new mongoose.Types.ObjectId(alertId), userId }, { name: 1, enabled: 1 }).lean()
  return alert ? { name: alert.name, enabled: alert.enabled !== false } : null
}

/** Turns off one alert (its link) or all of a person's (`alertId` null: the "all e-mails" link). Returns how many were on. */
export async function disableAlerts(userId: string, alertId: string | null): Promise<number> {
  const { modifiedCount } = await SearchAlert.updateMany({ userId, enabled: true, ...(alertId ? { _id: new mongoose.Types.ObjectId(alertId) } : {}) }, { $set: { enabled: false } })
  return modifiedCount
}

export const hasEnabledAlerts = async (userId: string) => Boolean(await SearchAlert.exists({ userId, enabled: true }))
