import mongoose, { type ClientSession } from 'mongoose'
import { inTransaction as runInTransaction } from '../transaction.server'
import type { Actor } from '../actor'
import { conflict, forbidden, notFound } from '../errors'
import { isObjectId } from '../ids'
import type { Notifier } from '../notifications/notifier.server'
import { isMemberOf } from '../orgs/memberships.server'
import { assertAllowed, mayRegisterForMeeting } from '../permissions'
import { seatsToFill } from './capacity'
import { activeRegistrationStatuses, isPast, leftSeatThemselves, registrationClosedReason, type RegistrationStatus } from './lifecycle'
import { Meeting, MeetingRegistration } from './model.server'
import { tellRegistrants } from './notify.server'
import { cancelOneToOnesOf } from './one-to-ones.server'

/**
 * Registrations: seats, waiting list, cancellations (docs/decisions/030-meetings.md). Every change
 * runs in one MongoDB transaction that writes the meeting document first — the seat counter
 * `registeredCount`, incremented only while it is below `capacity` — so concurrent registrations
 * and cancellations of one meeting conflict and are retried one after the other: the capacity is
 * never exceeded, and the waiting list moves up exactly once per freed seat.
 */
export type RegistrationDeps = { now?: Date; notifier?: Notifier }

let indexesReady: Promise<unknown> | undefined
/** The unique (meeting, person) index must exist before registrations rely on it. */
export const ensureMeetingIndexes = () => (indexesReady ??= Promise.all([Meeting.init(), MeetingRegistration.init()]))

async function inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
  await ensureMeetingIndexes()
  return runInTransaction(work)
}

/**
 * Moves the first people of the waiting list up into the seats free now (inside the caller's
 * transaction, after it wrote the meeting). Returns who moved up.
 */
export async function fillFreeSeats(meetingId: mongoose.Types.ObjectId | string, session: ClientSession, now: Date): Promise<string[]> {
  const meeting = await Meeting.findById(meetingId, { capacity: 1, registeredCount: 1 }).session(session).lean()
  if (!meeting) return []
  const free = seatsToFill({ capacity: meeting.capacity, registeredCount: meeting.registeredCount }, Number.MAX_SAFE_INTEGER)
  if (free === 0) return []
  const next = await MeetingRegistration.find({ meetingId, status: 'waitlisted' }, { userId: 1 }).sort({ position: 1, createdAt: 1 }).limit(free).session(session).lean()
  if (!next.length) return []
  await MeetingRegistration.updateMany({ _id: { $in: next.map((entry) => entry._id) } }, { $set: { status: 'registered', position: null, promotedAt: now } }, { session })
  await Meeting.updateOne({ _id: meetingId }, { $inc: { registeredCount: next.length } }, { session })
  return next.map((entry) => String(entry.userId))
}

/** Registers the actor for their organisation: a seat while there is one, else the waiting list. */
export async function registerForMeeting(actor: Actor, meetingId: string, organisationId: string | undefined, deps: RegistrationDeps = {}): Promise<{ status: RegistrationStatus }> {
  const now = deps.now ?? new Date()
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  if (!organisationId || !isObjectId(organisationId)) throw forbidden('meetings.refusals.noOrganisation')
  assertAllowed(mayRegisterForMeeting(actor, { member: await isMemberOf(actor.id, organisationId) }), 'meetings.refusals.notMember')
  const found = await Meeting.findById(meetingId, { status: 1, startsAt: 1, endsAt: 1, registrationDeadline: 1, title: 1 }).lean()
  if (!found || found.status === 'draft') throw notFound('meetings.refusals.notFound')
  const closed = registrationClosedReason(found, now)
  if (closed) throw conflict(`meetings.refusals.${closed}`)

  const status = await inTransaction(async (session) => {
    const existing = await MeetingRegistration.findOne({ meetingId, userId: actor.id }, { status: 1, cancelledReason: 1, cancelledFrom: 1 }).session(session).lean()
    if (existing && (activeRegistrationStatuses as readonly string[]).includes(existing.status)) throw conflict('meetings.refusals.alreadyRegistered')
    // The seat: taken only while the counter is below the capacity, in the same write.
    const seat = await Meeting.findOneAndUpdate(
      { _id: meetingId, status: 'published', $expr: { $lt: ['$registeredCount', '$capacity'] } },
      { $inc: { registeredCount: 1 } },
      { session, projection: { _id: 1 } },
    ).lean()
    let position: number | null = null
    if (!seat) {
      const queued = await Meeting.findOneAndUpdate({ _id: meetingId, status: 'published' }, { $inc: { waitlistSeq: 1 } }, { session, new: true, projection: { waitlistSeq: 1 } }).lean()
      if (!queued) throw conflict('meetings.refusals.cancelled')
      position = queued.waitlistSeq
    }
    const status: RegistrationStatus = seat ? 'registered' : 'waitlisted'
    // Back after leaving their seat: their next invitation must outrank the CANCEL they were sent.
    const cameBack = existing?.status === 'cancelled' && leftSeatThemselves(existing)
    await MeetingRegistration.updateOne(
      { meetingId, userId: actor.id },
      { $set: { organisationId, status, position, cancelledReason: null, cancelledAt: null, cancelledFrom: null, promotedAt: null }, ...(cameBack ? { $inc: { icsSequenceOffset: 1 } } : {}) },
      { session, upsert: true },
    )
    return status
  })
  await tellRegistrants(deps.notifier, { id: meetingId, title: found.title }, status, [actor.id])
  return { status }
}

/**
 * Cancels one person's registration (themselves, or moderation) and moves the waiting list up
 * when a seat came free. Returns false when there was nothing to cancel.
 */
async function cancelRegistration(meetingId: string, userId: string, reason: 'self' | 'moderation', deps: RegistrationDeps): Promise<{ cancelled: boolean; promoted: string[]; title: string }> {
  const now = deps.now ?? new Date()
  const result = await inTransaction(async (session) => {
    const before = await MeetingRegistration.findOneAndUpdate(
      { meetingId, userId, status: { $in: activeRegistrationStatuses } },
      { $set: { status: 'cancelled', position: null, cancelledReason: reason, cancelledAt: now } },
      { session, projection: { status: 1 } },
    ).lean()
    if (!before) return { cancelled: false, promoted: [] as string[] }
    // Leaving a seat by themselves: they will get the event's CANCEL, one SEQUENCE above what they had (calendar-mail.server.ts).
    const cancelsEvent = leftSeatThemselves({ cancelledReason: reason, cancelledFrom: before.status })
    await MeetingRegistration.updateOne({ _id: before._id }, { $set: { cancelledFrom: before.status }, ...(cancelsEvent ? { $inc: { icsSequenceOffset: 1 } } : {}) }, { session })
    // Always write the meeting: concurrent changes of its registrations then run one after the other.
    const meeting = await Meeting.findOneAndUpdate({ _id: meetingId }, before.status === 'registered' ? { $inc: { registeredCount: -1 } } : { $currentDate: { updatedAt: true } }, { session, projection: { status: 1 } }).lean()
    // A cancelled meeting has no seat to give: nobody waiting is told they got one.
    const promoted = before.status === 'registered' && meeting?.status === 'published' ? await fillFreeSeats(meetingId, session, now) : []
    return { cancelled: true, promoted }
  })
  const meeting = await Meeting.findById(meetingId, { title: 1 }).lean()
  const title = meeting?.title ?? ''
  if (result.cancelled) {
    await tellRegistrants(deps.notifier, { id: meetingId, title }, 'registration_cancelled', [userId])
    await tellRegistrants(deps.notifier, { id: meetingId, title }, 'promoted', result.promoted)
    // Their one-to-ones end too, and the other side is told (business meetings).
    await cancelOneToOnesOf(userId, reason === 'self' ? 'unregistered' : 'moderation', { meetingId }, deps)
  }
  return { ...result, title }
}

/** The actor withdraws (before the meeting ends); the first person waiting takes the seat. */
export async function unregisterFromMeeting(actor: Actor, meetingId: string, deps: RegistrationDeps = {}): Promise<{ promoted: number }> {
  const now = deps.now ?? new Date()
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  const meeting = await Meeting.findById(meetingId, { endsAt: 1, status: 1 }).lean()
  if (!meeting || meeting.status === 'draft') throw notFound('meetings.refusals.notFound')
  if (isPast(meeting, now)) throw conflict('meetings.refusals.past')
  const result = await cancelRegistration(meetingId, actor.id, 'self', { ...deps, now })
  if (!result.cancelled) throw conflict('meetings.refusals.notRegistered')
  return { promoted: result.promoted.length }
}

/**
 * A person removed by moderation (suspended, banned) or who deleted their account ('self'): their
 * registrations to meetings not over yet are cancelled, and each freed seat goes to the waiting list.
 */
export async function cancelRegistrationsOf(userId: string, deps: RegistrationDeps = {}, reason: 'self' | 'moderation' = 'moderation'): Promise<{ cancelled: number; promoted: number }> {
  const now = deps.now ?? new Date()
  if (!isObjectId(userId)) return { cancelled: 0, promoted: 0 }
  const active = await MeetingRegistration.find({ userId, status: { $in: activeRegistrationStatuses } }, { meetingId: 1 }).lean()
  const upcoming = await Meeting.find({ _id: { $in: active.map((entry) => entry.meetingId) }, endsAt: { $gt: now } }, { _id: 1 }).lean()
  let cancelled = 0
  let promoted = 0
  for (const meeting of upcoming) {
    const result = await cancelRegistration(String(meeting._id), userId, reason, { ...deps, now })
    if (result.cancelled) cancelled += 1
    promoted += result.promoted.length
  }
  return { cancelled, promoted }
}

/** The people still registered or waiting for a meeting (those told of a change). */
export async function activeRegistrantIds(meetingId: string | mongoose.Types.ObjectId): Promise<string[]> {
  const entries = await MeetingRegistration.find({ meetingId, status: { $in: activeRegistrationStatuses } }, { userId: 1 }).lean()
  return entries.map((entry) => String(entry.userId))
}
