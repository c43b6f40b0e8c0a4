import { TZDate } from '@date-fns/tz'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { communeDisplayName, type CommuneLocation } from '../places/commune'
import { MEETING_TIME_ZONE } from './timezone'

/**
 * The meeting as an iCalendar file (RFC 5545/5546) that Outlook and Google Calendar import:
 * times in Europe/Paris with its VTIMEZONE (so « 14:00 » stays 14:00 for a French reader,
 * whatever their device's zone), a UID that never changes for the meeting (a new file updates
 * the same event), SEQUENCE raised on every date/place change or cancellation, METHOD REQUEST
 * (or CANCEL with STATUS:CANCELLED once the meeting is cancelled). Pure: no database.
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

/** A stored meeting as calendar data; the call's link only for those who may see it (registered, organisers). */
export function calendarMeetingOf(
  meeting: Pick<CalendarMeeting, 'title' | 'startsAt' | 'endsAt' | 'status' | 'icsSequence'> & { _id: unknown; description?: string | null; place?: CommuneLocation | null; onlineUrl?: string | null; updatedAt?: Date | null },
  { withOnlineUrl }: { withOnlineUrl: boolean },
): CalendarMeeting {
  return {
    id: String(meeting._id),
    title: meeting.title,
    description: meeting.description ?? '',
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place ?? null,
    onlineUrl: withOnlineUrl ? (meeting.onlineUrl ?? null) : null,
    status: meeting.status,
    icsSequence: meeting.icsSequence,
    updatedAt: meeting.updatedAt ?? null,
  }
}

/** Stable across downloads and changes: calendars match updates to the event by it. */
export const meetingUid = (meetingId: string, host: string) => `rencontre-${meetingId}@${host}`

export function meetingCalendar(meeting: CalendarMeeting, options: { publicUrl: string; organizerEmail: string; now?: Date }): string {
  const pageUrl = new URL(`/rencontres/${meeting.id}`, options.publicUrl).toString()
  const cancelled = meeting.status === 'cancelled'
  const calendar = ical({ name: 'Passerelle — Rencontres', prodId: { company: 'Passerelle', product: 'rencontres', language: 'FR' } })
  calendar.method(cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST)
  calendar.timezone({ name: MEETING_TIME_ZONE, generator: getVtimezoneComponent })
  calendar.createEvent({
    id: meetingUid(meeting.id, new URL(options.publicUrl).hostname),
    sequence: meeting.icsSequence,
    stamp: new TZDate((options.now ?? new Date()).getTime(), MEETING_TIME_ZONE),
    // TZDate: ical-generator reads a native Date in the server's own zone; this one is in Paris.
    start: new TZDate(meeting.startsAt.getTime(), MEETING_TIME_ZONE),
    end: new TZDate(meeting.endsAt.getTime(), MEETING_TIME_ZONE),
    timezone: MEETING_TIME_ZONE,
    summary: meeting.title,
    description: [meeting.description, pageUrl].filter(Boolean).join('\n\n'),
    location: meeting.place ? `${communeDisplayName(meeting.place)} (${meeting.place.departementCode})` : meeting.onlineUrl,
    url: meeting.onlineUrl ?? pageUrl,
    organizer: { name: 'Passerelle', email: options.organizerEmail },
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    lastModified: meeting.updatedAt ? new TZDate(meeting.updatedAt.getTime(), MEETING_TIME_ZONE) : undefined,
  })
  return calendar.toString()
}

/** The file's MIME type, with the METHOD the calendar carries (RFC 6047: a mail client offers to add, update or remove the event). */
export const calendarContentType = (status: CalendarMeeting['status']) => `text/calendar; charset=utf-8; method=${status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`

/** A file name people recognise in their downloads: « rencontre-<id>.ics ». */
export const calendarFileName = (meetingId: string) => `rencontre-${meetingId}.ics`
