import { z } from 'zod'
import { objectIdString } from '../ids'

/**
 * In-app notifications: what happened (`kind`), the few words the text needs (`data`, never more
 * than the recipient may see) and where it leads (`link`). Texts are rendered in the reader's
 * language from `kind` + `data` (app/ui/notifications.tsx), so nothing is stored translated.
 */
export const notificationKinds = [
  /** Company members: an organisation answered one of their needs. */
  'proposal_received',
  /** Members of the proposing organisation: the company decided. */
  'proposal_shortlisted',
  'proposal_declined',
  'proposal_accepted',
  'proposal_not_retained',
  /** Company members: their need moved along its lifecycle (see `needChanges`). */
  'need_status',
  /** Company members: moderation hid their need. */
  'need_hidden',
  /** The author of a message moderation hid: why (the conversation shows « masqué par la modération »). */
  'message_hidden',
  /** Business meetings at a « Rencontre »: a one-to-one asked, answered, or cancelled by the other side. */
  'one_to_one_requested',
  'one_to_one_accepted',
  'one_to_one_declined',
  'one_to_one_cancelled',
  /** Project members (company side): a project started from their need. */
  'project_created',
  /** A colleague brought them into a project room. */
  'project_member_added',
  /** A registrant of a meeting (« Rencontre »): registered, waitlisted, moved up, changed, cancelled (see `meetingChanges`). */
  'meeting',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** What happened to a need, as its company reads it. */
export const needChanges = ['published', 'submitted', 'returned', 'retracted', 'fulfilled', 'abandoned', 'expired', 'rejected'] as const
export type NeedChange = (typeof needChanges)[number]

/** What happened to a meeting, as a registrant reads it. */
export const meetingChanges = ['registered', 'waitlisted', 'promoted', 'changed', 'cancelled', 'registration_cancelled'] as const
export type MeetingChange = (typeof meetingChanges)[number]

export type NotificationData = {
  /** Empty when the recipient may no longer see the need (hidden by moderation). */
  needTitle?: string
  /** The proposing organisation (told to the company only). */
  orgName?: string
  change?: NeedChange
  /** A moderator's reason, for the company that owns the need. */
  reason?: string
  /** The first proposal moved the need to "in discussion". */
  inDiscussion?: boolean
  /** Who did it, when the sentence names them (a colleague who added you to a project). */
  actorName?: string
  /** A meeting's title (kind `meeting`, and the one-to-ones at it) and what happened to it (kind `meeting`). */
  meetingTitle?: string
  meetingChange?: MeetingChange
  /** The one-to-one a `one_to_one_*` notification is about (its e-mail carries its calendar event). */
  oneToOneId?: string
}

export type NotificationView = {
  id: string
  kind: NotificationKind
  data: NotificationData
  /** A path inside the app. */
  link: string
  readAt: string | null
  createdAt: string
}

/** Where a notification's e-mail stands (see app/domain/notifications/email-dispatch.server.ts). */
export const notificationMailStates = ['pending', 'queued', 'none', 'daily', 'weekly', 'digested'] as const

export const NOTIFICATIONS_PAGE_SIZE = 20
/** Old notifications go away on their own (TTL index). */
export const NOTIFICATION_TTL_DAYS = 180

const objectId = objectIdString()

/** The buttons of the notifications page (no JavaScript needed). */
export const notificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id: objectId }),
  z.object({ intent: z.literal('read_all') }),
])

/** `?avant=<id>`: the page of notifications older than this one. */
export const notificationCursor = objectId
