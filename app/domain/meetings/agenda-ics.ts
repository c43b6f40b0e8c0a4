import { TZDate } from '@date-fns/tz'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical from 'ical-generator'
import { MEETING_TIME_ZONE } from './timezone'

/**
 * A person's one-to-ones at a meeting as an iCalendar file (RFC 5545, via ical-generator): one
 * VEVENT per seated one-to-one, in Europe/Paris with its VTIMEZONE, so Outlook and Google Calendar
 * show the same time as the page. Each event's UID is the one-to-one's id: importing the file
 * again updates the events instead of duplicating them. The words come translated from the edge.
 * Dates are TZDates (as in calendar.server.ts): ical-generator reads a native Date in the server's zone.
 */
export type AgendaIcsInput = {
  meetingId: string
  calendarName: string
  seats: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date; summary: string; description: string; location: string }>
  url: string
  now: Date
}

export function agendaIcs(input: AgendaIcsInput): string {
  const calendar = ical({
    // ical-generator writes the calendar's name as is: never a line break in it (a second guard after the title's schema).
    name: input.calendarName.replace(/[\u0000-\u001f\u007f]+/g, ' '),
    prodId: { company: 'Passerelle', product: 'rencontres-rendez-vous', language: 'FR' },
    timezone: { name: MEETING_TIME_ZONE, generator: getVtimezoneComponent },
  })
  for (const seat of input.seats) {
    calendar.createEvent({
      id: `rdv-${seat.id}@passerelle`,
      start: new TZDate(seat.startsAt.getTime(), MEETING_TIME_ZONE),
      end: new TZDate(seat.endsAt.getTime(), MEETING_TIME_ZONE),
      timezone: MEETING_TIME_ZONE,
      stamp: new TZDate(input.now.getTime(), MEETING_TIME_ZONE),
      summary: seat.summary,
      description: seat.description,
      location: seat.location,
      url: input.url,
    })
  }
  return calendar.toString()
}
