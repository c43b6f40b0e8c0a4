import mongoose from 'mongoose'
import { inTransaction } from '../transaction.server'
import type { Actor } from '../actor'
import { conflict, invalid, notFound } from '../errors'
import { isObjectId } from '../ids'
import type { NotifyHook } from '../notifications/notifier.server'
import { assertAllowed, mayArrangeOneToOnes, mayRequestOneToOne } from '../permissions'
import { User } from '../users/model.server'
import { Meeting, MeetingRegistration, type MeetingRecord } from './model.server'
import { allowsOneToOneAction, pairKeyOf, type OneToOneCancelReason, type OneToOneSide } from './one-to-ones.lifecycle'
import { OneToOne, OneToOnePlan, type OneToOneRecord } from './one-to-ones.model.server'
import { notifyOneToOne } from './one-to-ones.notify.server'
import type { SlotGridInput } from './one-to-ones.schema'
import { scheduleOneToOnes, slotTimes, validateSlotGrid, type GridRefusal, type SlotGrid, type UnscheduledReason } from './scheduler'

/**
 * Business meetings at a « Rencontre »: registered participants ask each other for one-to-ones,
 * the other side accepts or declines, and accepted ones are seated by the scheduler into the
 * meeting's slot grid (docs/decisions/031-one-to-one-scheduler.md). Every change that can move a
 * seat re-plans inside one transaction with the change, on the meeting's plan lock.
 */
export type Clock = { now?: Date }
type Options = Clock & NotifyHook

const MINUTE = 60_000

export type MeetingFacts = Pick<MeetingRecord, '_id' | 'title' | 'startsAt' | 'endsAt' | 'status' | 'scope' | 'place' | 'onlineUrl' | 'slotGrid'>

export async function findMeeting(meetingId: string, session?: mongoose.ClientSession): Promise<MeetingFacts> {
  if (!isObjectId(meetingId)) throw notFound()
  const meeting = await Meeting.findById(meetingId, { title: 1, startsAt: 1, endsAt: 1, status: 1, scope: 1, place: 1, onlineUrl: 1, slotGrid: 1 })
    .session(session ?? null)
    .lean()
  if (!meeting || meeting.status === 'draft') throw notFound()
  return meeting as MeetingFacts
}

export async function isRegistered(meetingId: string, userId: string, session?: mongoose.ClientSession) {
  if (!isObjectId(userId)) return false
  return Boolean(await MeetingRegistration.exists({ meetingId, userId, status: 'registered' }).session(session ?? null))
}

/** One-to-ones are asked, answered and planned only before the event, on a meeting still on. */
function assertBeforeEvent(meeting: MeetingFacts, now: Date) {
  if (meeting.status === 'cancelled') throw conflict('brokerage.refusals.meetingCancelled')
  if (meeting.startsAt.getTime() <= now.getTime()) throw conflict('brokerage.refusals.meetingStarted')
}

export function gridOf(meeting: Pick<MeetingFacts, 'slotGrid' | 'startsAt' | 'endsAt'>): (SlotGrid & { slotCount: number }) | null {
  const grid = meeting.slotGrid
  if (!grid) return null
  const check = validateSlotGrid(grid, meeting)
  return check.ok ? { ...grid, slotCount: check.slotCount } : null
}

// ——— Planning ————————————————————————————————————————————————————————————————————————

/**
 * Runs the scheduler over the meeting's accepted one-to-ones and writes what moved, inside the
 * caller's transaction. Seats already given stay (the scheduler's stability rule); only new or
 * released ones are written.
 */
async function replan(meeting: MeetingFacts, session: mongoose.ClientSession, now: Date) {
  // The lock: concurrent plans of one meeting conflict here and one runs again.
  await OneToOnePlan.updateOne({ meetingId: meeting._id }, { $inc: { version: 1 }, $set: { plannedAt: now } }, { upsert: true, session })
  const accepted = await OneToOne.find({ meetingId: meeting._id, status: 'accepted' }).session(session).lean()
  const grid = gridOf(meeting)
  if (!grid) {
    // No grid (yet): accepted one-to-ones wait, unseated, for the animator to set it.
    await OneToOne.updateMany({ meetingId: meeting._id, status: 'accepted' }, { $set: { slotStartsAt: null, table: null, unscheduledReason: null } }, { session })
    return
  }
  const slotMs = grid.slotMinutes * MINUTE
  const plan = scheduleOneToOnes({
    slotCount: grid.slotCount,
    tables: grid.tables,
    requests: accepted.map((record) => ({ id: String(record._id), people: [String(record.requesterId), String(record.recipientId)] as const, requestedAt: record.requestedAt })),
    // A seat is kept by its instant: an index that is not whole (the grid moved) is released by the scheduler.
    confirmed: accepted
      .filter((record) => record.slotStartsAt && record.table)
      .map((record) => ({ requestId: String(record._id), slotIndex: (record.slotStartsAt!.getTime() - grid.firstSlotAt.getTime()) / slotMs, table: record.table! })),
  })
  const added = new Set(plan.added.map((assignment) => assignment.requestId))
  // Released seats are cleared first, so that the unique seat index accepts their reuse.
  const released = plan.released.map((assignment) => assignment.requestId).filter((id) => !added.has(id))
  const cleared = [...released, ...plan.added.map((assignment) => assignment.requestId)]
  if (cleared.length) await OneToOne.updateMany({ _id: { $in: cleared } }, { $set: { slotStartsAt: null, table: null } }, { session })
  for (const { requestId, slotIndex, table } of plan.added) {
    const { startsAt, endsAt } = slotTimes(grid, slotIndex)
    await OneToOne.updateOne({ _id: requestId }, { $set: { slotStartsAt: startsAt, table, unscheduledReason: null, calendarSeat: { startsAt, endsAt, table } }, $inc: { icsSequence: 1 } }, { session })
  }
  for (const { requestId, reason } of plan.unscheduled) {
    await OneToOne.updateOne({ _id: requestId }, { $set: { slotStartsAt: null, table: null, unscheduledReason: reason } }, { session })
  }
}

async function inPlanTransaction<T>(meetingId: string, work: (session: mongoose.ClientSession) => Promise<T>): Promise<T> {
  // Created outside the transaction: two first plans would otherwise race on the unique index.
  await OneToOnePlan.updateOne({ meetingId }, { $setOnInsert: { version: 0 } }, { upsert: true })
  return inTransaction(work)
}

/** Which form field a grid refusal is shown next to. */
const gridRefusalField: Record<GridRefusal, keyof SlotGridInput> = {
  slot_length: 'slotMinutes',
  tables: 'tables',
  order: 'firstSlotAt',
  before_event: 'firstSlotAt',
  after_event: 'lastSlotEndsAt',
  whole_slots: 'lastSlotEndsAt',
  too_many_slots: 'lastSlotEndsAt',
}

/** The animator sets (or changes) the grid; it must fit the event. Seats already given stay when the grid still holds them. */
export async function setSlotGrid(actor: Actor, meetingId: string, input: SlotGridInput, options: Options = {}) {
  const now = options.now ?? new Date()
  const meeting = await findMeeting(meetingId)
  assertAllowed(mayArrangeOneToOnes(actor, meeting), 'brokerage.refusals.notOrganiser')
  assertBeforeEvent(meeting, now)
  const grid: SlotGrid = { slotMinutes: input.slotMinutes, tables: input.tables, firstSlotAt: input.firstSlotAt, lastSlotEndsAt: input.lastSlotEndsAt }
  const check = validateSlotGrid(grid, meeting)
  if (!check.ok) {
    const key = `brokerage.gridRefusals.${check.reason}`
    throw invalid(key, { [gridRefusalField[check.reason]]: [key] })
  }
  await inPlanTransaction(meetingId, async (session) => {
    await Meeting.updateOne({ _id: meeting._id }, { $set: { slotGrid: grid } }, { session })
    await replan({ ...meeting, slotGrid: grid }, session, now)
  })
  return { slotCount: check.slotCount }
}

// ——— Requests ————————————————————————————————————————————————————————————————————————

export async function requestOneToOne(actor: Actor, meetingId: string, input: { recipientId: string; message: string }, options: Options = {}) {
  const now = options.now ?? new Date()
  const meeting = await findMeeting(meetingId)
  assertBeforeEvent(meeting, now)
  const [selfRegistered, recipientRegistered] = await Promise.all([isRegistered(meetingId, actor.id), isRegistered(meetingId, input.recipientId)])
  if (!recipientRegistered) throw notFound('brokerage.refusals.notAParticipant')
  assertAllowed(mayRequestOneToOne(actor, { registered: selfRegistered, recipientId: input.recipientId }), 'brokerage.refusals.registerFirst')
  try {
    const created = await OneToOne.create({
      meetingId: meeting._id,
      requesterId: actor.id,
      recipientId: input.recipientId,
      pairKey: pairKeyOf(actor.id, input.recipientId),
      message: input.message,
      requestedAt: now,
    })
    await notifyOneToOne(options.notifier, 'one_to_one_requested', { recipientId: input.recipientId, actorName: actor.name, meeting, oneToOneId: String(created._id) })
    return { id: String(created._id) }
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('brokerage.refusals.alreadyAsked')
    throw error
  }
}

function sideOf(record: Pick<OneToOneRecord, 'requesterId' | 'recipientId'>, userId: string): OneToOneSide {
  if (String(record.requesterId) === userId) return 'requester'
  if (String(record.recipientId) === userId) return 'recipient'
  return 'none'
}

const otherSide = (record: Pick<OneToOneRecord, 'requesterId' | 'recipientId'>, userId: string) =>
  String(record.requesterId) === userId ? String(record.recipientId) : String(record.requesterId)

async function findRequest(requestId: string) {
  if (!isObjectId(requestId)) throw notFound()
  const record = await OneToOne.findById(requestId).lean()
  if (!record) throw notFound()
  return record
}

/** The recipient accepts (and the request is seated at once) or declines. */
export async function answerOneToOne(actor: Actor, requestId: string, answer: 'accept' | 'decline', options: Options = {}) {
  const now = options.now ?? new Date()
  const record = await findRequest(requestId)
  const side = sideOf(record, actor.id)
  if (side === 'none') throw notFound()
  const meeting = await findMeeting(String(record.meetingId))
  assertBeforeEvent(meeting, now)
  if (!allowsOneToOneAction(answer, record.status, side)) throw conflict('brokerage.refusals.alreadyAnswered')
  if (answer === 'decline') {
    const { modifiedCount } = await OneToOne.updateOne({ _id: record._id, status: 'pending' }, { $set: { status: 'declined', live: false, respondedAt: now } })
    if (!modifiedCount) throw conflict('brokerage.refusals.alreadyAnswered')
    await notifyOneToOne(options.notifier, 'one_to_one_declined', { recipientId: String(record.requesterId), actorName: actor.name, meeting, oneToOneId: String(record._id) })
    return { status: 'declined' as const }
  }
  await inPlanTransaction(String(meeting._id), async (session) => {
    // Both must still be registered when the seat is given (a cancellation may have just happened).
    const [a, b] = await Promise.all([isRegistered(String(meeting._id), String(record.requesterId), session), isRegistered(String(meeting._id), actor.id, session)])
    if (!a || !b) throw conflict('brokerage.refusals.participantGone')
    const { modifiedCount } = await OneToOne.updateOne({ _id: record._id, status: 'pending' }, { $set: { status: 'accepted', respondedAt: now } }, { session })
    if (!modifiedCount) throw conflict('brokerage.refusals.alreadyAnswered')
    await replan(meeting, session, now)
  })
  await notifyOneToOne(options.notifier, 'one_to_one_accepted', { recipientId: String(record.requesterId), actorName: actor.name, meeting, oneToOneId: String(record._id) })
  return { status: 'accepted' as const }
}

/** Either side cancels a pending or accepted one-to-one; its seat is free for the next one. */
export async function cancelOneToOne(actor: Actor, requestId: string, options: Options = {}) {
  const now = options.now ?? new Date()
  const record = await findRequest(requestId)
  const side = sideOf(record, actor.id)
  if (side === 'none') throw notFound()
  const meeting = await findMeeting(String(record.meetingId))
  assertBeforeEvent(meeting, now)
  if (!allowsOneToOneAction('cancel', record.status, side)) throw conflict('brokerage.refusals.alreadyOver')
  await inPlanTransaction(String(meeting._id), async (session) => {
    const { modifiedCount } = await OneToOne.updateOne(
      { _id: record._id, live: true },
      { $set: { status: 'cancelled', live: false, cancelledAt: now, cancelledBy: actor.id, cancelledReason: side, slotStartsAt: null, table: null, unscheduledReason: null }, $inc: { icsSequence: 1 } },
      { session },
    )
    if (!modifiedCount) throw conflict('brokerage.refusals.alreadyOver')
    await replan(meeting, session, now)
  })
  await notifyOneToOne(options.notifier, 'one_to_one_cancelled', { recipientId: otherSide(record, actor.id), actorName: actor.name, meeting, oneToOneId: String(record._id) })
}

/**
 * A participant left the meeting (unregistered, suspended by moderation, or the meeting was
 * cancelled): their live one-to-ones end and the other side is told. Called by the registration
 * and moderation services, after their own write.
 */
export async function cancelOneToOnesOf(userId: string, reason: OneToOneCancelReason, scope: { meetingId?: string } = {}, options: Options = {}) {
  const now = options.now ?? new Date()
  if (!isObjectId(userId)) return 0
  const filter: Record<string, unknown> = { live: true, $or: [{ requesterId: userId }, { recipientId: userId }] }
  if (scope.meetingId) filter.meetingId = scope.meetingId
  const live = await OneToOne.find(filter).lean()
  const byMeeting = new Map<string, typeof live>()
  for (const record of live) byMeeting.set(String(record.meetingId), [...(byMeeting.get(String(record.meetingId)) ?? []), record])
  const name = (await User.findById(userId, { name: 1 }).lean())?.name ?? ''
  for (const [meetingId, records] of byMeeting) {
    const meeting = await Meeting.findById(meetingId, { title: 1, startsAt: 1, endsAt: 1, status: 1, scope: 1, place: 1, onlineUrl: 1, slotGrid: 1 }).lean()
    if (!meeting) continue
    await inPlanTransaction(meetingId, async (session) => {
      await OneToOne.updateMany(
        { _id: { $in: records.map((record) => record._id) }, live: true },
        { $set: { status: 'cancelled', live: false, cancelledAt: now, cancelledReason: reason, slotStartsAt: null, table: null, unscheduledReason: null }, $inc: { icsSequence: 1 } },
        { session },
      )
      await replan(meeting as MeetingFacts, session, now)
    })
    for (const record of records) {
      await notifyOneToOne(options.notifier, 'one_to_one_cancelled', { recipientId: otherSide(record, userId), actorName: name, meeting: meeting as MeetingFacts, oneToOneId: String(record._id) })
    }
  }
  return live.length
}

// ——— Reading ——————————————————————————————————————————————————————————————————————————

export type AgendaSeat = {
  id: string
  startsAt: Date
  endsAt: Date
  table: number
  /** The event's SEQUENCE in calendar files (the download and the one-to-one e-mails). */
  icsSequence: number
  other: { id: string; name: string }
}

export type AgendaRequest = { id: string; other: { id: string; name: string }; message: string; status: 'pending' | 'accepted'; actions: ('accept' | 'decline' | 'cancel')[]; unscheduledReason: UnscheduledReason | null }

export type Agenda = {
  meeting: MeetingFacts
  grid: (SlotGrid & { slotCount: number }) | null
  seats: AgendaSeat[]
  incoming: AgendaRequest[]
  outgoing: AgendaRequest[]
  /** Accepted, not seated (no grid yet, or no common free slot). */
  waiting: AgendaRequest[]
  open: boolean
}

/** A participant's agenda: their seated one-to-ones in time order, and their open requests. */
export async function agendaOf(actor: Actor, meetingId: string, clock: Clock = {}): Promise<Agenda> {
  const now = clock.now ?? new Date()
  const meeting = await findMeeting(meetingId)
  const registered = await isRegistered(meetingId, actor.id)
  const live = await OneToOne.find({ meetingId: meeting._id, live: true, $or: [{ requesterId: actor.id }, { recipientId: actor.id }] }).lean()
  if (!registered && !live.length) throw notFound('brokerage.refusals.notAParticipant')
  const others = await User.find({ _id: { $in: live.map((record) => otherSide(record, actor.id)) } }, { name: 1 }).lean()
  const names = new Map(others.map((user) => [String(user._id), user.name]))
  const grid = gridOf(meeting)
  const open = meeting.status === 'published' && meeting.startsAt.getTime() > now.getTime()
  const view = (record: (typeof live)[number]): AgendaRequest => {
    const otherId = otherSide(record, actor.id)
    const side = sideOf(record, actor.id)
    return {
      id: String(record._id),
      other: { id: otherId, name: names.get(otherId) ?? '' },
      message: record.message ?? '',
      status: record.status as 'pending' | 'accepted',
      actions: open ? (['accept', 'decline', 'cancel'] as const).filter((action) => allowsOneToOneAction(action, record.status, side)) : [],
      unscheduledReason: (record.unscheduledReason as UnscheduledReason | null) ?? null,
    }
  }
  const seats = live
    .filter((record) => record.status === 'accepted' && record.slotStartsAt && record.table && grid)
    .map((record) => ({
      id: String(record._id),
      startsAt: record.slotStartsAt!,
      endsAt: new Date(record.slotStartsAt!.getTime() + grid!.slotMinutes * MINUTE),
      table: record.table!,
      icsSequence: record.icsSequence ?? 0,
      other: view(record).other,
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  return {
    meeting,
    grid,
    seats,
    incoming: live.filter((record) => record.status === 'pending' && sideOf(record, actor.id) === 'recipient').map(view),
    outgoing: live.filter((record) => record.status === 'pending' && sideOf(record, actor.id) === 'requester').map(view),
    waiting: live.filter((record) => record.status === 'accepted' && !(record.slotStartsAt && record.table && grid)).map(view),
    open,
  }
}

/** The slots' seats taken, for the animator's view of the grid (how full it is). */
export async function gridUsage(actor: Actor, meetingId: string) {
  const meeting = await findMeeting(meetingId)
  assertAllowed(mayArrangeOneToOnes(actor, meeting), 'brokerage.refusals.notOrganiser')
  const [seated, waiting] = await Promise.all([
    OneToOne.countDocuments({ meetingId: meeting._id, status: 'accepted', table: { $type: 'number' } }),
    OneToOne.countDocuments({ meetingId: meeting._id, status: 'accepted', table: null }),
  ])
  return { grid: gridOf(meeting), seated, waiting }
}


/** Seats the accepted one-to-ones of a meeting now (system: demo data, a grid set by a script). */
export async function planOneToOnes(meetingId: string, clock: Clock = {}) {
  const meeting = await findMeeting(meetingId)
  await inPlanTransaction(meetingId, (session) => replan(meeting, session, clock.now ?? new Date()))
}

/** The meeting was cancelled: every live one-to-one ends with it (registrants are told of the cancellation itself). */
export async function cancelOneToOnesOfMeeting(meetingId: string, clock: Clock = {}) {
  const now = clock.now ?? new Date()
  if (!isObjectId(meetingId)) return 0
  const { modifiedCount } = await OneToOne.updateMany(
    { meetingId, live: true },
    { $set: { status: 'cancelled', live: false, cancelledAt: now, cancelledReason: 'meeting_cancelled', slotStartsAt: null, table: null, unscheduledReason: null }, $inc: { icsSequence: 1 } },
  )
  return modifiedCount
}
