import mongoose from 'mongoose'
import { conflict, forbidden, invalid, notFound } from '../errors'
import type { Actor, Space } from '../actor'
import { mayFollowProject } from '../permissions'
import { Need } from '../needs/model.server'
import { addedToProject } from '../notifications/hooks.server'
import type { Notifier } from '../notifications/notifier.server'
import { isMemberOfAny, membershipsOf } from '../orgs/memberships.server'
import { Organisation } from '../orgs/model.server'
import { Proposal } from '../proposals/model.server'
import { User } from '../users/model.server'
import { Project, type ProjectRecord } from './model.server'
import { roomFiles, roomUnread, syncRoom, type SharedFileView } from './room.server'
import {
  byDueDate,
  canMoveTo,
  isOverdue,
  MAX_MILESTONES,
  milestoneFields,
  nextStatuses,
  parisToday,
  type MilestoneInput,
  type ProjectStatus,
} from './schema'
import { isObjectId } from '../ids'

/**
 * The project room: members, status, milestones, colleagues, the room's conversation and files.
 * Who may do what:
 * - project members read everything and change status, milestones and members;
 * - animators of the need's territory or clusters (who follow the room's conversation) read
 *   the page but change nothing (403);
 * - anyone else gets the same 404 as for a project that does not exist.
 * Refusal messages are i18n keys (`projects.refusals.…`).
 */
const { ObjectId } = mongoose.Types
const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null)
type Clock = { now?: Date }

/**
 * A project as its members see it. Anyone else gets the same 404 as for a project that does
 * not exist: a collaboration's existence is private.
 */
export async function getProjectForMember(actor: Actor, projectId: string) {
  if (!isObjectId(projectId)) throw notFound('needs.refusals.notFound')
  const project = await Project.findOne({ _id: projectId, members: actor.id }).lean()
  if (!project) throw notFound('needs.refusals.notFound')
  const [need, proposal, orgs, members] = await Promise.all([
    Need.findById(project.needId, { title: 1, summary: 1 }).lean(),
    Proposal.findById(project.proposalId, { approach: 1, durationMonths: 1, costRange: 1 }).lean(),
    Organisation.find({ _id: { $in: [project.companyOrgId, project.partnerOrgId] } }, { name: 1, kind: 1 }).lean(),
    User.find({ _id: { $in: project.members } }, { name: 1, title: 1 }).sort({ name: 1 }).lean(),
  ])
  const orgName = (id: unknown) => orgs.find((org) => String(org._id) === String(id))?.name ?? ''
  return {
    id: String(project._id),
    status: project.status as ProjectStatus,
    createdAt: (project as unknown as { createdAt: Date }).createdAt.toISOString(),
    need: { id: String(project.needId), title: need?.title ?? '', summary: need?.summary ?? '' },
    proposal: proposal ? { approach: proposal.approach, durationMonths: proposal.durationMonths, costRange: proposal.costRange } : null,
    company: { id: String(project.companyOrgId), name: orgName(project.companyOrgId) },
    partner: { id: String(project.partnerOrgId), name: orgName(project.partnerOrgId) },
    members: members.map((member) => ({ id: String(member._id), name: member.name, title: member.title ?? '' })),
  }
}

/**
 * The animators of the spaces (territory, clusters/pôles) the project's need belongs to: they
 * join the project room to follow the collaboration.
 */
export async function projectAnimatorIds(needId: string): Promise<string[]> {
  const need = await Need.findById(needId, { spaces: 1 }).lean()
  if (!need?.spaces.length) return []
  const animators = await User.find(
    { role: 'animator', animates: { $elemMatch: { $or: need.spaces.map((space) => ({ kind: space.kind, ref: space.ref })) } } },
    { _id: 1 },
  ).lean()
  return animators.map((animator) => String(animator._id))
}

// ——— Access ———————————————————————————————————————————————————————————————————

type ProjectDoc = ProjectRecord & { createdAt: Date }
export type ProjectRole = 'member' | 'animator'

/** The project and the actor's part in it; a 404 for anyone who may not see it. */
async function access(actor: Actor, projectId: string): Promise<{ project: ProjectDoc; role: ProjectRole }> {
  if (!isObjectId(projectId) || !isObjectId(actor.id)) throw notFound('projects.refusals.notFound')
  const project = (await Project.findById(projectId).lean()) as ProjectDoc | null
  if (!project) throw notFound('projects.refusals.notFound')
  if (project.members.some((member) => String(member) === actor.id)) return { project, role: 'member' }
  if (actor.animates.length) {
    const need = await Need.findById(project.needId, { spaces: 1 }).lean()
    if (need && mayFollowProject(actor, { spaces: need.spaces as Space[] })) return { project, role: 'animator' }
  }
  throw notFound('projects.refusals.notFound')
}

/** Members only (animators read, they do not act); `open`: refused while the project is completed. */
async function memberAccess(actor: Actor, projectId: string, options: { open?: boolean } = {}) {
  const { project, role } = await access(actor, projectId)
  if (role !== 'member') throw forbidden('projects.refusals.readOnly')
  if (options.open && project.status === 'completed') throw conflict('projects.refusals.completed')
  return project
}

/** Filter of a write: the actor is still a member and (for open-only writes) the project is not completed. */
const writable = (projectId: string, actor: Actor, open = true) => ({
  _id: new ObjectId(projectId),
  members: new ObjectId(actor.id),
  ...(open ? { status: { $ne: 'completed' } } : {}),
})

// ——— Reading the room ——————————————————————————————————————————————————————————————

export type MilestoneView = {
  id: string
  title: string
  /** YYYY-MM-DD or null. */
  dueDate: string | null
  done: boolean
  doneAt: string | null
  doneBy: string | null
  overdue: boolean
  createdAt: string
}

export type ProjectRoomView = Awaited<ReturnType<typeof getProjectRoom>>

/** Everything the project page shows, for a member or a following animator. */
export async function getProjectRoom(actor: Actor, projectId: string, clock: Clock = {}) {
  const { project, role } = await access(actor, projectId)
  const memberIds = project.members.map(String)
  const animatorIds = await projectAnimatorIds(String(project.needId))
  const roomId = await syncRoom(projectId, memberIds, animatorIds)
  const orgIds = [project.companyOrgId, project.partnerOrgId]
  const peopleIds = [
    ...memberIds,
    ...animatorIds,
    ...(project.statusHistory ?? []).map((change) => String(change.by)),
    ...(project.milestones ?? []).flatMap((milestone) => (milestone.doneBy ? [String(milestone.doneBy)] : [])),
    ...(project.memberAdditions ?? []).map((addition) => String(addition.by)),
  ]
  const [need, proposal, orgs, people, memberships, files, unread] = await Promise.all([
    Need.findById(project.needId, { title: 1, summary: 1 }).lean(),
    Proposal.findById(project.proposalId, { approach: 1, durationMonths: 1, costRange: 1, orgId: 1 }).lean(),
    Organisation.find({ _id: { $in: orgIds } }, { name: 1, slug: 1 }).lean(),
    User.find({ _id: { $in: [...new Set(peopleIds)] } }, { name: 1, title: 1 }).lean(),
    membershipsOf(orgIds),
    roomFiles(roomId),
    roomUnread(actor.id, roomId),
  ])
  const names = new Map(people.map((person) => [String(person._id), person]))
  const nameOf = (id: unknown) => names.get(String(id))?.name ?? ''
  const orgOf = (id: unknown) => orgs.find((org) => String(org._id) === String(id))
  const sideOf = (userId: string): 'company' | 'partner' | null => {
    const orgsOfUser = memberships.filter((membership) => String(membership.userId) === userId).map((membership) => String(membership.orgId))
    if (orgsOfUser.includes(String(project.companyOrgId))) return 'company'
    if (orgsOfUser.includes(String(project.partnerOrgId))) return 'partner'
    return null
  }
  const today = parisToday(clock.now)
  const milestones: MilestoneView[] = byDueDate(
    (project.milestones ?? []).map((milestone) => ({
      id: String(milestone._id),
      title: milestone.title,
      dueDate: day(milestone.dueDate),
      done: Boolean(milestone.doneAt),
      doneAt: milestone.doneAt ? milestone.doneAt.toISOString() : null,
      doneBy: milestone.doneBy ? nameOf(milestone.doneBy) : null,
      overdue: false,
      createdAt: milestone.createdAt.toISOString(),
    })),
  ).map((milestone) => ({ ...milestone, overdue: isOverdue(milestone, today) }))
  const addedBy = new Map((project.memberAdditions ?? []).map((addition) => [String(addition.userId), { by: nameOf(addition.by), at: addition.at.toISOString() }]))
  const members = memberIds
    .map((id) => ({ id, name: nameOf(id), title: names.get(id)?.title ?? '', side: sideOf(id), addedBy: addedBy.get(id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const status = project.status as ProjectStatus
  const canEdit = role === 'member'
  // Colleagues who could join: members of either organisation not in the project yet.
  const candidates = canEdit && status !== 'completed' ? await colleaguesOutside(project, memberships) : []
  const company = orgOf(project.companyOrgId)
  const partner = orgOf(project.partnerOrgId)
  return {
    id: String(project._id),
    status,
    createdAt: project.createdAt.toISOString(),
    viewer: { role, canEdit, nextStatuses: canEdit ? [...nextStatuses(status)] : [] },
    need: { id: String(project.needId), title: need?.title ?? '', summary: need?.summary ?? '' },
    proposal: proposal ? { approach: proposal.approach, durationMonths: proposal.durationMonths, costRange: proposal.costRange } : null,
    company: { id: String(project.companyOrgId), name: company?.name ?? '', slug: company?.slug ?? '' },
    partner: { id: String(project.partnerOrgId), name: partner?.name ?? '', slug: partner?.slug ?? '' },
    members,
    animators: animatorIds.map((id) => ({ id, name: nameOf(id) })).filter((animator) => !memberIds.includes(animator.id)),
    candidates,
    milestones,
    statusHistory: (project.statusHistory ?? [])
      .map((change) => ({ from: change.from as ProjectStatus, to: change.to as ProjectStatus, by: nameOf(change.by), at: change.at.toISOString() }))
      .reverse(),
    room: { id: roomId, unread },
    files: files satisfies SharedFileView[],
  }
}

async function colleaguesOutside(project: ProjectDoc, memberships: Array<{ orgId: unknown; userId: unknown }>) {
  const inProject = new Set(project.members.map(String))
  const outside = memberships.filter((membership) => !inProject.has(String(membership.userId)))
  const users = await User.find({ _id: { $in: [...new Set(outside.map((membership) => String(membership.userId)))] } }, { name: 1 })
    .sort({ name: 1 })
    .lean()
  return users.map((user) => {
    const orgIds = outside.filter((membership) => String(membership.userId) === String(user._id)).map((membership) => String(membership.orgId))
    return { id: String(user._id), name: user.name, side: orgIds.includes(String(project.companyOrgId)) ? ('company' as const) : ('partner' as const) }
  })
}

// ——— Milestones ————————————————————————————————————————————————————————————————

function checkedMilestone(input: MilestoneInput) {
  const parsed = milestoneFields().safeParse(input)
  if (!parsed.success) {
    const fieldErrors = parsed.error.flatten().fieldErrors as Record<string, string[]>
    throw invalid(parsed.error.issues[0]!.message, fieldErrors)
  }
  return { title: parsed.data.title, dueDate: parsed.data.dueDate ? new Date(`${parsed.data.dueDate}T00:00:00Z`) : null }
}

/** A write that matched nothing: the milestone is gone, or the project changed (completed, left) meanwhile. */
async function explainMiss(projectId: string, milestoneId?: string): Promise<never> {
  const project = await Project.findById(projectId, { status: 1, 'milestones._id': 1 }).lean()
  if (milestoneId && !project?.milestones?.some((milestone) => String(milestone._id) === milestoneId)) throw notFound('projects.refusals.milestoneNotFound')
  if (project?.status === 'completed') throw conflict('projects.refusals.completed')
  throw conflict('projects.refusals.changed')
}

export async function addMilestone(actor: Actor, projectId: string, input: MilestoneInput, clock: Clock = {}): Promise<{ id: string }> {
  const project = await memberAccess(actor, projectId, { open: true })
  const milestone = checkedMilestone(input)
  if ((project.milestones?.length ?? 0) >= MAX_MILESTONES) throw conflict('projects.refusals.tooManyMilestones')
  const id = new ObjectId()
  const result = await Project.updateOne(
    { ...writable(projectId, actor), [`milestones.${MAX_MILESTONES - 1}`]: { $exists: false } },
    { $push: { milestones: { _id: id, ...milestone, doneAt: null, doneBy: null, createdBy: new ObjectId(actor.id), createdAt: clock.now ?? new Date() } } },
  )
  if (!result.matchedCount) await explainMiss(projectId)
  return { id: String(id) }
}

export async function updateMilestone(actor: Actor, projectId: string, milestoneId: string, input: MilestoneInput): Promise<void> {
  await memberAccess(actor, projectId, { open: true })
  if (!isObjectId(milestoneId)) throw notFound('projects.refusals.milestoneNotFound')
  const milestone = checkedMilestone(input)
  const result = await Project.updateOne(
    { ...writable(projectId, actor), 'milestones._id': new ObjectId(milestoneId) },
    { $set: { 'milestones.$.title': milestone.title, 'milestones.$.dueDate': milestone.dueDate } },
  )
  if (!result.matchedCount) await explainMiss(projectId, milestoneId)
}

/** Done (by whom, when) or back to do. */
export async function setMilestoneDone(actor: Actor, projectId: string, milestoneId: string, done: boolean, clock: Clock = {}): Promise<void> {
  await memberAccess(actor, projectId, { open: true })
  if (!isObjectId(milestoneId)) throw notFound('projects.refusals.milestoneNotFound')
  const result = await Project.updateOne(
    { ...writable(projectId, actor), 'milestones._id': new ObjectId(milestoneId) },
    { $set: { 'milestones.$.doneAt': done ? (clock.now ?? new Date()) : null, 'milestones.$.doneBy': done ? new ObjectId(actor.id) : null } },
  )
  if (!result.matchedCount) await explainMiss(projectId, milestoneId)
}

export async function deleteMilestone(actor: Actor, projectId: string, milestoneId: string): Promise<void> {
  await memberAccess(actor, projectId, { open: true })
  if (!isObjectId(milestoneId)) throw notFound('projects.refusals.milestoneNotFound')
  const result = await Project.updateOne(
    { ...writable(projectId, actor), 'milestones._id': new ObjectId(milestoneId) },
    { $pull: { milestones: { _id: new ObjectId(milestoneId) } } },
  )
  if (!result.matchedCount) await explainMiss(projectId, milestoneId)
}

// ——— Status ————————————————————————————————————————————————————————————————————

/** active ↔ paused, either → completed, completed → active (see schema.ts); recorded who and when. */
export async function changeProjectStatus(actor: Actor, projectId: string, to: ProjectStatus, clock: Clock = {}): Promise<void> {
  const project = await memberAccess(actor, projectId)
  const from = project.status as ProjectStatus
  if (from === to) throw conflict('projects.refusals.sameStatus')
  if (!canMoveTo(from, to)) throw conflict('projects.refusals.transition')
  // Conditional on the status read: two members clicking at once make one change, not two.
  const result = await Project.updateOne(
    { ...writable(projectId, actor, false), status: from },
    { $set: { status: to }, $push: { statusHistory: { from, to, by: new ObjectId(actor.id), at: clock.now ?? new Date() } } },
  )
  if (!result.matchedCount) throw conflict('projects.refusals.changed')
}

// ——— Colleagues ————————————————————————————————————————————————————————————————

/**
 * A member brings in a colleague: someone who belongs to the company or the partner
 * organisation and is not in the project yet. They join the members and the room's
 * conversation, and are told who brought them in. Anyone outside both organisations answers
 * like an unknown person (404).
 */
export async function addProjectMember(
  actor: Actor,
  projectId: string,
  userId: string,
  options: Clock & { notifier?: Notifier } = {},
): Promise<{ roomId: string; name: string }> {
  const project = await memberAccess(actor, projectId, { open: true })
  if (!isObjectId(userId)) throw notFound('projects.refusals.colleagueNotFound')
  const colleague = await isMemberOfAny(userId, [project.companyOrgId, project.partnerOrgId])
  if (!colleague) throw notFound('projects.refusals.colleagueNotFound')
  if (project.members.some((member) => String(member) === userId)) throw conflict('projects.refusals.alreadyMember')
  const result = await Project.updateOne(
    { ...writable(projectId, actor), members: { $all: [new ObjectId(actor.id)], $nin: [new ObjectId(userId)] } },
    { $addToSet: { members: new ObjectId(userId) }, $push: { memberAdditions: { userId: new ObjectId(userId), by: new ObjectId(actor.id), at: options.now ?? new Date() } } },
  )
  if (!result.matchedCount) {
    const fresh = await Project.findById(projectId, { members: 1 }).lean()
    if (fresh?.members.some((member) => String(member) === userId)) throw conflict('projects.refusals.alreadyMember')
    await explainMiss(projectId)
  }
  const roomId = await syncRoom(projectId, [...project.members.map(String), userId], await projectAnimatorIds(String(project.needId)))
  const [users, need] = await Promise.all([User.find({ _id: { $in: [userId, actor.id] } }, { name: 1 }).lean(), Need.findById(project.needId, { title: 1 }).lean()])
  const nameOf = (id: string) => users.find((user) => String(user._id) === id)?.name ?? ''
  await addedToProject(options.notifier, { id: projectId, needTitle: need?.title ?? '' }, userId, { id: actor.id, name: nameOf(actor.id) })
  return { roomId, name: nameOf(userId) }
}

/** The room's conversation id for whoever may see the project (members, following animators). */
export async function projectRoomFor(actor: Actor, projectId: string): Promise<{ roomId: string }> {
  const { project } = await access(actor, projectId)
  return { roomId: await syncRoom(projectId, project.members.map(String), await projectAnimatorIds(String(project.needId))) }
}
