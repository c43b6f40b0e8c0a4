import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { Need } from '~/domain/needs/model.server'
import { closeNeed, createNeed, getNeedForViewer, setNeedReviewRequired } from '~/domain/needs/service.server'
import { Project } from '~/domain/projects/model.server'
import { getProjectForMember } from '~/domain/projects/service.server'
import { Proposal } from '~/domain/proposals/model.server'
import {
  acceptProposal,
  createProposal,
  declineProposal,
  myProposals,
  organisationsThatMayPropose,
  proposalsForNeed,
  shortlistProposal,
  updateProposal,
  withdrawProposal,
} from '~/domain/proposals/service.server'
import { companyWithMember, connectMarketplaceDb, join, labWithMember, makeUser, needInput, proposalInput } from './factories'
import { refusal } from './refusal'

beforeAll(connectMarketplaceDb)
afterAll(() => mongoose.disconnect())

/** A published need of a fresh company. */
async function publishedNeed(overrides: Parameters<typeof needInput>[0] = {}) {
  const company = await companyWithMember()
  const { id } = await createNeed(company.member, company.orgId, needInput(overrides), { submit: true })
  return { ...company, needId: id }
}

const propose = (lab: { member: Awaited<ReturnType<typeof makeUser>>; orgId: string }, needId: string, submissionId = randomUUID()) =>
  createProposal(lab.member, needId, lab.orgId, submissionId, proposalInput())

describe('proposing', () => {
  it('lets a lab member answer a published need, which then goes in discussion (recorded as the system)', async () => {
    const { needId } = await publishedNeed()
    const lab = await labWithMember()
    const { id, created } = await propose(lab, needId)
    expect(created).toBe(true)
    expect(await Proposal.findById(id).lean()).toMatchObject({ status: 'submitted', durationMonths: 6 })
    const need = await Need.findById(needId).lean()
    expect(need).toMatchObject({ status: 'in_discussion', proposalsReceived: 1 })
    expect(need!.history.at(-1)).toMatchObject({ by: null, from: 'published', to: 'in_discussion' })
  })

  it('creates one record for a double click or a retry (same submission id), even in parallel', async () => {
    const { needId } = await publishedNeed()
    const lab = await labWithMember()
    const submissionId = randomUUID()
    const first = await propose(lab, needId, submissionId)
    const retry = await propose(lab, needId, submissionId)
    expect(retry).toEqual({ id: first.id, created: false })

    const other = await labWithMember('technology_centre')
    const parallelId = randomUUID()
    const results = await Promise.all([propose(other, needId, parallelId), propose(other, needId, parallelId), propose(other, needId, parallelId)])
    expect(new Set(results.map((result) => result.id)).size).toBe(1)
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect(await Proposal.countDocuments({ needId })).toBe(2)
  })

  it('allows one active proposal per organisation and need; a withdrawn one makes room for another', async () => {
    const { needId } = await publishedNeed()
    const lab = await labWithMember()
    const colleague = await makeUser('researcher')
    await join(colleague, lab.orgId)
    const first = await propose(lab, needId)
    expect(await refusal(createProposal(colleague, needId, lab.orgId, randomUUID(), proposalInput()))).toMatchObject({
      code: 'conflict',
      message: 'proposals.refusals.alreadyActive',
    })
    expect(await organisationsThatMayPropose(colleague, needId)).toEqual([])
    await withdrawProposal(colleague, first.id)
    const second = await createProposal(colleague, needId, lab.orgId, randomUUID(), proposalInput())
    expect(second.created).toBe(true)
    expect(await Proposal.countDocuments({ needId, orgId: lab.orgId })).toBe(2)
  })

  it('refuses clearly on a closed need, and acts as if a draft did not exist', async () => {
    const { needId, member } = await publishedNeed()
    await closeNeed(member, needId, 'abandoned')
    const lab = await labWithMember()
    expect(await refusal(propose(lab, needId))).toMatchObject({ code: 'conflict', message: 'proposals.refusals.needClosed' })

    const company = await companyWithMember()
    const draft = await createNeed(company.member, company.orgId, needInput())
    expect((await refusal(propose(lab, draft.id))).code).toBe('not_found')
    expect(await Proposal.countDocuments({ needId: { $in: [needId, draft.id] } })).toBe(0)
  })

  it('refuses a need waiting for review, even to someone who may see it', async () => {
    const admin = await makeUser('admin')
    await setNeedReviewRequired(admin, { kind: 'territory', ref: 'mayenne' }, true)
    const company = await companyWithMember()
    const { id } = await createNeed(company.member, company.orgId, needInput({ territory: 'mayenne' }), { submit: true })
    const clusterAnimator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'mayenne' }] })
    const cluster = await labWithMember('cluster')
    await join(clusterAnimator, cluster.orgId)
    expect(await refusal(createProposal(clusterAnimator, id, cluster.orgId, randomUUID(), proposalInput()))).toMatchObject({
      code: 'conflict',
      message: 'proposals.refusals.needNotOnline',
    })
  })

  it('refuses companies and people answering for an organisation they do not belong to', async () => {
    const { needId } = await publishedNeed()
    const otherCompany = await companyWithMember()
    expect(await refusal(createProposal(otherCompany.member, needId, otherCompany.orgId, randomUUID(), proposalInput()))).toMatchObject({
      code: 'forbidden',
      message: 'proposals.refusals.notAProposer',
    })
    const lab = await labWithMember()
    const stranger = await makeUser('researcher')
    expect(await refusal(createProposal(stranger, needId, lab.orgId, randomUUID(), proposalInput()))).toMatchObject({
      code: 'forbidden',
      message: 'proposals.refusals.notAMember',
    })
  })
})

describe('the company decides', () => {
  it('shortlists, after which the proposer can no longer edit; only the company may decide', async () => {
    const { needId, member } = await publishedNeed()
    const lab = await labWithMember()
    const { id } = await propose(lab, needId)
    await updateProposal(lab.member, id, proposalInput({ durationMonths: 9 }))
    expect((await Proposal.findById(id).lean())!.durationMonths).toBe(9)

    expect((await refusal(shortlistProposal(lab.member, id))).code).toBe('forbidden')
    const outsider = await makeUser('industrialist')
    expect((await refusal(shortlistProposal(outsider, id))).code).toBe('not_found')

    await shortlistProposal(member, id)
    expect(await refusal(updateProposal(lab.member, id, proposalInput()))).toMatchObject({ code: 'conflict', message: 'proposals.refusals.notEditable' })
  })

  it('declines with a reason the proposer sees; “other” needs words', async () => {
    const { needId, member } = await publishedNeed()
    const lab = await labWithMember()
    const { id } = await propose(lab, needId)
    expect(await refusal(declineProposal(member, id, 'other', '  '))).toMatchObject({ code: 'invalid', fieldErrors: { text: ['proposals.errors.declineTextRequired'] } })
    await declineProposal(member, id, 'too_costly', 'Au-delà de notre budget cette année.')
    const { proposals } = await myProposals(lab.member)
    expect(proposals.find((proposal) => proposal.id === id)).toMatchObject({
      status: 'declined',
      declineReason: 'too_costly',
      declineText: 'Au-delà de notre budget cette année.',
      need: { status: 'in_discussion' },
    })
  })

  it('shows the company every proposal, and each proposer only their own', async () => {
    const { needId, member } = await publishedNeed()
    const labA = await labWithMember()
    const labB = await labWithMember()
    await propose(labA, needId)
    await propose(labB, needId)
    const seenByCompany = await proposalsForNeed(member, { id: needId, companyMember: true, open: true })
    expect(seenByCompany).toHaveLength(2)
    expect(seenByCompany[0]!.availableActions).toEqual(['shortlist', 'accept', 'decline'])
    expect((await proposalsForNeed(member, { id: needId, companyMember: true, open: false }))[0]!.availableActions).toEqual([])
    const seenByA = await proposalsForNeed(labA.member, { id: needId, companyMember: false, open: true })
    expect(seenByA.map((proposal) => proposal.org.id)).toEqual([labA.orgId])
    expect(seenByA[0]!.availableActions).toEqual(['edit', 'withdraw'])
    expect(await proposalsForNeed(null, { id: needId, companyMember: false, open: true })).toEqual([])
  })

  it('accepts: the need goes in project and a project gathers the members of both organisations', async () => {
    const { needId, member, orgId } = await publishedNeed()
    const colleague = await makeUser('industrialist')
    await join(colleague, orgId)
    const lab = await labWithMember()
    const other = await labWithMember('technology_centre')
    const { id } = await propose(lab, needId)
    const { id: otherId } = await propose(other, needId)
    await shortlistProposal(member, id)

    const { projectId } = await acceptProposal(member, id)
    const project = await Project.findById(projectId).lean()
    expect(project).toMatchObject({ status: 'active' })
    expect(project!.members.map(String).sort()).toEqual([member.id, colleague.id, lab.member.id].sort())
    expect(await Need.findById(needId).lean()).toMatchObject({ status: 'in_project' })
    expect(String((await Need.findById(needId).lean())!.projectId)).toBe(projectId)
    expect((await Proposal.findById(id).lean())!.status).toBe('accepted')
    expect((await Proposal.findById(otherId).lean())!.status).toBe('not_retained')

    // Both sides see the project; anyone else gets the same 404 as for no project at all.
    expect((await getProjectForMember(lab.member, projectId)).partner.id).toBe(lab.orgId)
    expect((await getProjectForMember(colleague, projectId)).need.id).toBe(needId)
    expect((await refusal(getProjectForMember(other.member, projectId))).code).toBe('not_found')
    // The partner now counts as a project member for the need page, and proposing is over.
    expect((await getNeedForViewer(lab.member, needId)).projectId).toBe(projectId)
    const late = await labWithMember()
    expect(await refusal(propose(late, needId))).toMatchObject({ code: 'conflict', message: 'proposals.refusals.needClosed' })
  })

  it('lets exactly one of two concurrent acceptances win, the other getting a clear conflict', async () => {
    // Several rounds: the race is decided at different points (first read, inside the transaction).
    for (let round = 0; round < 5; round++) {
      const { needId, member, orgId } = await publishedNeed()
      const colleague = await makeUser('industrialist')
      await join(colleague, orgId)
      const labA = await labWithMember()
      const labB = await labWithMember()
      const a = await propose(labA, needId)
      const b = await propose(labB, needId)

      const results = await Promise.allSettled([acceptProposal(member, a.id), acceptProposal(colleague, b.id)])
      const won = results.filter((result) => result.status === 'fulfilled')
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0]!.reason).toBeInstanceOf(DomainError)
      expect(lost[0]!.reason).toMatchObject({ code: 'conflict', message: 'proposals.refusals.anotherAccepted' })

      expect(await Project.countDocuments({ needId })).toBe(1)
      expect(await Proposal.countDocuments({ needId, status: 'accepted' })).toBe(1)
      expect(await Proposal.countDocuments({ needId, status: 'not_retained' })).toBe(1)
      const need = await Need.findById(needId).lean()
      expect(need!.status).toBe('in_project')
      expect(need!.history.filter((step) => step.to === 'in_project')).toHaveLength(1)
    }
  })

  it('tells a late acceptance, made after another one won, that the project has started', async () => {
    const { needId, member } = await publishedNeed()
    const labA = await labWithMember()
    const labB = await labWithMember()
    const a = await propose(labA, needId)
    const b = await propose(labB, needId)
    await acceptProposal(member, a.id)
    expect(await refusal(acceptProposal(member, b.id))).toMatchObject({ code: 'conflict', message: 'proposals.refusals.anotherAccepted' })
    expect(await refusal(acceptProposal(member, a.id))).toMatchObject({ code: 'conflict', message: 'proposals.refusals.alreadyDecided' })
  })
})
