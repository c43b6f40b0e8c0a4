import type { Actor } from '../actor'
import { notFound } from '../errors'
import { isObjectId } from '../ids'
import { organisationsOf } from '../orgs/memberships.server'
import { Organisation } from '../orgs/model.server'
import { User } from '../users/model.server'
import { mayManageMeeting } from '../permissions'
import { calendarMeetingOf } from './calendar.server'
import { waitlistRank } from './capacity'
import { allowsAction, meetingDisplayStatus, registrationClosedReason, type MeetingDisplayStatus, type RegistrationStatus } from './lifecycle'
import { Meeting, MeetingRegistration } from './model.server'
import { spaceName } from './service.server'

/** What the pages read about meetings: the public list and one meeting with the viewer's standing. */
export type MeetingSummary = {
  id: string
  title: string
  startsAt: string
  endsAt: string
  status: MeetingDisplayStatus
  place: string | null
  online: boolean
  capacity: number
  registeredCount: number
}

const LIST_LIMIT = 100

function summaryOf(meeting: { _id: unknown; title: string; startsAt: Date; endsAt: Date; status: 'draft' | 'published' | 'cancelled'; place?: { communeName: string; delegatedName?: string | null } | null; onlineUrl?: string | null; capacity: number; registeredCount: number }, now: Date): MeetingSummary {
  return {
    id: String(meeting._id),
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    status: meetingDisplayStatus(meeting, now),
    place: meeting.place ? (meeting.place.delegatedName ?? meeting.place.communeName) : null,
    online: Boolean(meeting.onlineUrl),
    capacity: meeting.capacity,
    registeredCount: meeting.registeredCount,
  }
}

const summaryFields = { title: 1, startsAt: 1, endsAt: 1, status: 1, place: 1, onlineUrl: 1, capacity: 1, registeredCount: 1 } as const

/** /rencontres: upcoming (soonest first, cancelled ones marked), then past ones (latest first). */
export async function listMeetings(now = new Date()): Promise<{ upcoming: MeetingSummary[]; past: MeetingSummary[] }> {
  const [upcoming, past] = await Promise.all([
    Meeting.find({ status: { $in: ['published', 'cancelled'] }, endsAt: { $gt: now } }, summaryFields).sort({ startsAt: 1, _id: 1 }).limit(LIST_LIMIT).lean(),
    Meeting.find({ status: 'published', endsAt: { $lte: now } }, summaryFields).sort({ startsAt: -1, _id: -1 }).limit(LIST_LIMIT).lean(),
  ])
  return { upcoming: upcoming.map((meeting) => summaryOf(meeting, now)), past: past.map((meeting) => summaryOf(meeting, now)) }
}

/** The upcoming meetings published in one space (a territory's page lists its own), soonest first. */
export async function upcomingMeetingsIn(space: { kind: 'territory' | 'organisation'; ref: string }, now = new Date(), limit = 5): Promise<MeetingSummary[]> {
  const meetings = await Meeting.find({ 'scope.kind': space.kind, 'scope.ref': space.ref, status: 'published', endsAt: { $gt: now } }, summaryFields).sort({ startsAt: 1, _id: 1 }).limit(limit).lean()
  return meetings.map((meeting) => summaryOf(meeting, now))
}

/** /rencontres/:id — the meeting, its organisers, the viewer's registration and what they may do. */
export async function getMeetingPage(actor: Actor | null, meetingId: string, now = new Date()) {
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  const meeting = await Meeting.findById(meetingId).lean()
  if (!meeting) throw notFound('meetings.refusals.notFound')
  const canManage = mayManageMeeting(actor, { scope: meeting.scope })
  // A draft is its animators' only.
  if (meeting.status === 'draft' && !canManage) throw notFound('meetings.refusals.notFound')
  const [organisers, scopeName, mine, organisations] = await Promise.all([
    meeting.organisers.length ? Organisation.find({ _id: { $in: meeting.organisers } }, { name: 1, slug: 1 }).sort({ name: 1 }).lean() : [],
    spaceName(meeting.scope),
    actor ? MeetingRegistration.findOne({ meetingId, userId: actor.id }).lean() : null,
    actor ? organisationsOf(actor.id) : [],
  ])
  let myRank: number | null = null
  if (mine?.status === 'waitlisted') {
    const waiting = await MeetingRegistration.find({ meetingId, status: 'waitlisted' }, { position: 1, createdAt: 1, userId: 1 }).lean()
    myRank = waitlistRank(waiting.map((entry) => ({ position: entry.position ?? null, createdAt: entry.createdAt as Date, userId: String(entry.userId) })), actor!.id)
  }
  const closedReason = registrationClosedReason(meeting, now)
  const myStatus: RegistrationStatus | null = (mine?.status as RegistrationStatus | undefined) ?? null
  const active = myStatus === 'registered' || myStatus === 'waitlisted'
  const waitlisted = await MeetingRegistration.countDocuments({ meetingId, status: 'waitlisted' })
  return {
    meeting: {
      id: String(meeting._id),
      title: meeting.title,
      description: meeting.description ?? '',
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      registrationDeadline: meeting.registrationDeadline ? meeting.registrationDeadline.toISOString() : null,
      status: meetingDisplayStatus(meeting, now),
      place: meeting.place ?? null,
      online: Boolean(meeting.onlineUrl),
      // The call's link (often with its passcode) is for the registered and the organisers only.
      onlineUrl: myStatus === 'registered' || canManage ? (meeting.onlineUrl ?? null) : null,
      domains: meeting.domains,
      filieres: meeting.filieres,
      capacity: meeting.capacity,
      registeredCount: meeting.registeredCount,
      waitlisted,
      scopeName,
      organisers: organisers.map((org) => ({ id: String(org._id), name: org.name, slug: (org as { slug?: string }).slug ?? null })),
    },
    viewer: {
      signedIn: Boolean(actor),
      status: myStatus,
      rank: myRank,
      organisations: organisations.map((org) => ({ id: org.id, name: org.name })),
      canRegister: Boolean(actor) && !active && closedReason === null && organisations.length > 0,
      canUnregister: active && meetingDisplayStatus(meeting, now) !== 'past' && meeting.status !== 'cancelled',
      closedReason,
      canDownloadCalendar: active || canManage,
    },
    canManage,
    canEdit: canManage && allowsAction('edit', meeting, now),
    canCancel: canManage && allowsAction('cancel', meeting, now),
    canRecordOutcomes: canManage && allowsAction('record_outcomes', meeting, now),
    registrants: canManage ? await registrantsOf(meetingId) : [],
  }
}

/** Who registered, for the animators: name, organisation, status, rank on the waiting list. */
async function registrantsOf(meetingId: string) {
  const entries = await MeetingRegistration.find({ meetingId, status: { $in: ['registered', 'waitlisted'] } }).sort({ status: 1, position: 1, createdAt: 1 }).lean()
  const [users, orgs] = await Promise.all([
    User.find({ _id: { $in: entries.map((entry) => entry.userId) } }, { name: 1 }).lean(),
    Organisation.find({ _id: { $in: entries.map((entry) => entry.organisationId) } }, { name: 1 }).lean(),
  ])
  const userName = new Map(users.map((user) => [String(user._id), user.name]))
  const orgName = new Map(orgs.map((org) => [String(org._id), org.name]))
  return entries.map((entry) => ({
    userId: String(entry.userId),
    name: userName.get(String(entry.userId)) ?? '',
    organisation: orgName.get(String(entry.organisationId)) ?? '',
    status: entry.status as RegistrationStatus,
  }))
}

/** The meeting as calendar data (public like the meeting page; a draft is its animators' only). */
export async function getMeetingForCalendar(actor: Actor | null, meetingId: string) {
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  const meeting = await Meeting.findById(meetingId).lean()
  const canManage = Boolean(meeting) && mayManageMeeting(actor, { scope: meeting!.scope })
  if (!meeting || (meeting.status === 'draft' && !canManage)) throw notFound('meetings.refusals.notFound')
  const registration = actor ? await MeetingRegistration.findOne({ meetingId, userId: actor.id }, { status: 1, icsSequenceOffset: 1 }).lean() : null
  const registered = registration?.status === 'registered'
  // As on the page: the call's link only for the registered and the organisers; the SEQUENCE their e-mails carry.
  return calendarMeetingOf(meeting, { withOnlineUrl: registered || canManage, sequenceOffset: registration?.icsSequenceOffset ?? 0 })
}
