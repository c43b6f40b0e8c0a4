import type { Actor } from '../actor'
import { alertForUnsubscribe, alertIdOfScope, disableAlerts, hasEnabledAlerts } from '../alerts/service.server'
import { invalid, notFound } from '../errors'
import { verifyUnsubscribeToken } from '../mail/signed-links'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'
import { effectiveMailPreferences, mailPreferencesSchema, storedMailPreferences, unsubscribed, type MailPreferences } from './preferences'

/** The e-mail preferences of « Mon compte », and the one-click unsubscribe that needs no session. */

export async function getMailPreferences(actor: Actor): Promise<{ preferences: MailPreferences; emailVerified: boolean }> {
  const user = await User.findById(actor.id, { role: 1, mailPreferences: 1, emailVerifiedAt: 1 }).lean()
  if (!user) throw notFound()
  return { preferences: effectiveMailPreferences(user.role as UserRole, user.mailPreferences), emailVerified: Boolean(user.emailVerifiedAt) }
}

export async function updateMailPreferences(actor: Actor, input: unknown): Promise<MailPreferences> {
  const parsed = mailPreferencesSchema.safeParse(input)
  if (!parsed.success) throw invalid('mail.errors.invalid')
  const user = await User.findById(actor.id, { role: 1 }).lean()
  if (!user) throw notFound()
  const chosen = parsed.data as MailPreferences
  await User.updateOne({ _id: actor.id }, { $set: { mailPreferences: storedMailPreferences(user.role as UserRole, chosen) } })
  return chosen
}

export type UnsubscribeCheck = { status: 'invalid' } | { status: 'subscribed' | 'already'; scope: string; alertName?: string }

/** What a signed link would turn off, and whether it is still on (the confirmation page; changes nothing). */
export async function checkUnsubscribe(secret: string, token: unknown): Promise<UnsubscribeCheck> {
  const signed = verifyUnsubscribeToken(secret, token)
  if (!signed) return { status: 'invalid' }
  const user = await User.findById(signed.userId, { role: 1, mailPreferences: 1 }).lean()
  if (!user) return { status: 'invalid' }
  // One saved-search alert's link: that alert (deleted since: nothing left to turn off).
  const alertId = alertIdOfScope(signed.scope)
  if (alertId) {
    const alert = await alertForUnsubscribe(signed.userId, alertId)
    return alert ? { status: alert.enabled ? 'subscribed' : 'already', scope: signed.scope, alertName: alert.name } : { status: 'already', scope: signed.scope }
  }
  const current = effectiveMailPreferences(user.role as UserRole, user.mailPreferences)
  const after = unsubscribed(current, signed.scope)
  const changes = Object.keys(after).some((kind) => after[kind as keyof MailPreferences] !== current[kind as keyof MailPreferences])
  const alertsOn = signed.scope === 'all' && (await hasEnabledAlerts(signed.userId))
  return { status: changes || alertsOn ? 'subscribed' : 'already', scope: signed.scope }
}

/** RFC 8058 one-click (and the page's button): turns the link's scope off; a second use changes nothing. */
export async function unsubscribeWithToken(secret: string, token: unknown): Promise<{ status: 'invalid' } | { status: 'done' | 'already'; scope: string }> {
  const signed = verifyUnsubscribeToken(secret, token)
  if (!signed) return { status: 'invalid' }
  const user = await User.findById(signed.userId, { role: 1, mailPreferences: 1 }).lean()
  if (!user) return { status: 'invalid' }
  const alertId = alertIdOfScope(signed.scope)
  if (alertId) return { status: (await disableAlerts(signed.userId, alertId)) ? 'done' : 'already', scope: signed.scope }
  const role = user.role as UserRole
  const current = effectiveMailPreferences(role, user.mailPreferences)
  const after = unsubscribed(current, signed.scope)
  const stored = storedMailPreferences(role, after)
  const changed = Object.keys(after).some((kind) => after[kind as keyof MailPreferences] !== current[kind as keyof MailPreferences])
  // "Every e-mail" includes the saved-search alerts.
  const alertsTurnedOff = signed.scope === 'all' ? await disableAlerts(signed.userId, null) : 0
  if (!changed) return { status: alertsTurnedOff ? 'done' : 'already', scope: signed.scope }
  await User.updateOne({ _id: signed.userId }, { $set: { mailPreferences: stored } })
  return { status: 'done', scope: signed.scope }
}
