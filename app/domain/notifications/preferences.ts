import { z } from 'zod'
import type { UserRole } from '../users/roles'
import { notificationKinds, type NotificationKind } from './schema'

/**
 * How each person hears about each kind of event by e-mail (issue 14): not at all (in the app
 * only), at once, or gathered in a daily or weekly digest. Defaults depend on the persona: what
 * an industrialist or a researcher waits for comes at once, the rest in a digest; animators and
 * admins, who see much, get digests. People change them in « Mon compte »; only their choices are
 * stored (`User.mailPreferences`), so a better default reaches everyone who kept it.
 */
export const mailModes = ['in_app', 'immediate', 'daily', 'weekly'] as const
export type MailMode = (typeof mailModes)[number]

/** Every notification kind, plus unread messages (one e-mail per conversation burst). */
export const mailKinds = [...notificationKinds, 'message'] as const
export type MailKind = (typeof mailKinds)[number]

/** Messages are about now: in the app, or an e-mail when they stay unread a few minutes. */
export const modesFor = (kind: MailKind): readonly MailMode[] => (kind === 'message' ? ['in_app', 'immediate'] : mailModes)

export type MailPreferences = Record<MailKind, MailMode>

const all = (mode: MailMode): MailPreferences => Object.fromEntries(mailKinds.map((kind) => [kind, mode])) as MailPreferences

const defaultsByRole: Record<UserRole, MailPreferences> = {
  // Companies: answers to their needs, a project starting and moderation decisions at once.
  industrialist: {
    ...all('daily'),
    proposal_received: 'immediate',
    need_hidden: 'immediate',
    message_hidden: 'immediate',
    project_created: 'immediate',
    project_member_added: 'immediate',
    proposal_accepted: 'immediate',
    meeting: 'immediate',
    // A one-to-one given its time (or called off) carries the calendar event: a digest would carry none.
    one_to_one_accepted: 'immediate',
    one_to_one_cancelled: 'immediate',
    message: 'immediate',
  },
  // Researchers: what the companies decide about their proposals.
  researcher: {
    ...all('daily'),
    proposal_shortlisted: 'immediate',
    proposal_accepted: 'immediate',
    need_hidden: 'immediate',
    message_hidden: 'immediate',
    project_member_added: 'immediate',
    meeting: 'immediate',
    one_to_one_accepted: 'immediate',
    one_to_one_cancelled: 'immediate',
    message: 'immediate',
  },
  animator: { ...all('daily'), need_hidden: 'immediate', message_hidden: 'immediate', meeting: 'immediate', message: 'immediate' },
  admin: { ...all('weekly'), meeting: 'immediate', message: 'immediate' },
}

export const defaultMailPreferences = (role: UserRole): MailPreferences => ({ ...defaultsByRole[role] })

const isMode = (kind: MailKind, value: unknown): value is MailMode => typeof value === 'string' && (modesFor(kind) as readonly string[]).includes(value)

/** The person's choices over their persona's defaults; anything stored that no longer makes sense is ignored. */
export function effectiveMailPreferences(role: UserRole, stored: unknown): MailPreferences {
  const preferences = defaultMailPreferences(role)
  if (stored && typeof stored === 'object') {
    for (const kind of mailKinds) {
      const value = (stored as Record<string, unknown>)[kind]
      if (isMode(kind, value)) preferences[kind] = value
    }
  }
  return preferences
}

/** What to store: only the choices that differ from the defaults. */
export function storedMailPreferences(role: UserRole, chosen: MailPreferences): Partial<MailPreferences> {
  const defaults = defaultMailPreferences(role)
  return Object.fromEntries(mailKinds.filter((kind) => chosen[kind] !== defaults[kind]).map((kind) => [kind, chosen[kind]]))
}

/** The form of « Mon compte »: one choice per kind, each among the modes that kind allows. */
export const mailPreferencesSchema = z.object(
  Object.fromEntries(mailKinds.map((kind) => [kind, z.enum(modesFor(kind) as [MailMode, ...MailMode[]])])) as unknown as Record<MailKind, z.ZodType<MailMode>>,
)

/** What a one-click unsubscribe turns off: one kind, one digest (every kind gathered in it), or everything. */
export function unsubscribed(preferences: MailPreferences, scope: string): MailPreferences {
  const next = { ...preferences }
  for (const kind of mailKinds) {
    const mode = next[kind]
    if (scope === 'all' || scope === kind || (scope === 'digest-daily' && mode === 'daily') || (scope === 'digest-weekly' && mode === 'weekly')) next[kind] = 'in_app'
  }
  return next
}

export const isNotificationKind = (kind: string): kind is NotificationKind => (notificationKinds as readonly string[]).includes(kind)
