import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical from 'ical-generator'
import { MEETING_TIME_ZONE } from './timezone'

/**
 * A person's one-to-ones at a meeting as an iCalendar file (RFC 5545, via ical-generator): one
 * VEVENT per seated one-to-one, in Europe/Paris with its VTIMEZONE, so Outlook and Google Calendar
 * show the same time as the page. Each event's UID is the one-to-one's id: importing the file
 * again updates the events instead of duplicating them. The words come translated from the edge.
 */
/**
 * ical-generator writes a native Date with a TZID using the *process's* local clock, which is
 * wrong unless the server runs in Paris. A date shaped like @date-fns/tz's TZDate is asked for its
 * wall clock in the event's zone instead: this one answers through Intl (the ICU zone data).
 */
class ZonedDate extends Date {
  readonly internal: Date
  private readonly wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }

  constructor(
    instant: Date,
    readonly timeZone: string,
  ) {
    super(instant.getTime())
    this.internal = new Date(instant.getTime())
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
        .formatToParts(instant)
        .map((part) => [part.type, Number(part.value)]),
    )
    this.wall = { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
  }

  withTimeZone(timeZone: string) {
    return new ZonedDate(this.internal, timeZone)
  }
  tzComponents() {
    return { ...this.wall }
  }
  override getFullYear() {
    return this.wall.year
  }
  override getMonth() {
    return this.wall.month - 1
  }
  override getDate() {
    return this.wall.day
  }
  override getHours() {
    return this.wall.hour
  }
  override getMinutes() {
    return this.wall.minute
  }
  override getSeconds() {
    return this.wall.second
  }
}

export type AgendaIcsInput = {
  meetingId: string
  calendarName: string
  seats: ReadonlyArray<{ id: string; startsAt: Date; endsAt: Date; summary: string; description: string; location: string }>
  url: string
  now: Date
}

export function agendaIcs(input: AgendaIcsInput): string {
  const calendar = ical({
    name: input.calendarName,
    prodId: { company: 'Passerelle', product: 'rencontres-rendez-vous', language: 'FR' },
    timezone: { name: MEETING_TIME_ZONE, generator: getVtimezoneComponent },
  })
  for (const seat of input.seats) {
    calendar.createEvent({
      id: `rdv-${seat.id}@passerelle`,
      start: new ZonedDate(seat.startsAt, MEETING_TIME_ZONE),
      end: new ZonedDate(seat.endsAt, MEETING_TIME_ZONE),
      timezone: MEETING_TIME_ZONE,
      stamp: new ZonedDate(input.now, MEETING_TIME_ZONE),
      summary: seat.summary,
      description: seat.description,
      location: seat.location,
      url: input.url,
    })
  }
  return calendar.toString()
}
