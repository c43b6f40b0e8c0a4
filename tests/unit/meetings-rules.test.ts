import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { agendaCalendar, calendarMeetingOf, meetingCalendar, meetingUid, oneToOneCalendar, oneToOneUid } from '~/domain/meetings/calendar.server'
import { hasFreeSeat, outcomeOfRegistration, seatsToFill, waitlistOrder, waitlistRank } from '~/domain/meetings/capacity'
import { allowsAction, meetingDisplayStatus, registrationClosedReason } from '~/domain/meetings/lifecycle'
import { meetingFormSchema } from '~/domain/meetings/schema'
import { formatParisDateTime, instantToParisLocal, parisLocalToInstant, parisOffsetMinutes } from '~/domain/meetings/timezone'
import { translatorFor } from '~/i18n/translators'

describe('seats and the waiting list', () => {
  it('gives a seat while one is free, else a place on the waiting list', () => {
    expect(outcomeOfRegistration({ capacity: 2, registeredCount: 1 })).toBe('registered')
    expect(outcomeOfRegistration({ capacity: 2, registeredCount: 2 })).toBe('waitlisted')
    expect(hasFreeSeat({ capacity: 1, registeredCount: 0 })).toBe(true)
  })

  it('moves up as many waiting people as there are free seats, no more', () => {
    expect(seatsToFill({ capacity: 5, registeredCount: 4 }, 3)).toBe(1)
    expect(seatsToFill({ capacity: 5, registeredCount: 2 }, 2)).toBe(2)
    expect(seatsToFill({ capacity: 5, registeredCount: 5 }, 3)).toBe(0)
    expect(seatsToFill({ capacity: 3, registeredCount: 4 }, 3)).toBe(0)
  })

  it('keeps the waiting list in the order people joined it', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute))
    const entries = [
      { userId: 'c', position: 3, createdAt: at(1) },
      { userId: 'a', position: 1, createdAt: at(3) },
      { userId: 'b', position: 2, createdAt: at(2) },
    ]
    expect(waitlistOrder(entries).map((entry) => entry.userId)).toEqual(['a', 'b', 'c'])
    expect(waitlistRank(entries, 'c')).toBe(3)
    expect(waitlistRank(entries, 'nobody')).toBeNull()
  })
})

describe('meeting lifecycle', () => {
  const now = new Date('2026-12-07T10:00:00Z')
  const published = { status: 'published' as const, startsAt: new Date('2026-12-10T13:00:00Z'), endsAt: new Date('2026-12-10T15:00:00Z') }
  it('is past once it ended (derived, never stored), and only then takes outcomes', () => {
    expect(meetingDisplayStatus(published, now)).toBe('published')
    expect(meetingDisplayStatus(published, new Date('2026-12-10T15:00:00Z'))).toBe('past')
    expect(allowsAction('record_outcomes', published, now)).toBe(false)
    expect(allowsAction('edit', { ...published, status: 'cancelled' }, now)).toBe(false)
  })
  it('closes registration after the deadline, at the start without one, and when cancelled', () => {
    expect(registrationClosedReason({ ...published, registrationDeadline: new Date('2026-12-08T00:00:00Z') }, now)).toBeNull()
    expect(registrationClosedReason({ ...published, registrationDeadline: new Date('2026-12-06T00:00:00Z') }, now)).toBe('deadlinePassed')
    expect(registrationClosedReason({ ...published, registrationDeadline: null }, new Date('2026-12-10T13:00:00Z'))).toBe('past')
    expect(registrationClosedReason({ ...published, status: 'cancelled', registrationDeadline: null }, now)).toBe('cancelled')
  })
})

describe('Europe/Paris, whatever the server’s zone (TZ=' + (process.env.TZ ?? 'unset') + ')', () => {
  it('reads a datetime-local value as Paris time, winter and summer', () => {
    expect(parisLocalToInstant('2026-12-10T14:00')?.toISOString()).toBe('2026-12-10T13:00:00.000Z')
    expect(parisLocalToInstant('2027-07-01T09:30')?.toISOString()).toBe('2027-07-01T07:30:00.000Z')
    expect(parisOffsetMinutes(new Date('2027-07-01T07:30:00Z'))).toBe(120)
  })
  it('handles the clock changes: a skipped time reads an hour later, an ambiguous one takes the first', () => {
    expect(instantToParisLocal(parisLocalToInstant('2027-03-28T02:30')!)).toBe('2027-03-28T03:30')
    expect(parisLocalToInstant('2027-10-31T02:30')?.toISOString()).toBe('2027-10-31T00:30:00.000Z')
  })
  it('refuses what is not a date, and shows instants back in Paris time', () => {
    expect(parisLocalToInstant('2027-02-30T10:00')).toBeNull()
    expect(parisLocalToInstant('demain 14h')).toBeNull()
    expect(instantToParisLocal(new Date('2026-12-10T13:00:00Z'))).toBe('2026-12-10T14:00')
    expect(formatParisDateTime(new Date('2026-12-10T13:00:00Z'), 'fr')).toContain('14:00')
  })
})

describe('the meeting form', () => {
  const now = () => new Date('2026-12-07T10:00:00Z')
  const valid = {
    title: 'Rencontre plasturgie',
    scope: 'territory:haut-jura',
    startsAt: '2026-12-10T14:00',
    endsAt: '2026-12-10T17:00',
    registrationDeadline: '2026-12-09T18:00',
    mode: 'place',
    commune: '39478',
    capacity: 30,
  }
  const errorsOf = (values: Record<string, unknown>) => {
    const result = meetingFormSchema(now).safeParse(values)
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
  }
  it('accepts a meeting in person and stores its instants', () => {
    const result = meetingFormSchema(now).parse(valid)
    expect(result.startsAt.toISOString()).toBe('2026-12-10T13:00:00.000Z')
  })
  it('says clearly what is wrong (keys of French sentences)', () => {
    expect(errorsOf({ ...valid, startsAt: '2026-12-01T14:00', endsAt: '2026-12-01T15:00', registrationDeadline: undefined })).toMatchObject({ startsAt: 'meetings.errors.startsInPast' })
    expect(errorsOf({ ...valid, endsAt: '2026-12-10T13:00' })).toMatchObject({ endsAt: 'meetings.errors.endBeforeStart' })
    expect(errorsOf({ ...valid, capacity: 0 })).toMatchObject({ capacity: 'meetings.errors.capacityPositive' })
    expect(errorsOf({ ...valid, capacity: -3 })).toMatchObject({ capacity: 'meetings.errors.capacityPositive' })
    expect(errorsOf({ ...valid, registrationDeadline: '2026-12-11T10:00' })).toMatchObject({ registrationDeadline: 'meetings.errors.deadlineAfterStart' })
    expect(errorsOf({ ...valid, mode: 'online', onlineUrl: 'http://visio.exemple.fr/salle' })).toMatchObject({ onlineUrl: 'meetings.errors.onlineUrlHttps' })
    expect(errorsOf({ ...valid, mode: 'online', onlineUrl: '' })).toMatchObject({ onlineUrl: 'meetings.errors.onlineUrlHttps' })
    expect(errorsOf({ ...valid, mode: 'online', onlineUrl: 'https://visio.exemple.fr/salle' })).toEqual({})
  })
})

describe('the calendar file', () => {
  const meeting = {
    id: '64b7f0c2a1b2c3d4e5f60718',
    title: 'Rencontre plasturgie',
    description: 'Programme',
    startsAt: new Date('2026-12-10T13:00:00Z'),
    endsAt: new Date('2026-12-10T16:00:00Z'),
    place: null,
    onlineUrl: 'https://visio.exemple.fr/salle',
    status: 'published' as const,
    icsSequence: 0,
  }
  const options = { publicUrl: 'https://passerelle.exemple.fr', organizerEmail: 'contact@passerelle.exemple.fr', now: new Date('2026-12-07T10:00:00Z') }
  const parse = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
    return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) }
  }

  it('reads back with ical.js: DTSTART at 14:00 in Europe/Paris (with its VTIMEZONE), a stable UID, METHOD:REQUEST', () => {
    const { calendar, event } = parse(meetingCalendar(meeting, options))
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris')
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris')
    expect(event.startDate.toString()).toBe('2026-12-10T14:00:00')
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T13:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-10T16:00:00.000Z')
    expect(event.uid).toBe(meetingUid(meeting.id, 'passerelle.exemple.fr'))
    expect(event.sequence).toBe(0)
  })

  it('keeps the UID, raises SEQUENCE and says CANCEL once the meeting is cancelled', () => {
    const { calendar, event } = parse(meetingCalendar({ ...meeting, status: 'cancelled', icsSequence: 2 }, options))
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.sequence).toBe(2)
    expect(event.uid).toBe(meetingUid(meeting.id, 'passerelle.exemple.fr'))
  })

  it('for someone who left their seat: the same event cancelled, their offset added to SEQUENCE, no call link', () => {
    const stored = { ...meeting, _id: meeting.id, icsSequence: 3 }
    const left = calendarMeetingOf(stored, { withOnlineUrl: false, sequenceOffset: 1, withdrawn: true })
    expect(left).toMatchObject({ status: 'cancelled', icsSequence: 4, onlineUrl: null })
    const { calendar, event } = parse(meetingCalendar(left, options))
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.sequence).toBe(4)
    expect(event.uid).toBe(meetingUid(meeting.id, 'passerelle.exemple.fr'))
    expect(calendarMeetingOf(stored, { withOnlineUrl: true })).toMatchObject({ status: 'published', icsSequence: 3, onlineUrl: meeting.onlineUrl })
  })

  it('one-to-ones go through the same builder: the agenda is a plain export, an e-mail’s file one event with its METHOD', () => {
    const seat = { id: '64b7f0c2a1b2c3d4e5f60799', startsAt: new Date('2026-12-10T13:20:00Z'), endsAt: new Date('2026-12-10T13:40:00Z'), table: 3, icsSequence: 2, otherName: 'Léa Martin' }
    const context = { t: translatorFor('fr').t, meetingTitle: meeting.title, place: null, agendaUrl: 'https://passerelle.exemple.fr/rencontres/x/mon-agenda', now: options.now }
    const agenda = parse(agendaCalendar([seat], context))
    expect(agenda.calendar.getFirstPropertyValue('method')).toBeNull()
    expect(agenda.event.uid).toBe(oneToOneUid(seat.id))
    expect(agenda.event.startDate.toString()).toBe('2026-12-10T14:20:00')
    expect(agenda.event.summary).toBe('Rendez-vous d’affaires avec Léa Martin')
    const invitation = parse(oneToOneCalendar(seat, { ...context, organizerEmail: options.organizerEmail }))
    expect(invitation.calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect([invitation.event.uid, invitation.event.sequence]).toEqual([oneToOneUid(seat.id), 2])
    const removal = parse(oneToOneCalendar({ ...seat, icsSequence: 3, cancelled: true }, { ...context, organizerEmail: options.organizerEmail }))
    expect(removal.calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(removal.event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect([removal.event.uid, removal.event.sequence]).toEqual([oneToOneUid(seat.id), 3])
  })
})
