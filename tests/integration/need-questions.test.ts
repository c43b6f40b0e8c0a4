import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { askAboutNeed, questionOffer } from '~/domain/messaging/need-questions.server'
import { getConversation, listConversations, projectConversationFor, sendMessage } from '~/domain/messaging/service.server'
import { closeNeed, createNeed, getNeedForViewer } from '~/domain/needs/service.server'
import { acceptProposal, createProposal } from '~/domain/proposals/service.server'
import { randomUUID } from 'node:crypto'
import { companyWithMember, connectMarketplaceDb, join, labWithMember, makeUser, needInput, proposalInput } from './factories'
import { refusal } from './refusal'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Conversation.init(), Message.init()])
})
afterAll(() => mongoose.disconnect())

async function publishedNeed(overrides: Parameters<typeof needInput>[0] = {}) {
  const company = await companyWithMember()
  const { id } = await createNeed(company.member, company.orgId, needInput({ title: `Contrôle qualité ${randomUUID().slice(0, 6)}`, ...overrides }), { submit: true })
  return { ...company, needId: id }
}

describe('a question before proposing', () => {
  it('opens one conversation between the person asking and the company’s members, titled by the need, and reuses it', async () => {
    const { needId, member, orgId } = await publishedNeed()
    const lab = await labWithMember()
    const first = await askAboutNeed(lab.member, needId)
    const again = await askAboutNeed(lab.member, needId)
    expect(again.id).toBe(first.id)

    const conversation = await getConversation(lab.member, first.id)
    expect(conversation).toMatchObject({ kind: 'need_question', needId })
    expect(conversation.participants.map((person) => person.id).sort()).toEqual([lab.member.id, member.id].sort())
    expect(conversation.needTitle).toMatch(/^Contrôle qualité /)

    // The company reads and answers it in its own list, under the need's title.
    await sendMessage(lab.member, first.id, { clientId: randomUUID(), body: 'Quelle cadence visez-vous ?' }, { limiter })
    const listed = (await listConversations(member)).find((item) => item.id === first.id)
    expect(listed).toMatchObject({ kind: 'need_question', needTitle: conversation.needTitle, unread: 1 })

    // A colleague who joined the company since is added when the question is asked again.
    const colleague = await makeUser('industrialist')
    await join(colleague, orgId)
    await askAboutNeed(lab.member, needId)
    expect((await getConversation(colleague, first.id)).participants).toHaveLength(3)
  })

  it('gives each person asking their own conversation, even twice at the same time', async () => {
    const { needId } = await publishedNeed()
    const lab = await labWithMember()
    const other = await labWithMember('technology_centre')
    const [a, b] = await Promise.all([askAboutNeed(lab.member, needId), askAboutNeed(lab.member, needId)])
    expect(a.id).toBe(b.id)
    expect((await askAboutNeed(other.member, needId)).id).not.toBe(a.id)
    // The other lab does not read the first one's question.
    expect((await refusal(getConversation(other.member, a.id))).code).toBe('not_found')
  })

  it('refuses the company itself, people with no lab or centre, and closed needs; acts as if a draft did not exist', async () => {
    const { needId, member } = await publishedNeed()
    expect(await refusal(askAboutNeed(member, needId))).toMatchObject({ code: 'forbidden', message: 'messaging.errors.questionNotAllowed' })
    const otherCompany = await companyWithMember()
    expect(await refusal(askAboutNeed(otherCompany.member, needId))).toMatchObject({ code: 'forbidden', message: 'messaging.errors.questionNotAllowed' })

    const lab = await labWithMember()
    const closed = await publishedNeed()
    await closeNeed(closed.member, closed.needId, 'abandoned')
    expect((await refusal(askAboutNeed(lab.member, closed.needId))).code).toBe('forbidden')

    const draftCompany = await companyWithMember()
    const draft = await createNeed(draftCompany.member, draftCompany.orgId, needInput())
    expect((await refusal(askAboutNeed(lab.member, draft.id))).code).toBe('not_found')
    expect(await Conversation.countDocuments({ kind: 'need_question', needId: { $in: [needId, closed.needId, draft.id] } })).toBe(0)
  })

  it('never opens one on an anonymised need, whose conversation would name the company’s people', async () => {
    const { needId } = await publishedNeed({ confidentiality: 'anonymous' })
    const lab = await labWithMember()
    expect(await refusal(askAboutNeed(lab.member, needId))).toMatchObject({ code: 'forbidden', message: 'needs.question.anonymous' })
    expect(await Conversation.countDocuments({ kind: 'need_question', needId })).toBe(0)

    // The page says why instead of offering the button, and links to no company profile.
    const page = await getNeedForViewer(lab.member, needId)
    expect(page.companySlug).toBeNull()
    expect(page.need.company).toBeNull()
    expect(await questionOffer(lab.member, page.need, page.relation)).toBe('anonymous')
  })

  it('offers the button to a lab member, nothing to the company or to visitors, and links to the company’s profile', async () => {
    const { needId, member } = await publishedNeed()
    const lab = await labWithMember()
    const page = await getNeedForViewer(lab.member, needId)
    expect(page.companySlug).toMatch(/^company-/)
    expect(await questionOffer(lab.member, page.need, page.relation)).toBe('ask')
    const own = await getNeedForViewer(member, needId)
    expect(await questionOffer(member, own.need, own.relation)).toBeNull()
    expect(await questionOffer(null, page.need, page.relation)).toBeNull()
  })
})

describe('conversation titles', () => {
  it('titles a project room by its need, not by its members', async () => {
    const { needId, member } = await publishedNeed()
    const lab = await labWithMember()
    const { id: proposalId } = await createProposal(lab.member, needId, lab.orgId, randomUUID(), proposalInput())
    const { projectId } = await acceptProposal(member, proposalId)
    const room = await projectConversationFor(member, projectId)
    const conversation = await getConversation(lab.member, room.id)
    expect(conversation.kind).toBe('project')
    expect(conversation.needTitle).toMatch(/^Contrôle qualité /)
  })
})
