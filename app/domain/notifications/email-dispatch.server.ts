import mongoose from 'mongoose'
import type { Language } from '~/i18n/config'
import { enqueueMails } from '../mail/outbox.server'
import type { OutgoingMail } from '../mail/mailer'
import { meetingCalendarAttachments, oneToOneCalendarAttachments } from '../meetings/calendar-mail.server'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'
import { notificationMail, type MailLinks, type MailNotification, type MailRecipient } from './email-compose'
import { redactForRecipients } from './email-visibility.server'
import { Notification } from './model.server'
import { effectiveMailPreferences } from './preferences'
import type { NotificationData, NotificationKind } from './schema'

/**
 * Decides the e-mail of every new notification (a periodic job, every few seconds, on the leading
 * process): by the recipient's preference for its kind, an e-mail queued at once in the outbox, a
 * place in the next daily or weekly digest, or nothing. A notification is decided once
 * (`mail: 'pending'` → queued / daily / weekly / none); its e-mail has the notification's id as
 * outbox key, so a run cut short and run again never queues it twice. Addresses not yet confirmed
 * get no notification e-mail (nobody can sign up with someone else's address to spam them).
 */
export type RecipientRecord = { _id: mongoose.Types.ObjectId; email: string; name: string; language?: string | null; role: string; mailPreferences?: unknown; emailVerifiedAt?: Date | null }

export const recipientOf = (user: RecipientRecord): MailRecipient => ({ id: String(user._id), email: user.email, name: user.name, language: (user.language === 'en' ? 'en' : 'fr') as Language })
export const recipientFields = { email: 1, name: 1, language: 1, role: 1, mailPreferences: 1, emailVerifiedAt: 1 } as const

/**
 * The kinds whose e-mail carries a file (meetings/calendar-mail.server.ts): `meeting`, the
 * meeting's .ics for a registrant holding a seat (or its CANCEL for one who left it); a one-to-one
 * accepted or cancelled, that one-to-one's event for one of its two people. Digests carry none:
 * their links lead to the pages.
 */
async function calendarsOf(items: Array<{ recipientId: string; notification: MailNotification; user: RecipientRecord }>, links: MailLinks) {
  const options = { publicUrl: links.publicUrl, organizerEmail: links.organizerEmail }
  const [meetings, oneToOnes] = await Promise.all([
    meetingCalendarAttachments(
      items.filter((item) => item.notification.kind === 'meeting').map(({ recipientId, notification }) => ({ notificationId: notification.id, recipientId, link: notification.link, change: notification.data.meetingChange })),
      options,
    ),
    oneToOneCalendarAttachments(
      items.map(({ recipientId, notification, user }) => ({ notificationId: notification.id, recipientId, kind: notification.kind, oneToOneId: notification.data.oneToOneId, language: recipientOf(user).language })),
      options,
    ),
  ])
  return new Map([...meetings, ...oneToOnes])
}

export async function dispatchNotificationMails(links: MailLinks, { batchSize = 500 }: { batchSize?: number } = {}) {
  const totals = { immediate: 0, digest: 0, none: 0 }
  for (;;) {
    const batch = await Notification.find({ mail: 'pending' }, { recipientId: 1, kind: 1, data: 1, link: 1, needId: 1, createdAt: 1 }).sort({ _id: 1 }).limit(batchSize).lean()
    if (!batch.length) return totals
    const users = await User.find({ _id: { $in: [...new Set(batch.map((item) => String(item.recipientId)))] } }, recipientFields).lean()
    const userById = new Map(users.map((user) => [String(user._id), user as unknown as RecipientRecord]))
    const decided: Record<'queued' | 'daily' | 'weekly' | 'none', mongoose.Types.ObjectId[]> = { queued: [], daily: [], weekly: [], none: [] }
    const immediate: Array<{ recipientId: string; needId?: unknown; data: NotificationData; notification: MailNotification; user: RecipientRecord }> = []
    for (const item of batch) {
      const user = userById.get(String(item.recipientId))
      if (!user?.emailVerifiedAt) {
        decided.none.push(item._id)
        continue
      }
      const mode = effectiveMailPreferences(user.role as UserRole, user.mailPreferences)[item.kind as NotificationKind]
      if (mode === 'immediate') {
        const notification = { id: String(item._id), kind: item.kind as NotificationKind, data: (item.data ?? {}) as NotificationData, link: item.link, createdAt: item.createdAt as Date }
        immediate.push({ recipientId: String(item.recipientId), needId: item.needId, data: notification.data, notification, user })
        decided.queued.push(item._id)
      } else if (mode === 'daily' || mode === 'weekly') decided[mode].push(item._id)
      else decided.none.push(item._id)
    }
    const calendars = await calendarsOf(immediate, links)
    const mails: OutgoingMail[] = (await redactForRecipients(immediate)).map((item) => {
      const calendar = calendars.get(item.notification.id)
      return notificationMail(recipientOf(item.user), { ...item.notification, data: item.data }, links, calendar ? [calendar] : [])
    })
    // Queued first, then marked: a crash in between queues nothing twice (outbox keys) and loses nothing.
    await enqueueMails(mails)
    await Promise.all(
      (Object.keys(decided) as Array<keyof typeof decided>).filter((state) => decided[state].length).map((state) => Notification.updateMany({ _id: { $in: decided[state] }, mail: 'pending' }, { $set: { mail: state } })),
    )
    totals.immediate += decided.queued.length
    totals.digest += decided.daily.length + decided.weekly.length
    totals.none += decided.none.length
  }
}
