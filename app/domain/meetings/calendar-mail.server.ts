import type { Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { isObjectId } from '../ids'
import type { MailAttachment } from '../mail/mailer'
import { mailAttachmentSchema } from '../mail/message'
import type { MeetingChange, NotificationKind } from '../notifications/schema'
import { User } from '../users/model.server'
import { calendarContentType, calendarFileName, calendarMeetingOf, meetingCalendar, oneToOneCalendar, oneToOneFileName, type OneToOneSeat } from './calendar.server'
import { leftSeatThemselves } from './lifecycle'
import { Meeting, MeetingRegistration } from './model.server'
import { meetingIdOfLink } from './notify.server'
import { OneToOne, type OneToOneRecord } from './one-to-ones.model.server'
import { gridOf } from './one-to-ones.server'

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

/**
 * A one-to-one's event attached to the e-mails about it (`one_to_one_accepted`: its invitation
 * once it is seated; `one_to_one_cancelled`: the event's removal once it had a seat), built by
 * the same functions as the agenda's download (same UID and SEQUENCE), in the recipient's
 * language. Only to one of its two people: the notification names the one-to-one, and anyone
 * else gets no file.
 */
export type OneToOneMailItem = { notificationId: string; recipientId: string; kind: NotificationKind; oneToOneId?: string; language: Language }

const oneToOneChanges: Partial<Record<NotificationKind, 'seated' | 'cancelled'>> = { one_to_one_accepted: 'seated', one_to_one_cancelled: 'cancelled' }

export async function oneToOneCalendarAttachments(items: OneToOneMailItem[], options: CalendarMailOptions): Promise<Map<string, MailAttachment>> {
  const wanted = items.filter((item) => oneToOneChanges[item.kind] && item.oneToOneId && isObjectId(item.oneToOneId))
  const attachments = new Map<string, MailAttachment>()
  if (!wanted.length) return attachments
  const records = await OneToOne.find({ _id: { $in: [...new Set(wanted.map((item) => item.oneToOneId!))] } }).lean()
  const [meetings, people] = await Promise.all([
    Meeting.find({ _id: { $in: [...new Set(records.map((record) => String(record.meetingId)))] }, status: { $ne: 'draft' } }, { title: 1, place: 1, startsAt: 1, endsAt: 1, slotGrid: 1 }).lean(),
    User.find({ _id: { $in: [...new Set(records.flatMap((record) => [String(record.requesterId), String(record.recipientId)]))] } }, { name: 1 }).lean(),
  ])
  const recordById = new Map(records.map((record) => [String(record._id), record]))
  const meetingById = new Map(meetings.map((meeting) => [String(meeting._id), meeting]))
  const nameOf = new Map(people.map((person) => [String(person._id), person.name]))
  for (const item of wanted) {
    const record = recordById.get(item.oneToOneId!)
    const meeting = record && meetingById.get(String(record.meetingId))
    if (!record || !meeting) continue
    const participants = [String(record.requesterId), String(record.recipientId)]
    if (!participants.includes(item.recipientId)) continue
    const otherName = nameOf.get(participants.find((id) => id !== item.recipientId)!) ?? ''
    const seat = oneToOneSeatOf(record, meeting, otherName, oneToOneChanges[item.kind]!)
    if (!seat) continue
    const { t } = translatorFor(item.language)
    const content = oneToOneCalendar(seat, {
      t,
      meetingTitle: meeting.title,
      place: meeting.place ?? null,
      agendaUrl: new URL(`/rencontres/${String(meeting._id)}/mon-agenda`, options.publicUrl).toString(),
      organizerEmail: options.organizerEmail ?? 'contact@passerelle.local',
      now: options.now,
    })
    const attachment = mailAttachmentSchema.safeParse({ filename: oneToOneFileName(seat.id), contentType: calendarContentType(seat.cancelled ? 'cancelled' : 'published'), content })
    if (attachment.success) attachments.set(item.notificationId, attachment.data)
  }
  return attachments
}

/** Seated now (as the agenda shows it), or cancelled after holding a seat (the one its people's calendars have); otherwise none. */
function oneToOneSeatOf(
  record: Pick<OneToOneRecord, '_id' | 'status' | 'live' | 'slotStartsAt' | 'table' | 'calendarSeat' | 'icsSequence'>,
  meeting: Parameters<typeof gridOf>[0],
  otherName: string,
  change: 'seated' | 'cancelled',
): OneToOneSeat | null {
  const base = { id: String(record._id), icsSequence: record.icsSequence ?? 0, otherName }
  if (change === 'seated') {
    const grid = gridOf(meeting)
    if (record.status !== 'accepted' || !record.live || !record.slotStartsAt || !record.table || !grid) return null
    return { ...base, startsAt: record.slotStartsAt, endsAt: new Date(record.slotStartsAt.getTime() + grid.slotMinutes * 60_000), table: record.table }
  }
  const held = record.calendarSeat
  if (record.status !== 'cancelled' || !held?.startsAt || !held.endsAt || !held.table) return null
  return { ...base, startsAt: held.startsAt, endsAt: held.endsAt, table: held.table, cancelled: true }
}
