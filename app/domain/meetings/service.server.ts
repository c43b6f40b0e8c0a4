import mongoose from 'mongoose'
import { inTransaction } from '../transaction.server'
import type { Actor, Space } from '../actor'
import { conflict, forbidden, invalid, notFound } from '../errors'
import { isObjectId } from '../ids'
import type { Notifier } from '../notifications/notifier.server'
import { animatedKinds } from '../orgs/kinds'
import { Organisation } from '../orgs/model.server'
import { communeLabel, type CommuneLocation } from '../places/commune'
import { resolveCommune, resolveCommuneText } from '../places/communes.server'
import { demoTerritories } from '../places/territories'
import { assertAllowed, hasPermission, mayCreateMeeting, mayManageMeeting } from '../permissions'
import { withValues } from '~/i18n/translate-message'
import { allowsAction } from './lifecycle'
import { Meeting } from './model.server'
import { cancelOneToOnesOfMeeting } from './one-to-ones.server'
import { tellRegistrants } from './notify.server'
import { activeRegistrantIds, ensureMeetingIndexes, fillFreeSeats } from './registrations.server'
import type { MeetingInput } from './schema'

/**
 * Creating, editing and cancelling meetings (animators of the meeting's space, admins). A change
 * of date or place, and a cancellation, bump the calendar SEQUENCE and are told to every
 * registrant (notification + e-mail); their .ics then carries the change (./calendar.server.ts).
 */
export type MeetingDeps = { now?: Date; notifier?: Notifier }

/** The spaces the actor may publish a meeting in, with their names (admins: every territory). */
export async function publishableSpaces(actor: Actor): Promise<Array<{ space: Space; name: string }>> {
  if (!mayCreateMeeting(actor)) return []
  const spaces: Space[] = hasPermission(actor, 'manage:meeting:any')
    ? demoTerritories.map((territory) => ({ kind: 'territory' as const, ref: territory.id }))
    : actor.animates
  return spaceNames(spaces)
}

async function spaceNames(spaces: readonly Space[]) {
  const orgIds = spaces.filter((space) => space.kind === 'organisation' && isObjectId(space.ref)).map((space) => space.ref)
  const orgs = orgIds.length ? await Organisation.find({ _id: { $in: orgIds } }, { name: 1 }).lean() : []
  const orgName = new Map(orgs.map((org) => [String(org._id), org.name]))
  return spaces.map((space) => ({
    space: { kind: space.kind, ref: space.ref },
    name: space.kind === 'territory' ? (demoTerritories.find((territory) => territory.id === space.ref)?.name ?? space.ref) : (orgName.get(space.ref) ?? space.ref),
  }))
}

/** The name of one space (territory or cluster/pôle), for pages. */
export async function spaceName(space: Space): Promise<string> {
  return (await spaceNames([space]))[0]!.name
}

/** Pôles and clusters that may be named organisers, by name. */
export async function organiserChoices(): Promise<Array<{ id: string; name: string }>> {
  const orgs = await Organisation.find({ kind: { $in: animatedKinds } }, { name: 1 }).sort({ name: 1 }).limit(200).lean()
  return orgs.map((org) => ({ id: String(org._id), name: org.name }))
}

export type MeetingPlaceResolution = { place: CommuneLocation | null } | { error: 'meetings.errors.communeUnknown'; suggestions: string[] }

/** The commune field into official codes (picked code, or text naming exactly one commune). */
export function resolveMeetingPlace(choice: { mode: 'place' | 'online'; commune?: string; communeSearch?: string }): MeetingPlaceResolution {
  if (choice.mode === 'online') return { place: null }
  if (choice.commune) {
    const place = resolveCommune(choice.commune, choice.communeSearch)
    return place ? { place } : { error: 'meetings.errors.communeUnknown', suggestions: [] }
  }
  const resolution = resolveCommuneText(choice.communeSearch?.trim() ?? '')
  if (resolution.status === 'found') return { place: resolution.location }
  return { error: 'meetings.errors.communeUnknown', suggestions: resolution.suggestions.map((commune) => communeLabel(commune)) }
}

async function assertOrganisers(ids: readonly string[]) {
  if (!ids.length) return
  const count = await Organisation.countDocuments({ _id: { $in: ids }, kind: { $in: animatedKinds } })
  if (count !== ids.length) throw invalid('meetings.errors.organiserUnknown', { organisers: ['meetings.errors.organiserUnknown'] })
}

const storedFields = (input: MeetingInput) => ({
  title: input.title,
  description: input.description,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  registrationDeadline: input.registrationDeadline ?? null,
  place: input.place,
  onlineUrl: input.place ? null : input.onlineUrl,
  organisers: input.organisers.map((id) => new mongoose.Types.ObjectId(id)),
  scope: input.scope,
  domains: input.domains,
  filieres: input.filieres,
  capacity: input.capacity,
})

/** Publishes a new meeting in a space the actor animates. */
export async function createMeeting(actor: Actor, input: MeetingInput): Promise<{ id: string }> {
  assertAllowed(mayManageMeeting(actor, { scope: input.scope }), 'meetings.refusals.notAnimator')
  await assertOrganisers(input.organisers)
  await ensureMeetingIndexes()
  const meeting = await Meeting.create({ ...storedFields(input), status: 'published', createdBy: actor.id })
  return { id: String(meeting._id) }
}

async function loadManaged(actor: Actor, meetingId: string) {
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  const meeting = await Meeting.findById(meetingId).lean()
  if (!meeting) throw notFound('meetings.refusals.notFound')
  assertAllowed(mayManageMeeting(actor, { scope: meeting.scope }), 'meetings.refusals.notAnimator')
  return meeting
}

const samePlace = (a: CommuneLocation | null | undefined, b: CommuneLocation | null | undefined) => (a?.communeCode ?? null) === (b?.communeCode ?? null)

/**
 * Edits a meeting not cancelled nor over. The capacity may not go below the seats taken; a larger
 * one moves the waiting list up. A new date, time, place or link is told to every registrant.
 */
export async function updateMeeting(actor: Actor, meetingId: string, input: MeetingInput, deps: MeetingDeps = {}): Promise<{ id: string; told: number }> {
  const now = deps.now ?? new Date()
  const meeting = await loadManaged(actor, meetingId)
  if (!allowsAction('edit', meeting, now)) throw conflict('meetings.refusals.notEditable')
  assertAllowed(mayManageMeeting(actor, { scope: input.scope }), 'meetings.refusals.notAnimator')
  await assertOrganisers(input.organisers)
  const moved =
    meeting.startsAt.getTime() !== input.startsAt.getTime() ||
    meeting.endsAt.getTime() !== input.endsAt.getTime() ||
    !samePlace(meeting.place, input.place) ||
    (meeting.onlineUrl ?? null) !== (input.place ? null : input.onlineUrl)
  let promoted: string[] = []
  await inTransaction(async (session) => {
    // Conditional on the seats taken: a registration racing this edit conflicts with it.
    const updated = await Meeting.findOneAndUpdate(
      { _id: meetingId, status: { $in: ['draft', 'published'] }, registeredCount: { $lte: input.capacity } },
      { $set: storedFields(input), ...(moved ? { $inc: { icsSequence: 1 } } : {}) },
      { session, projection: { registeredCount: 1, status: 1 } },
    ).lean()
    if (!updated) {
      const current = await Meeting.findById(meetingId, { registeredCount: 1, status: 1 }).session(session).lean()
      if (current && current.status !== 'cancelled') {
        throw invalid(withValues('meetings.errors.capacityBelowRegistered', { count: current.registeredCount }), {
          capacity: [withValues('meetings.errors.capacityBelowRegistered', { count: current.registeredCount })],
        })
      }
      throw conflict('meetings.refusals.notEditable')
    }
    promoted = await fillFreeSeats(meetingId, session, now)
  })
  const ref = { id: meetingId, title: input.title }
  await tellRegistrants(deps.notifier, ref, 'promoted', promoted)
  if (!moved) return { id: meetingId, told: 0 }
  const registrants = (await activeRegistrantIds(meetingId)).filter((id) => !promoted.includes(id))
  await tellRegistrants(deps.notifier, ref, 'changed', registrants)
  return { id: meetingId, told: registrants.length }
}

/** Cancels a meeting: no more registrations, every registrant told (their .ics becomes a CANCEL). */
export async function cancelMeeting(actor: Actor, meetingId: string, deps: MeetingDeps = {}): Promise<{ told: number }> {
  const now = deps.now ?? new Date()
  const meeting = await loadManaged(actor, meetingId)
  if (!allowsAction('cancel', meeting, now)) throw conflict('meetings.refusals.notEditable')
  const result = await Meeting.updateOne({ _id: meetingId, status: { $in: ['draft', 'published'] } }, { $set: { status: 'cancelled', cancelledAt: now }, $inc: { icsSequence: 1 } })
  if (result.modifiedCount === 0) throw conflict('meetings.refusals.notEditable')
  const registrants = await activeRegistrantIds(meetingId)
  await tellRegistrants(deps.notifier, { id: meetingId, title: meeting.title }, 'cancelled', registrants)
  // Its one-to-ones end with it (business meetings).
  await cancelOneToOnesOfMeeting(meetingId, { now })
  return { told: registrants.length }
}

/** The meeting for its edit form (animators of its space). */
export async function getMeetingForEdit(actor: Actor, meetingId: string, now = new Date()) {
  const meeting = await loadManaged(actor, meetingId)
  if (!allowsAction('edit', meeting, now)) throw conflict('meetings.refusals.notEditable')
  return meeting
}

export const assertMayCreateMeeting = (actor: Actor) => {
  if (!mayCreateMeeting(actor)) throw forbidden('meetings.refusals.notAnimator')
}
