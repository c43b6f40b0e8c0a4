import { TZDate } from '@date-fns/tz'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import type { Translate } from '~/i18n/translator'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { communeDisplayName, type CommuneLocation } from '../places/commune'
import { MEETING_TIME_ZONE } from './timezone'

/**
 * Every calendar file Passerelle writes (RFC 5545/5546) goes through `calendarFile`: a meeting's
 * (the download and its e-mails) and a person's one-to-ones (their agenda's download and their
 * one-to-one e-mails). Times in Europe/Paris with its VTIMEZONE (so « 14:00 » stays 14:00 for a
 * French reader, whatever their device's zone), a UID that never changes for the event (a new
 * file updates the same event), SEQUENCE raised on every change and on cancellation, METHOD
 * REQUEST (or CANCEL with STATUS:CANCELLED). Pure: no database.
 */
export type CalendarMeeting = {
  id: string
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  place: CommuneLocation | null
  onlineUrl: string | null
  status: 'draft' | 'published' | 'cancelled'
  icsSequence: number
  updatedAt?: Date | null
}

/**
 * A stored meeting as calendar data, as one person's calendar sees it: the call's link only for
 * those who may see it (registered, organisers); `sequenceOffset` is their registration's
 * `icsSequenceOffset`; `withdrawn`: they left their seat, so for them the event is cancelled.
 */
export function calendarMeetingOf(
  meeting: Pick<CalendarMeeting, 'title' | 'startsAt' | 'endsAt' | 'status' | 'icsSequence'> & { _id: unknown; description?: string | null; place?: CommuneLocation | null; onlineUrl?: string | null; updatedAt?: Date | null },
  { withOnlineUrl, sequenceOffset = 0, withdrawn = false }: { withOnlineUrl: boolean; sequenceOffset?: number; withdrawn?: boolean },
): CalendarMeeting {
  return {
    id: String(meeting._id),
    title: meeting.title,
    description: meeting.description ?? '',
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place ?? null,
    onlineUrl: withOnlineUrl ? (meeting.onlineUrl ?? null) : null,
    status: withdrawn ? 'cancelled' : meeting.status,
    icsSequence: meeting.icsSequence + sequenceOffset,
    updatedAt: meeting.updatedAt ?? null,
  }
}

/** One event of a calendar file. */
export type CalendarEvent = {
  uid: string
  sequence: number
  startsAt: Date
  endsAt: Date
  summary: string
  description: string
  location: string | null
  url: string
  cancelled: boolean
  lastModified?: Date | null
}

export type CalendarFileInput = {
  /** The calendar's name; never a line break in it (ical-generator writes it as is). */
  name: string
  product: string
  /** REQUEST or CANCEL (a file sent to add, update or remove events), null for a plain export. */
  method: 'REQUEST' | 'CANCEL' | null
  organizerEmail?: string
  events: readonly CalendarEvent[]
  now?: Date
}

/** The one builder of calendar files. Dates are TZDates: ical-generator reads a native Date in the server's own zone. */
export function calendarFile(input: CalendarFileInput): string {
  const inParis = (date: Date) => new TZDate(date.getTime(), MEETING_TIME_ZONE)
  const calendar = ical({ name: input.name.replace(/[\u0000-\u001f\u007f]+/g, ' '), prodId: { company: 'Passerelle', product: input.product, language: 'FR' } })
  if (input.method) calendar.method(input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST)
  calendar.timezone({ name: MEETING_TIME_ZONE, generator: getVtimezoneComponent })
  const stamp = inParis(input.now ?? new Date())
  for (const event of input.events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      start: inParis(event.startsAt),
      end: inParis(event.endsAt),
      timezone: MEETING_TIME_ZONE,
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: event.url,
      organizer: input.organizerEmail ? { name: 'Passerelle', email: input.organizerEmail } : undefined,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      lastModified: event.lastModified ? inParis(event.lastModified) : undefined,
    })
  }
  return calendar.toString()
}

/** Stable across downloads and changes: calendars match updates to the event by it. */
export const meetingUid = (meetingId: string, host: string) => `rencontre-${meetingId}@${host}`

export function meetingCalendar(meeting: CalendarMeeting, options: { publicUrl: string; organizerEmail: string; now?: Date }): string {
  const pageUrl = new URL(`/rencontres/${meeting.id}`, options.publicUrl).toString()
  const cancelled = meeting.status === 'cancelled'
  return calendarFile({
    name: 'Passerelle — Rencontres',
    product: 'rencontres',
    method: cancelled ? 'CANCEL' : 'REQUEST',
    organizerEmail: options.organizerEmail,
    now: options.now,
    events: [
      {
        uid: meetingUid(meeting.id, new URL(options.publicUrl).hostname),
        sequence: meeting.icsSequence,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        summary: meeting.title,
        description: [meeting.description, pageUrl].filter(Boolean).join('\n\n'),
        location: meeting.place ? `${communeDisplayName(meeting.place)} (${meeting.place.departementCode})` : meeting.onlineUrl,
        url: meeting.onlineUrl ?? pageUrl,
        cancelled,
        lastModified: meeting.updatedAt,
      },
    ],
  })
}

// ——— One-to-ones (business meetings) ———————————————————————————————————————————————————

/** A one-to-one's event: the same UID in both people's agenda download and in their one-to-one e-mails. */
export const oneToOneUid = (oneToOneId: string) => `rdv-${oneToOneId}@passerelle`

/** The seat of a one-to-one as calendar data (`cancelled`: the one-to-one is over, its event goes). */
export type OneToOneSeat = { id: string; startsAt: Date; endsAt: Date; table: number; icsSequence: number; otherName: string; cancelled?: boolean }
/** What every event of a person's one-to-ones at one meeting shares; the words in their language (`t`). */
export type OneToOneContext = { t: Translate; meetingTitle: string; place: CommuneLocation | null; agendaUrl: string; now?: Date }

export function oneToOneEvent(seat: OneToOneSeat, { t, meetingTitle, place, agendaUrl }: OneToOneContext): CalendarEvent {
  return {
    uid: oneToOneUid(seat.id),
    sequence: seat.icsSequence,
    startsAt: seat.startsAt,
    endsAt: seat.endsAt,
    summary: t('brokerage.ics.summary', { name: seat.otherName }),
    description: t('brokerage.ics.description', { title: meetingTitle, name: seat.otherName, table: seat.table }),
    location: t('brokerage.ics.location', { table: seat.table, place: place?.communeName ?? t('brokerage.ics.online') }),
    url: agendaUrl,
    cancelled: seat.cancelled ?? false,
  }
}

const oneToOnesProduct = 'rencontres-rendez-vous'

/** A person's seated one-to-ones at a meeting (their agenda's download): a plain export, one event each. */
export function agendaCalendar(seats: readonly OneToOneSeat[], context: OneToOneContext): string {
  return calendarFile({
    name: context.t('brokerage.ics.calendarName', { title: context.meetingTitle }),
    product: oneToOnesProduct,
    method: null,
    events: seats.map((seat) => oneToOneEvent(seat, context)),
    now: context.now,
  })
}

/** One one-to-one to add or update (REQUEST), or to remove once cancelled (CANCEL): what its e-mails carry. */
export function oneToOneCalendar(seat: OneToOneSeat, context: OneToOneContext & { organizerEmail: string }): string {
  return calendarFile({
    name: context.t('brokerage.ics.calendarName', { title: context.meetingTitle }),
    product: oneToOnesProduct,
    method: seat.cancelled ? 'CANCEL' : 'REQUEST',
    organizerEmail: context.organizerEmail,
    events: [oneToOneEvent(seat, context)],
    now: context.now,
  })
}

/** « rendez-vous-<id>.ics », the file attached to a one-to-one's e-mail. */
export const oneToOneFileName = (oneToOneId: string) => `rendez-vous-${oneToOneId}.ics`

/** The file's MIME type, with the METHOD the calendar carries (RFC 6047: a mail client offers to add, update or remove the event). */
export const calendarContentType = (status: CalendarMeeting['status']) => `text/calendar; charset=utf-8; method=${status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`

/** A file name people recognise in their downloads: « rencontre-<id>.ics ». */
export const calendarFileName = (meetingId: string) => `rencontre-${meetingId}.ics`
