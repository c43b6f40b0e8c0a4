import type { MailAttachment } from '../mail/mailer'
import { mailAttachmentSchema } from '../mail/message'
import type { MeetingChange } from '../notifications/schema'
import { calendarContentType, calendarFileName, calendarMeetingOf, meetingCalendar } from './calendar.server'
import { Meeting, MeetingRegistration } from './model.server'
import { meetingIdOfLink } from './notify.server'

/**
 * The meeting's .ics attached to the e-mail a registrant gets (registered, moved up, changed,
 * cancelled): the very file the page's download gives them (calendar.server.ts, same UID and
 * SEQUENCE), so their mail client offers « Ajouter à l'agenda » and later mails update or cancel
 * that one event. Built when the e-mail is queued, from the meeting as it is then. Only to someone
 * holding a seat at that moment: a person on the waiting list (or who left) gets no calendar.
 */
export type MeetingMailItem = { notificationId: string; recipientId: string; link: string; change?: MeetingChange }
export type CalendarMailOptions = { publicUrl: string; organizerEmail?: string; now?: Date }

/** What a calendar is attached for; `waitlisted` and `registration_cancelled` get none. */
const withCalendar = new Set<MeetingChange>(['registered', 'promoted', 'changed', 'cancelled'])

/** The attachment of each notification that gets one, by notification id. */
export async function meetingCalendarAttachments(items: MeetingMailItem[], options: CalendarMailOptions): Promise<Map<string, MailAttachment>> {
  const wanted = items.flatMap((item) => {
    const meetingId = meetingIdOfLink(item.link)
    return meetingId && item.change && withCalendar.has(item.change) ? [{ ...item, meetingId }] : []
  })
  const attachments = new Map<string, MailAttachment>()
  if (!wanted.length) return attachments
  const meetingIds = [...new Set(wanted.map((item) => item.meetingId))]
  const [meetings, seats] = await Promise.all([
    Meeting.find({ _id: { $in: meetingIds }, status: { $ne: 'draft' } }).lean(),
    MeetingRegistration.find({ meetingId: { $in: meetingIds }, userId: { $in: [...new Set(wanted.map((item) => item.recipientId))] }, status: 'registered' }, { meetingId: 1, userId: 1 }).lean(),
  ])
  const meetingById = new Map(meetings.map((meeting) => [String(meeting._id), meeting]))
  const seated = new Set(seats.map((seat) => `${String(seat.meetingId)}:${String(seat.userId)}`))
  for (const item of wanted) {
    const meeting = meetingById.get(item.meetingId)
    if (!meeting || !seated.has(`${item.meetingId}:${item.recipientId}`)) continue
    // They hold a seat: the call's link, as their download shows it.
    const content = meetingCalendar(
      calendarMeetingOf(meeting, { withOnlineUrl: true }),
      { publicUrl: options.publicUrl, organizerEmail: options.organizerEmail ?? 'contact@passerelle.local', now: options.now },
    )
    // A file the outbox would refuse (too large) is left out: the mail still goes, with its link.
    const attachment = mailAttachmentSchema.safeParse({ filename: calendarFileName(item.meetingId), contentType: calendarContentType(meeting.status), content })
    if (attachment.success) attachments.set(item.notificationId, attachment.data)
  }
  return attachments
}
