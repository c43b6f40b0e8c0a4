/**
 * The life of a meeting (« Rencontre »), pure (no database, no clock of its own):
 *
 *   draft → published → cancelled
 *             └──(endsAt passes)──▶ past   (derived from the clock, never written)
 *
 * `past` is read from the dates (`meetingPhase`) so that no job has to run at the end of an
 * event; the stored status only records what a person decided. Registrations have their own
 * small machine: registered ⇄ waitlisted → cancelled (a cancelled one may register again).
 * See docs/decisions/030-meetings.md.
 */
export const meetingStatuses = ['draft', 'published', 'cancelled'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

/** What a page shows: the stored status, with `past` once the event is over. */
export const meetingDisplayStatuses = ['draft', 'published', 'cancelled', 'past'] as const
export type MeetingDisplayStatus = (typeof meetingDisplayStatuses)[number]

export const meetingActions = ['publish', 'edit', 'cancel', 'record_outcomes'] as const
export type MeetingAction = (typeof meetingActions)[number]

type Timed = { status: MeetingStatus; startsAt: Date; endsAt: Date }

export function meetingDisplayStatus(meeting: Timed, now: Date): MeetingDisplayStatus {
  if (meeting.status === 'published' && meeting.endsAt.getTime() <= now.getTime()) return 'past'
  return meeting.status
}

export const isPast = (meeting: Pick<Timed, 'endsAt'>, now: Date) => meeting.endsAt.getTime() <= now.getTime()

/** Which of the animator's actions the meeting allows now (permissions are asked separately). */
export function allowsAction(action: MeetingAction, meeting: Timed, now: Date): boolean {
  const display = meetingDisplayStatus(meeting, now)
  switch (action) {
    case 'publish':
      return display === 'draft' && !isPast(meeting, now)
    case 'edit':
    case 'cancel':
      return display === 'draft' || display === 'published'
    case 'record_outcomes':
      return display === 'past'
  }
}

/** Statuses shown in the public list and open to registration (with the dates checked too). */
export const listedStatuses = ['published', 'cancelled'] as const satisfies readonly MeetingStatus[]

export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const
export type RegistrationStatus = (typeof registrationStatuses)[number]

/** A registration that still holds a seat or a place in the queue. */
export const activeRegistrationStatuses = ['registered', 'waitlisted'] as const satisfies readonly RegistrationStatus[]
export const isActiveRegistration = (status: RegistrationStatus) => (activeRegistrationStatuses as readonly RegistrationStatus[]).includes(status)

/**
 * Cancelled by the person themselves while they held a seat: their calendar had the event (only a
 * seat gets the invitation), so they get its CANCEL. A place on the waiting list never had one.
 */
export const leftSeatThemselves = (registration: { cancelledReason?: string | null; cancelledFrom?: string | null }) =>
  registration.cancelledReason === 'self' && registration.cancelledFrom === 'registered'

/** Why a person may not register now, or null when they may (the seat itself is decided atomically). */
export function registrationClosedReason(
  meeting: Timed & { registrationDeadline?: Date | null },
  now: Date,
): 'notPublished' | 'cancelled' | 'past' | 'deadlinePassed' | null {
  if (meeting.status === 'cancelled') return 'cancelled'
  if (meeting.status !== 'published') return 'notPublished'
  if (meeting.startsAt.getTime() <= now.getTime()) return 'past'
  const deadline = meeting.registrationDeadline ?? meeting.startsAt
  if (deadline.getTime() < now.getTime()) return 'deadlinePassed'
  return null
}
