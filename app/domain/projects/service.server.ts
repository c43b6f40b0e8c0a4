import { notFound } from '../errors'
import type { MarketplaceActor } from '../needs/membership.server'
import { Need } from '../needs/model.server'
import { Organisation } from '../orgs/model.server'
import { Proposal } from '../proposals/model.server'
import { User } from '../users/model.server'
import { Project, type ProjectStatus } from './model.server'

const isObjectId = (value: string) => /^[a-f0-9]{24}$/i.test(value)

/**
 * A project as its members see it. Anyone else gets the same 404 as for a project that does
 * not exist: a collaboration's existence is private.
 */
export async function getProjectForMember(actor: MarketplaceActor, projectId: string) {
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
