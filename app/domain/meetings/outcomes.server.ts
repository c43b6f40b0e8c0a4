import mongoose from 'mongoose'
import type { Actor } from '../actor'
import { conflict, invalid, notFound } from '../errors'
import { isObjectId } from '../ids'
import { notHidden } from '../moderation/hidden.server'
import { Need } from '../needs/model.server'
import { hasPermission, mayManageMeeting } from '../permissions'
import { Project } from '../projects/model.server'
import { Proposal } from '../proposals/model.server'
import { allowsAction } from './lifecycle'
import { Meeting, MeetingRegistration } from './model.server'
import type { OutcomesInput } from './schema'

/**
 * After the event, its animators link what came out of it: needs posted, proposals sent, projects
 * started — chosen among the records of the organisations that took part (registered people's),
 * so an outcome is always someone's who was there.
 */
const CANDIDATES = 100

async function loadPast(actor: Actor, meetingId: string, now: Date) {
  if (!isObjectId(meetingId)) throw notFound('meetings.refusals.notFound')
  const meeting = await Meeting.findById(meetingId).lean()
  if (!meeting || !mayManageMeeting(actor, { scope: meeting.scope })) throw notFound('meetings.refusals.notFound')
  if (!allowsAction('record_outcomes', meeting, now)) throw conflict('meetings.refusals.outcomesNotYet')
  return meeting
}

/** Needs, proposals and projects of the participants' organisations, to choose from. */
async function candidatesOf(meetingId: mongoose.Types.ObjectId | string) {
  const orgIds = await MeetingRegistration.distinct('organisationId', { meetingId, status: 'registered' })
  // Only needs that went online and are not hidden: the animator of a meeting is not
  // necessarily one who may read a company's submitted or moderated needs.
  const published = { publishedAt: { $ne: null }, ...(await notHidden('need')) }
  const [needs, proposals, projects] = await Promise.all([
    Need.find({ companyOrgId: { $in: orgIds }, status: { $ne: 'draft' }, ...published }, { title: 1 }).sort({ createdAt: -1 }).limit(CANDIDATES).lean(),
    Proposal.find({ orgId: { $in: orgIds } }, { needId: 1 }).sort({ createdAt: -1 }).limit(CANDIDATES).lean(),
    Project.find({ $or: [{ companyOrgId: { $in: orgIds } }, { partnerOrgId: { $in: orgIds } }] }, { needId: 1 }).sort({ createdAt: -1 }).limit(CANDIDATES).lean(),
  ])
  const needIds = [...proposals.map((proposal) => proposal.needId), ...projects.map((project) => project.needId)]
  const titles = new Map((await Need.find({ _id: { $in: needIds }, ...published }, { title: 1 }).lean()).map((need) => [String(need._id), need.title]))
  return {
    needs: needs.map((need) => ({ id: String(need._id), label: need.title })),
    proposals: proposals.map((proposal) => ({ id: String(proposal._id), label: titles.get(String(proposal.needId)) ?? '' })),
    projects: projects.map((project) => ({ id: String(project._id), label: titles.get(String(project.needId)) ?? '' })),
  }
}

/** The outcomes form's data: the meeting, what may be chosen, what was recorded. */
export async function getOutcomesForm(actor: Actor, meetingId: string, now = new Date()) {
  const meeting = await loadPast(actor, meetingId, now)
  return {
    meeting: { id: String(meeting._id), title: meeting.title },
    candidates: await candidatesOf(meeting._id),
    current: {
      needIds: (meeting.outcomes?.needIds ?? []).map(String),
      proposalIds: (meeting.outcomes?.proposalIds ?? []).map(String),
      projectIds: (meeting.outcomes?.projectIds ?? []).map(String),
      notes: meeting.outcomes?.notes ?? '',
    },
  }
}

/** Records the outcomes (replacing earlier ones); anything not of a participant is refused. */
export async function recordOutcomes(actor: Actor, meetingId: string, input: OutcomesInput, now = new Date()) {
  const meeting = await loadPast(actor, meetingId, now)
  const candidates = await candidatesOf(meeting._id)
  const checks = [
    ['needIds', input.needIds, candidates.needs],
    ['proposalIds', input.proposalIds, candidates.proposals],
    ['projectIds', input.projectIds, candidates.projects],
  ] as const
  for (const [field, chosen, allowed] of checks) {
    const known = new Set(allowed.map((item) => item.id))
    if (chosen.some((id) => !known.has(id))) throw invalid('meetings.refusals.outcomeUnknown', { [field]: ['meetings.refusals.outcomeUnknown'] })
  }
  await Meeting.updateOne(
    { _id: meeting._id },
    { $set: { outcomes: { needIds: input.needIds, proposalIds: input.proposalIds, projectIds: input.projectIds, notes: input.notes, recordedBy: actor.id, recordedAt: now } } },
  )
}

/** /animation/rencontres: the past meetings of the actor's spaces (admins: all), with their outcomes counted. */
export async function outcomesBoard(actor: Actor, now = new Date()) {
  const everywhere = hasPermission(actor, 'manage:meeting:any')
  if (!everywhere && !actor.animates.length) return []
  const scope = everywhere ? {} : { $or: actor.animates.map((space) => ({ 'scope.kind': space.kind, 'scope.ref': space.ref })) }
  const meetings = await Meeting.find({ ...scope, status: 'published', endsAt: { $lte: now } }, { title: 1, startsAt: 1, registeredCount: 1, outcomes: 1 })
    .sort({ startsAt: -1 })
    .limit(100)
    .lean()
  return meetings.map((meeting) => ({
    id: String(meeting._id),
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    participants: meeting.registeredCount,
    recorded: Boolean(meeting.outcomes),
    needs: meeting.outcomes?.needIds.length ?? 0,
    proposals: meeting.outcomes?.proposalIds.length ?? 0,
    projects: meeting.outcomes?.projectIds.length ?? 0,
  }))
}
