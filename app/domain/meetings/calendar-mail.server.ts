import type { MailAttachment } from '../mail/mailer'
import { mailAttachmentSchema } from '../mail/message'
import type { MeetingChange } from '../notifications/schema'
import { calendarContentType, calendarFileName, calendarMeetingOf, meetingCalendar } from './calendar.server'
import { leftSeatThemselves } from './lifecycle'
import { Meeting, MeetingRegistration } from './model.server'
import { meetingIdOfLink } from './notify.server'

/**
 * The meeting's .ics attached to the e-mail a registrant gets (registered, moved up, changed,
 * cancelled): the very file the page's download gives them (calendar.server.ts, same UID and
 * SEQUENCE), so their mail client offers « Ajouter à l'agenda » and later mails update or cancel
 * that one event. Built when the e-mail is queued, from the meeting and their registration as
 * they are then. Only to someone holding a seat at that moment, and to someone who left their
 * seat themselves (`registration_cancelled`): they get the event's CANCEL, one SEQUENCE above
 * what they had. A person on the waiting list never had the event, so gets none.
 */
export type MeetingMailItem = { notificationId: string; recipientId: string; link: string; change?: MeetingChange }
export type CalendarMailOptions = { publicUrl: string; organizerEmail?: string; now?: Date }

/** What a calendar is attached for; `waitlisted` gets none. */
const withCalendar = new Set<MeetingChange>(['registered', 'promoted', 'changed', 'cancelled', 'registration_cancelled'])

/** The attachment of each notification that gets one, by notification id. */
export async function meetingCalendarAttachments(items: MeetingMailItem[], options: CalendarMailOptions): Promise<Map<string, MailAttachment>> {
  const wanted = items.flatMap((item) => {
    const meetingId = meetingIdOfLink(item.link)
    return meetingId && item.change && withCalendar.has(item.change) ? [{ ...item, meetingId }] : []
  })
  const attachments = new Map<string, MailAttachment>()
  if (!wanted.length) return attachments
  const meetingIds = [...new Set(wanted.map((item) => item.meetingId))]
  const [meetings, registrations] = await Promise.all([
    Meeting.find({ _id: { $in: meetingIds }, status: { $ne: 'draft' } }).lean(),
    MeetingRegistration.find(
      { meetingId: { $in: meetingIds }, userId: { $in: [...new Set(wanted.map((item) => item.recipientId))] } },
      { meetingId: 1, userId: 1, status: 1, cancelledReason: 1, cancelledFrom: 1, icsSequenceOffset: 1 },
    ).lean(),
  ])
  const meetingById = new Map(meetings.map((meeting) => [String(meeting._id), meeting]))
  const registrationOf = new Map(registrations.map((registration) => [`${String(registration.meetingId)}:${String(registration.userId)}`, registration]))
  for (const item of wanted) {
    const meeting = meetingById.get(item.meetingId)
    const registration = registrationOf.get(`${item.meetingId}:${item.recipientId}`)
    if (!meeting || !registration) continue
    const seated = registration.status === 'registered'
    // Left their seat and not back since: the event's removal (and never the call's link).
    const withdrawn = item.change === 'registration_cancelled' && registration.status === 'cancelled' && leftSeatThemselves(registration)
    if (item.change === 'registration_cancelled' ? !withdrawn : !seated) continue
    // The call's link to a seat only, as their download shows it.
    const calendar = calendarMeetingOf(meeting, { withOnlineUrl: seated, sequenceOffset: registration.icsSequenceOffset ?? 0, withdrawn })
    const content = meetingCalendar(calendar, { publicUrl: options.publicUrl, organizerEmail: options.organizerEmail ?? 'contact@passerelle.local', now: options.now })
    // A file the outbox would refuse (too large) is left out: the mail still goes, with its link.
    const attachment = mailAttachmentSchema.safeParse({ filename: calendarFileName(item.meetingId), contentType: calendarContentType(calendar.status), content })
    if (attachment.success) attachments.set(item.notificationId, attachment.data)
  }
  return attachments
}
