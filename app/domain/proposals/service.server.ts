import mongoose from 'mongoose'
import type { Actor } from '../actor'
import { DomainError, conflict, forbidden, invalid, notFound } from '../errors'
import { proposingKinds } from '../orgs/kinds'
import { Organisation } from '../orgs/model.server'
import { assertAllowed, assertPermission, mayProposeFor } from '../permissions'
import { acceptsProposals, openStatuses, type NeedStatus } from '../needs/lifecycle'
import { isMemberOf, memberIdsOf, organisationsOf } from '../orgs/memberships.server'
import { Need } from '../needs/model.server'
import { getNeedForViewer, transitionNeed, type Clock } from '../needs/service.server'
import { proposalReceived, proposalsDecided, projectStarted } from '../notifications/hooks.server'
import type { NotifyHook } from '../notifications/notifier.server'
import { Project } from '../projects/model.server'
import { allowsFrom, availableActions, proposalRules, undecidedStatuses, type ProposalAction, type ProposalParty } from './lifecycle'
import { Proposal, type ProposalRecord } from './model.server'
import { declineGaps, type ProposalInput } from './schema'
import { activeProposalStatuses, type DeclineReason, type ProposalStatus } from './vocabulary'
import { isObjectId } from '../ids'

/**
 * Proposals: labs, centres, clusters and pôles answer needs; the company shortlists, declines
 * or accepts. Refusals are DomainErrors whose messages are i18n keys (`proposals.…`).
 */
/** The clock, and who tells people what happened (stored, and pushed live when a publisher is given). */
type Deps = Clock & NotifyHook

const isDuplicateKey = (error: unknown): error is { code: number; keyPattern?: Record<string, number> } =>
  typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000

function needRefusal(status: NeedStatus) {
  return status === 'draft' || status === 'submitted'
    ? conflict('proposals.refusals.needNotOnline')
    : conflict('proposals.refusals.needClosed')
}

async function loadProposal(proposalId: string, session?: mongoose.ClientSession): Promise<ProposalRecord> {
  if (!isObjectId(proposalId)) throw notFound('proposals.refusals.notFound')
  const proposal = await Proposal.findById(proposalId).session(session ?? null).lean()
  if (!proposal) throw notFound('proposals.refusals.notFound')
  return proposal as ProposalRecord
}

/** The organisations a user may answer needs for (labs, centres, clusters, pôles). */
export const proposingOrganisationsOf = (actor: Actor) => organisationsOf(actor.id, proposingKinds)

/**
 * A member of a proposing organisation answers an online need. The same `submissionId` twice
 * (double click, retried request) returns the first proposal instead of creating another.
 * The first proposal moves a published need to "in discussion".
 */
export async function createProposal(
  actor: Actor,
  needId: string,
  orgId: string,
  submissionId: string,
  input: ProposalInput,
  clock: Deps = {},
): Promise<{ id: string; created: boolean }> {
  const now = clock.now ?? new Date()
  const existing = await Proposal.findOne({ submissionId }).lean()
  if (existing) return sameSubmission(existing, actor, needId)
  assertPermission(actor, 'create:proposal:own', 'proposals.refusals.notAProposer')
  if (!isObjectId(orgId)) throw invalid('proposals.refusals.notAProposer', { orgId: ['needs.errors.invalidChoice'] })
  const org = await Organisation.findById(orgId, { kind: 1 }).lean()
  if (!org || !proposingKinds.includes(org.kind)) throw forbidden('proposals.refusals.notAProposer')
  assertAllowed(mayProposeFor(actor, { kind: org.kind, member: await isMemberOf(actor.id, orgId) }), 'proposals.refusals.notAMember')
  // Throws 404 when the actor may not see the need at all (a draft, someone else's review).
  const { need } = await getNeedForViewer(actor, needId, clock)
  if (!acceptsProposals(need.status)) throw needRefusal(need.status)

  let id = ''
  // Set inside the transaction callback (the compiler cannot follow it there).
  let told = null as { title: string; companyOrgId: mongoose.Types.ObjectId; inDiscussion: boolean } | null
  try {
    await Proposal.db.transaction(async (session) => {
      // The conditional write is the lock: a concurrent close or acceptance conflicts with it.
      const open = await Need.findOneAndUpdate(
        { _id: needId, status: { $in: openStatuses } },
        { $inc: { proposalsReceived: 1 } },
        { session, projection: { status: 1, title: 1, companyOrgId: 1 } },
      ).lean()
      if (!open) {
        const current = await Need.findById(needId, { status: 1 }).session(session).lean()
        throw needRefusal(current?.status ?? 'closed')
      }
      const [proposal] = await Proposal.create(
        [{ ...input, needId, orgId, authorId: actor.id, submissionId, status: 'submitted', history: [{ by: actor.id, at: now, from: 'submitted', to: 'submitted' }] }],
        { session },
      )
      if (open.status === 'published') await transitionNeed('system', needId, 'open_discussion', { now, session })
      id = String(proposal!._id)
      told = { title: open.title, companyOrgId: open.companyOrgId, inDiscussion: open.status === 'published' }
    })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // The same submission may have won the race on either unique index: it is then the answer.
    const first = await Proposal.findOne({ submissionId }).lean()
    if (first) return sameSubmission(first, actor, needId)
    throw conflict('proposals.refusals.alreadyActive')
  }
  if (told) await proposalReceived(clock.notifier, { id: needId, title: told.title, companyOrgId: told.companyOrgId }, { orgId, actorId: actor.id, inDiscussion: told.inDiscussion })
  return { id, created: true }
}

function sameSubmission(existing: { _id: unknown; authorId: unknown; needId: unknown }, actor: Actor, needId: string) {
  if (String(existing.authorId) !== actor.id || String(existing.needId) !== needId) throw invalid('needs.errors.invalid')
  return { id: String(existing._id), created: false }
}

async function assertProposerMember(actor: Actor, proposal: ProposalRecord) {
  if (!(await isMemberOf(actor.id, proposal.orgId))) throw notFound('proposals.refusals.notFound')
}

/** The proposer edits the content until the company shortlists (or decides). */
export async function updateProposal(actor: Actor, proposalId: string, input: ProposalInput) {
  const proposal = await loadProposal(proposalId)
  await assertProposerMember(actor, proposal)
  if (!allowsFrom('edit', proposal.status)) throw conflict('proposals.refusals.notEditable')
  const need = await Need.findById(proposal.needId, { status: 1 }).lean()
  if (!need || !acceptsProposals(need.status)) throw needRefusal(need?.status ?? 'closed')
  const result = await Proposal.updateOne({ _id: proposal._id, status: { $in: proposalRules.edit.from } }, { $set: { ...input, trlStart: input.trlStart ?? null, trlEnd: input.trlEnd ?? null } })
  if (result.matchedCount === 0) throw conflict('proposals.refusals.notEditable')
  return { id: proposalId }
}

/** Moves a proposal with a write conditional on the status it was read in. */
async function moveProposal(
  actor: Actor,
  proposal: ProposalRecord,
  from: readonly ProposalStatus[],
  to: ProposalStatus,
  options: { set?: Record<string, unknown>; session?: mongoose.ClientSession; now: Date },
) {
  const result = await Proposal.updateOne(
    { _id: proposal._id, status: { $in: from } },
    { $set: { status: to, ...options.set }, $push: { history: { by: actor.id, at: options.now, from: proposal.status, to } } },
    { session: options.session },
  )
  if (result.modifiedCount === 0) throw conflict('proposals.refusals.changedMeanwhile')
}

export async function withdrawProposal(actor: Actor, proposalId: string, clock: Clock = {}) {
  const proposal = await loadProposal(proposalId)
  await assertProposerMember(actor, proposal)
  if (!allowsFrom('withdraw', proposal.status)) throw conflict('proposals.refusals.notWithdrawable')
  await moveProposal(actor, proposal, proposalRules.withdraw.from, 'withdrawn', { now: clock.now ?? new Date() })
  return { id: proposalId, status: 'withdrawn' as const }
}

/** The company decides; only its members may, and only on a need still open. */
async function loadForDecision(actor: Actor, proposalId: string) {
  const proposal = await loadProposal(proposalId)
  const need = await Need.findById(proposal.needId, { companyOrgId: 1, status: 1, title: 1 }).lean()
  if (!need) throw notFound('proposals.refusals.notFound')
  if (!(await isMemberOf(actor.id, need.companyOrgId))) {
    // The proposer sees their own proposal exist, but may not decide on it; others get nothing.
    if (await isMemberOf(actor.id, proposal.orgId)) throw forbidden('proposals.refusals.notTheCompany')
    throw notFound('proposals.refusals.notFound')
  }
  if (!allowsFrom('decline', proposal.status)) throw conflict('proposals.refusals.alreadyDecided')
  if (!acceptsProposals(need.status)) throw needRefusal(need.status)
  return { proposal, need }
}

/** The proposing organisation's members learn the decision (never who decided). */
const tellProposer = (clock: Deps, need: { _id: unknown; title: string }, proposal: ProposalRecord, kind: 'proposal_shortlisted' | 'proposal_declined', actor: Actor) =>
  proposalsDecided(clock.notifier, { id: String(need._id), title: need.title }, [{ orgId: proposal.orgId, kind, link: '/mes-propositions' }], actor.id)

export async function shortlistProposal(actor: Actor, proposalId: string, clock: Deps = {}) {
  const { proposal, need } = await loadForDecision(actor, proposalId)
  if (!allowsFrom('shortlist', proposal.status)) throw conflict('proposals.refusals.alreadyDecided')
  await moveProposal(actor, proposal, proposalRules.shortlist.from, 'shortlisted', { now: clock.now ?? new Date() })
  await tellProposer(clock, need, proposal, 'proposal_shortlisted', actor)
  return { id: proposalId, status: 'shortlisted' as const }
}

/** Declines with a reason the proposer will read ("other" needs a few words). */
export async function declineProposal(actor: Actor, proposalId: string, reason: DeclineReason, text: string | undefined, clock: Deps = {}) {
  const gaps = declineGaps(reason, text)
  if (Object.keys(gaps).length) throw invalid('proposals.errors.declineTextRequired', gaps)
  const { proposal, need } = await loadForDecision(actor, proposalId)
  await moveProposal(actor, proposal, proposalRules.decline.from, 'declined', { now: clock.now ?? new Date(), set: { declineReason: reason, declineText: text?.trim() ?? '' } })
  await tellProposer(clock, need, proposal, 'proposal_declined', actor)
  return { id: proposalId, status: 'declined' as const }
}

/**
 * Accepting a proposal moves the need to "in project" and creates the project with the members
 * of both organisations — all in one transaction. Two concurrent acceptances on the same need
 * both write the need: one commits, the other retries, finds the need in project and is refused.
 */
export async function acceptProposal(actor: Actor, proposalId: string, clock: Deps = {}): Promise<{ projectId: string }> {
  const now = clock.now ?? new Date()
  let projectId = ''
  let needId: unknown = null
  let tell = async () => {}
  try {
    const { proposal, need } = await loadForDecision(actor, proposalId)
    needId = proposal.needId
    await Proposal.db.transaction(async (session) => {
      const current = await loadProposal(proposalId, session)
      const id = new mongoose.Types.ObjectId()
      await moveProposal(actor, current, proposalRules.accept.from, 'accepted', { now, session })
      await transitionNeed(actor, String(proposal.needId), 'start_project', { now, session, set: { projectId: id } })
      const members = [...(await memberIdsOf(need.companyOrgId, session)), ...(await memberIdsOf(proposal.orgId, session))]
      const unique = [...new Map(members.map((member) => [String(member), member])).values()]
      await Project.create(
        [{ _id: id, needId: proposal.needId, proposalId: proposal._id, companyOrgId: need.companyOrgId, partnerOrgId: proposal.orgId, members: unique, status: 'active', createdBy: actor.id }],
        { session },
      )
      // The other answers are closed politely: the proposers see "not retained".
      const others = await Proposal.find({ needId: proposal.needId, _id: { $ne: proposal._id }, status: { $in: undecidedStatuses } }, { orgId: 1 }).session(session).lean()
      for (const from of undecidedStatuses) {
        await Proposal.updateMany(
          { needId: proposal.needId, _id: { $ne: proposal._id }, status: from },
          { $set: { status: 'not_retained' }, $push: { history: { by: actor.id, at: now, from, to: 'not_retained' } } },
          { session },
        )
      }
      projectId = String(id)
      tell = () =>
        projectStarted(
          clock.notifier,
          { id: String(proposal.needId), title: need.title, companyOrgId: need.companyOrgId },
          { id, partnerOrgId: proposal.orgId, notRetainedOrgIds: others.map((other) => other.orgId) },
          actor.id,
        )
    })
  } catch (error) {
    // Whichever step noticed it (the first read or the transaction), losing the race to another
    // acceptance is told as such.
    if (isDuplicateKey(error)) throw conflict('proposals.refusals.anotherAccepted')
    if (error instanceof DomainError && error.code === 'conflict') {
      const proposalNeedId = needId ?? (await Proposal.findById(proposalId, { needId: 1 }).lean())?.needId
      const fresh = proposalNeedId ? await Need.findById(proposalNeedId, { status: 1, projectId: 1 }).lean() : null
      const mine = fresh?.projectId ? await Project.exists({ _id: fresh.projectId, proposalId }) : null
      if (fresh?.status === 'in_project' && !mine) throw conflict('proposals.refusals.anotherAccepted')
    }
    throw error
  }
  // After the commit: nobody hears of a project that a retried transaction did not create.
  await tell()
  return { projectId }
}

// ——— Reading ——————————————————————————————————————————————————————————————————

export type ProposalView = {
  id: string
  needId: string
  org: { id: string; name: string; kind: string }
  approach: string
  team: string
  durationMonths: number
  costRange: string
  trlStart: number | null
  trlEnd: number | null
  partners: string[]
  status: ProposalStatus
  declineReason: DeclineReason | null
  declineText: string
  createdAt: string
  updatedAt: string
  /** The buttons this viewer sees on it (proposals/lifecycle.ts). */
  availableActions: ProposalAction[]
}

/** Proposals as a party sees them; `needOpen` says, per proposal, whether its need still takes answers. */
async function toViews(proposals: ProposalRecord[], party: ProposalParty, needOpen: (proposal: ProposalRecord) => boolean): Promise<ProposalView[]> {
  if (!proposals.length) return []
  const orgs = new Map(
    (await Organisation.find({ _id: { $in: proposals.map((proposal) => proposal.orgId) } }, { name: 1, kind: 1 }).lean()).map((org) => [String(org._id), org]),
  )
  return proposals.map((proposal) => {
    const org = orgs.get(String(proposal.orgId))
    return {
      id: String(proposal._id),
      needId: String(proposal.needId),
      org: { id: String(proposal.orgId), name: org?.name ?? '', kind: org?.kind ?? '' },
      approach: proposal.approach,
      team: proposal.team,
      durationMonths: proposal.durationMonths,
      costRange: proposal.costRange,
      trlStart: proposal.trlStart ?? null,
      trlEnd: proposal.trlEnd ?? null,
      partners: proposal.partners ?? [],
      status: proposal.status,
      declineReason: (proposal.declineReason ?? null) as DeclineReason | null,
      declineText: proposal.declineText ?? '',
      createdAt: proposal.createdAt.toISOString(),
      updatedAt: proposal.updatedAt.toISOString(),
      availableActions: availableActions(proposal, party, { open: needOpen(proposal) }),
    }
  })
}

/**
 * Proposals of a need as this viewer may see them: the company sees all of them, a proposing
 * organisation its own, anyone else none (the count on the need is public, the content is not).
 */
export async function proposalsForNeed(actor: Actor | null, need: { id: string; companyMember: boolean; open: boolean }) {
  if (!actor) return []
  const filter: Record<string, unknown> = { needId: need.id }
  if (!need.companyMember) {
    const mine = await organisationsOf(actor.id, proposingKinds)
    if (!mine.length) return []
    filter.orgId = { $in: mine.map((org) => org.id) }
  } else {
    // Withdrawn answers are the proposer's business; the company sees what is on the table.
    filter.status = { $ne: 'withdrawn' }
  }
  const proposals = (await Proposal.find(filter).sort({ createdAt: 1 }).lean()) as ProposalRecord[]
  return toViews(proposals, need.companyMember ? 'company' : 'proposer', () => need.open)
}

/** Organisations of the actor that may still answer this need (no active proposal yet). */
export async function organisationsThatMayPropose(actor: Actor, needId: string) {
  const orgs = await proposingOrganisationsOf(actor)
  if (!orgs.length) return []
  const busy = new Set(
    (await Proposal.find({ needId, orgId: { $in: orgs.map((org) => org.id) }, status: { $in: activeProposalStatuses } }, { orgId: 1 }).lean()).map((proposal) => String(proposal.orgId)),
  )
  return orgs.filter((org) => !busy.has(org.id))
}

/** A proposal for its edit page: members of the proposing organisation, while editable. */
export async function getProposalForEditing(actor: Actor, proposalId: string) {
  const proposal = await loadProposal(proposalId)
  await assertProposerMember(actor, proposal)
  if (!allowsFrom('edit', proposal.status)) throw conflict('proposals.refusals.notEditable')
  // Its need's state does not change what its edit page shows.
  const [view] = await toViews([proposal], 'proposer', () => true)
  return view!
}

/** Every proposal of the actor's organisations, with its need's title and status. */
export async function myProposals(actor: Actor) {
  const orgs = await proposingOrganisationsOf(actor)
  if (!orgs.length) return { organisations: orgs, proposals: [] }
  const proposals = (await Proposal.find({ orgId: { $in: orgs.map((org) => org.id) } }).sort({ updatedAt: -1 }).limit(200).lean()) as ProposalRecord[]
  const needs = new Map(
    (await Need.find({ _id: { $in: proposals.map((proposal) => proposal.needId) } }, { title: 1, status: 1, closedReason: 1, projectId: 1 }).lean()).map((need) => [String(need._id), need]),
  )
  const views = await toViews(proposals, 'proposer', (proposal) => acceptsProposals(needs.get(String(proposal.needId))?.status ?? 'closed'))
  return {
    organisations: orgs,
    proposals: views.map((view) => {
      const need = needs.get(view.needId)
      return {
        ...view,
        need: { title: need?.title ?? '', status: (need?.status ?? 'closed') as NeedStatus, closedReason: need?.closedReason ?? null },
        projectId: view.status === 'accepted' && need?.projectId ? String(need.projectId) : null,
      }
    }),
  }
}
