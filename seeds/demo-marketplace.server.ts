import { createHash } from 'node:crypto'
import mongoose from 'mongoose'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import { renderMessageHtml } from '~/domain/messaging/markdown'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { prepareMessageStore } from '~/domain/messaging/store.server'
import { Need } from '~/domain/needs/model.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { Project } from '~/domain/projects/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import { User } from '~/domain/users/model.server'
import { demoConversations } from './demo/conversations'
import { demoNeeds, type DemoNeed } from './demo/needs'

/** A stable id derived from a seed key: the same key always gives the same document. */
export const seedId = (key: string) => new mongoose.Types.ObjectId(createHash('sha1').update(`passerelle-demo:${key}`).digest('hex').slice(0, 24))

const DAY = 24 * 60 * 60 * 1000

/** The statuses a need went through to reach `status` (for its history). */
function pathTo(status: NeedStatus): NeedStatus[] {
  const order: NeedStatus[] = ['draft', 'submitted', 'published', 'in_discussion', 'in_project', 'closed']
  return order.slice(0, order.indexOf(status) + 1)
}

async function ownersBySlug(): Promise<Map<string, { orgId: mongoose.Types.ObjectId; ownerId: mongoose.Types.ObjectId; org: Awaited<ReturnType<typeof loadOrgs>>[number] }>> {
  const orgs = await loadOrgs()
  const owners = await Membership.find({ orgId: { $in: orgs.map((org) => org._id) }, role: 'owner' }).lean()
  const map = new Map()
  for (const org of orgs) {
    const owner = owners.find((membership) => String(membership.orgId) === String(org._id))
    if (owner) map.set(org.slug, { orgId: org._id, ownerId: owner.userId, org })
  }
  return map
}

const loadOrgs = () => Organisation.find({}, { slug: 1, location: 1, territories: 1, memberOf: 1 }).lean()

/**
 * Needs in every status, their proposals and the projects of accepted ones. Insert-only by
 * stable ids, like the rest of the demo data.
 */
export async function seedDemoMarketplace(now = new Date()) {
  await Promise.all([Need.init(), Proposal.init(), Project.init()])
  const owners = await ownersBySlug()
  let needs = 0
  let proposals = 0
  let projects = 0
  for (const demo of demoNeeds()) {
    const company = owners.get(demo.company)
    if (!company) throw new Error(`seed: company ${demo.company} has no owner`)
    const created = new Date(now.getTime() - demo.ageInDays * DAY)
    const needId = seedId(`need:${demo.key}`)
    const accepted = demo.proposals.find((proposal) => proposal.status === 'accepted')
    const projectId = accepted && ['in_project', 'closed'].includes(demo.status) ? seedId(`project:${demo.key}`) : null
    const history = pathTo(demo.status)
      .slice(1)
      .map((to, index, steps) => ({ by: company.ownerId, at: new Date(created.getTime() + (index + 1) * 3_600_000), from: index === 0 ? 'draft' : steps[index - 1], to, reason: '' }))
    const territory = company.org.territories[0] ?? null
    const spaces = [
      ...(territory ? [{ kind: 'territory', ref: territory }] : []),
      ...company.org.memberOf.map((orgId) => ({ kind: 'organisation', ref: String(orgId) })),
    ]
    const result = await Need.updateOne(
      { _id: needId },
      {
        $setOnInsert: {
          companyOrgId: company.orgId,
          createdBy: company.ownerId,
          title: demo.title,
          summary: demo.summary,
          description: demo.description,
          category: demo.category,
          domains: demo.domains,
          filiere: demo.filiere,
          trlCurrent: demo.trl[0],
          trlTarget: demo.trl[1],
          stage: demo.stage,
          budgetRange: demo.budgetRange,
          deadline: new Date(new Date(now.getTime() + demo.deadlineInDays * DAY).toISOString().slice(0, 10)),
          territory,
          location: company.org.location,
          confidentiality: demo.confidentiality,
          status: demo.status,
          closedReason: demo.closedReason ?? null,
          spaces,
          publishedAt: pathTo(demo.status).includes('published') ? new Date(created.getTime() + 2 * 3_600_000) : null,
          projectId,
          proposalsReceived: demo.proposals.length,
          history,
          createdAt: created,
          updatedAt: created,
        },
      },
      { upsert: true, timestamps: false },
    )
    needs += result.upsertedCount
    proposals += await seedProposals(demo, needId, created, owners)
    if (projectId && accepted) {
      const partner = owners.get(accepted.org)!
      const inserted = await Project.updateOne(
        { _id: projectId },
        {
          $setOnInsert: {
            needId,
            proposalId: seedId(`proposal:${demo.key}:${accepted.org}`),
            companyOrgId: company.orgId,
            partnerOrgId: partner.orgId,
            members: [company.ownerId, partner.ownerId],
            status: demo.status === 'closed' ? 'completed' : 'active',
            createdBy: company.ownerId,
          },
        },
        { upsert: true },
      )
      projects += inserted.upsertedCount
    }
  }
  return { needs, proposals, projects }
}

async function seedProposals(demo: DemoNeed, needId: mongoose.Types.ObjectId, needCreated: Date, owners: Awaited<ReturnType<typeof ownersBySlug>>) {
  let inserted = 0
  for (const [index, proposal] of demo.proposals.entries()) {
    const proposer = owners.get(proposal.org)
    if (!proposer) throw new Error(`seed: organisation ${proposal.org} has no owner`)
    const at = new Date(needCreated.getTime() + (index + 1) * DAY)
    const result = await Proposal.updateOne(
      { _id: seedId(`proposal:${demo.key}:${proposal.org}`) },
      {
        $setOnInsert: {
          needId,
          orgId: proposer.orgId,
          authorId: proposer.ownerId,
          submissionId: `demo-${demo.key}-${proposal.org}`,
          approach: proposal.approach,
          team: proposal.team,
          durationMonths: proposal.durationMonths,
          costRange: proposal.costRange,
          trlStart: proposal.trl[0],
          trlEnd: proposal.trl[1],
          partners: proposal.partners ?? [],
          status: proposal.status,
          declineReason: proposal.decline?.reason ?? null,
          declineText: proposal.decline?.text ?? '',
          history: proposal.status === 'submitted' ? [] : [{ by: null, at: new Date(at.getTime() + DAY), from: 'submitted', to: proposal.status }],
          createdAt: at,
          updatedAt: at,
        },
      },
      { upsert: true, timestamps: false },
    )
    inserted += result.upsertedCount
  }
  return inserted
}

/** Conversations with some history: the flagship project room and a direct exchange. */
export async function seedDemoConversations(now = new Date()) {
  await Promise.all([Conversation.init(), prepareMessageStore()])
  let conversations = 0
  let messages = 0
  for (const demo of demoConversations) {
    const people = await User.find({ email: { $in: demo.people } }, { email: 1 }).lean()
    const ids = demo.people.map((email) => people.find((person) => person.email === email)?._id)
    if (ids.some((id) => !id)) throw new Error(`seed: conversation ${demo.key} names an unknown person`)
    const participants = ids as mongoose.Types.ObjectId[]
    const conversationId = seedId(`conversation:${demo.key}`)
    const lastMessageAt = new Date(now.getTime() - Math.min(...demo.messages.map((m) => m.minutesAgo)) * 60_000)
    const identity =
      demo.kind === 'project'
        ? { kind: 'project', projectId: seedId(`project:${demo.needKey}`) }
        : { kind: 'direct', pairKey: participants.map(String).sort().join(':') }
    const inserted = await Conversation.updateOne(
      { _id: conversationId },
      { $setOnInsert: { ...identity, participants, lastMessageAt } },
      { upsert: true },
    )
    conversations += inserted.upsertedCount
    for (const [index, message] of demo.messages.entries()) {
      const at = new Date(now.getTime() - message.minutesAgo * 60_000)
      const result = await Message.updateOne(
        { _id: seedId(`message:${demo.key}:${index}`) },
        {
          $setOnInsert: {
            conversationId,
            seq: index + 1,
            authorId: participants[message.author],
            clientId: `demo-${demo.key}-${index}`,
            body: message.body,
            html: renderMessageHtml(message.body),
            createdAt: at,
            updatedAt: at,
          },
        },
        { upsert: true, timestamps: false },
      )
      messages += result.upsertedCount
    }
  }
  return { conversations, messages }
}
