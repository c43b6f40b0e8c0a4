import mongoose from 'mongoose'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { ModerationState } from '~/domain/moderation/model.server'
import { approveSubmittedNeed, hideContent, rejectNeed, sendNeedBack } from '~/domain/moderation/service.server'
import { Need, NeedReviewPolicy } from '~/domain/needs/model.server'
import { closeNeed, createNeed, expireOverdueNeeds } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { createNotifier } from '~/domain/notifications/notifier.server'
import { listNotifications, markAllNotificationsRead, markNotificationRead, openNotification, unreadNotificationCount } from '~/domain/notifications/service.server'
import { acceptProposal, createProposal, declineProposal, shortlistProposal } from '~/domain/proposals/service.server'
import type { RealtimeEvent } from '~/realtime/publisher.server'
import { User } from '~/domain/users/model.server'
import { companyWithMember, connectMarketplaceDb, join, labWithMember, makeUser, needInput, proposalInput } from './factories'

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Notification.init(), ModerationState.init()])
})
afterAll(() => mongoose.disconnect())

/** A notifier whose live pushes are recorded instead of sent to sockets. */
function recordingNotifier() {
  const pushed: RealtimeEvent[] = []
  return { notifier: createNotifier({ publish: (event) => void pushed.push(event) }), pushed }
}

const notificationsOf = async (userId: string) => (await Notification.find({ recipientId: userId }).sort({ _id: 1 }).lean()).map((n) => ({ kind: n.kind, data: n.data, link: n.link }))

/** A published need of a fresh company with two members (the author and a colleague). */
async function publishedNeed(overrides: Parameters<typeof needInput>[0] = {}) {
  const company = await companyWithMember({ name: `Entreprise ${randomUUID().slice(0, 6)}` })
  const colleague = await makeUser('industrialist')
  await join(colleague, company.orgId)
  const { id } = await createNeed(company.member, company.orgId, needInput({ territory: undefined, ...overrides }), { submit: true })
  return { ...company, colleague, needId: id }
}

const propose = (lab: Awaited<ReturnType<typeof labWithMember>>, needId: string, notifier = recordingNotifier().notifier) =>
  createProposal(lab.member, needId, lab.orgId, randomUUID(), proposalInput(), { notifier })

describe('proposals', () => {
  it('tells every company member when a proposal arrives — stored, then pushed live — and not the proposer', async () => {
    const company = await publishedNeed({ title: 'Vision sur presse' })
    const lab = await labWithMember()
    await User.updateOne({ _id: lab.member.id }, { $set: { name: 'Inès' } })
    const { notifier, pushed } = recordingNotifier()
    await propose(lab, company.needId, notifier)

    for (const member of [company.member, company.colleague]) {
      const [stored] = await notificationsOf(member.id)
      expect(stored).toMatchObject({ kind: 'proposal_received', link: `/besoins/${company.needId}`, data: { needTitle: 'Vision sur presse', inDiscussion: true } })
      expect(stored!.data!.orgName).toMatch(/^lab /)
    }
    expect(await notificationsOf(lab.member.id)).toEqual([])
    const stored = await Notification.find({ recipientId: { $in: [company.member.id, company.colleague.id] } }).lean()
    expect(pushed).toHaveLength(2)
    expect(pushed.map((event) => event.type === 'notification:created' && event.notification.id).sort()).toEqual(stored.map((n) => String(n._id)).sort())
    expect(pushed.map((event) => event.type === 'notification:created' && event.userId).sort()).toEqual([company.member.id, company.colleague.id].sort())

    // The second proposal no longer says "in discussion".
    await propose(await labWithMember(), company.needId)
    expect((await notificationsOf(company.member.id))[1]!.data).not.toHaveProperty('inDiscussion')
  })

  it('tells the proposing organisation of a shortlist, a decline, an acceptance, and the others "not retained"', async () => {
    const company = await publishedNeed({ title: 'Capteurs connectés' })
    const winner = await labWithMember()
    const winnerColleague = await makeUser('researcher')
    await join(winnerColleague, winner.orgId)
    const declined = await labWithMember('technology_centre')
    const other = await labWithMember('cluster')
    const { id: winning } = await propose(winner, company.needId)
    const { id: declinedId } = await propose(declined, company.needId)
    await propose(other, company.needId)

    await shortlistProposal(company.member, winning, { notifier: recordingNotifier().notifier })
    await declineProposal(company.member, declinedId, 'too_costly', undefined, { notifier: recordingNotifier().notifier })
    const { notifier, pushed } = recordingNotifier()
    const { projectId } = await acceptProposal(company.member, winning, { notifier })

    for (const member of [winner.member, winnerColleague]) {
      expect((await notificationsOf(member.id)).map((n) => [n.kind, n.link])).toEqual([
        ['proposal_shortlisted', '/mes-propositions'],
        ['proposal_accepted', `/projets/${projectId}`],
      ])
    }
    expect((await notificationsOf(declined.member.id)).map((n) => n.kind)).toEqual(['proposal_declined'])
    expect(await notificationsOf(other.member.id)).toEqual([{ kind: 'proposal_not_retained', data: { needTitle: 'Capteurs connectés' }, link: '/mes-propositions' }])
    // The colleague of the company hears of the project; whoever accepted does not hear of their own act.
    expect((await notificationsOf(company.colleague.id)).filter((n) => n.kind === 'project_created')).toEqual([
      { kind: 'project_created', data: { needTitle: 'Capteurs connectés' }, link: `/projets/${projectId}` },
    ])
    expect((await notificationsOf(company.member.id)).map((n) => n.kind)).not.toContain('project_created')
    expect(pushed.map((event) => event.type === 'notification:created' && event.notification.kind).sort()).toEqual(
      ['project_created', 'proposal_accepted', 'proposal_accepted', 'proposal_not_retained'].sort(),
    )
  })

  it('never lets an anonymised company’s identity reach the proposers', async () => {
    const company = await publishedNeed({ title: 'Antireflet durable', confidentiality: 'anonymous' })
    const [companyDoc, author] = await Promise.all([mongoose.connection.collection('organisations').findOne({ _id: new mongoose.Types.ObjectId(company.orgId) }), User.findById(company.member.id).lean()])
    const lab = await labWithMember()
    const { id } = await propose(lab, company.needId)
    await shortlistProposal(company.member, id)
    await acceptProposal(company.member, id)

    const received = JSON.stringify(await Notification.find({ recipientId: lab.member.id }).lean())
    expect(JSON.parse(received)).toHaveLength(2)
    for (const secret of [companyDoc!.name as string, company.orgId, author!.name, company.member.id]) expect(received).not.toContain(secret)
  })

  it('keeps a hidden need’s title from the proposers (they may no longer see it)', async () => {
    const company = await publishedNeed({ title: 'Titre à masquer' })
    const lab = await labWithMember()
    const { id } = await propose(lab, company.needId)
    await ModerationState.create({ targetKind: 'need', targetId: company.needId, hiddenAt: new Date(), hiddenReason: 'test', hiddenBy: company.member.id })
    await declineProposal(company.member, id, 'too_costly', undefined)
    const [notice] = await notificationsOf(lab.member.id)
    expect(notice).toMatchObject({ kind: 'proposal_declined', data: { needTitle: '' } })
    expect(JSON.stringify(notice)).not.toContain('Titre à masquer')
  })

  it('does not fail the action when a notification cannot be pushed', async () => {
    const company = await publishedNeed()
    const errors: unknown[] = []
    const notifier = createNotifier({ publish: () => { throw new Error('socket down') }, onError: (error) => void errors.push(error) })
    const lab = await labWithMember()
    expect((await createProposal(lab.member, company.needId, lab.orgId, randomUUID(), proposalInput(), { notifier })).created).toBe(true)
    expect(errors).toHaveLength(1)
    expect(await Notification.countDocuments({ recipientId: { $in: [company.member.id, company.colleague.id] } })).toBe(2) // stored before the push failed
  })
})

describe('need lifecycle', () => {
  it('tells the company when an animator publishes, sends back (with the reason) or refuses its need', async () => {
    const territory = 'laval-loiron'
    await NeedReviewPolicy.create({ space: { kind: 'territory', ref: territory }, needReviewRequired: true })
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: territory }] })
    const company = await companyWithMember()
    const submit = async (title: string) => (await createNeed(company.member, company.orgId, needInput({ territory, title }), { submit: true })).id
    const [approved, returned, refused] = [await submit('À publier'), await submit('À reprendre'), await submit('À refuser')]
    const { notifier, pushed } = recordingNotifier()
    await approveSubmittedNeed(animator, approved, { notifier })
    await sendNeedBack(animator, returned, 'Précisez le budget.', { notifier })
    await rejectNeed(animator, refused, 'Hors du périmètre.', { notifier })

    expect(await notificationsOf(company.member.id)).toEqual([
      { kind: 'need_status', data: { needTitle: 'À publier', change: 'published' }, link: `/besoins/${approved}` },
      { kind: 'need_status', data: { needTitle: 'À reprendre', change: 'returned', reason: 'Précisez le budget.' }, link: `/besoins/${returned}` },
      { kind: 'need_status', data: { needTitle: 'À refuser', change: 'rejected', reason: 'Hors du périmètre.' }, link: `/besoins/${refused}` },
    ])
    expect(pushed).toHaveLength(3)
    expect(await notificationsOf(animator.id)).toEqual([])
  })

  it('tells the company of moderation hiding its need, of an expiry, and a colleague of a closing', async () => {
    const admin = await makeUser('admin')
    const company = await publishedNeed({ title: 'Masqué' })
    await hideContent(admin, 'need', company.needId, 'Contenu trompeur.')
    expect((await notificationsOf(company.member.id)).at(-1)).toEqual({ kind: 'need_hidden', data: { needTitle: 'Masqué', reason: 'Contenu trompeur.' }, link: `/besoins/${company.needId}` })

    const overdue = await publishedNeed({ title: 'En retard' })
    await Need.updateOne({ _id: overdue.needId }, { $set: { deadline: new Date('2020-01-01T00:00:00Z') } })
    expect(await expireOverdueNeeds()).toBeGreaterThanOrEqual(1)
    for (const member of [overdue.member, overdue.colleague]) {
      expect((await notificationsOf(member.id)).at(-1)).toEqual({ kind: 'need_status', data: { needTitle: 'En retard', change: 'expired' }, link: `/besoins/${overdue.needId}` })
    }
    // Run again: nothing new expires, nobody is told twice.
    await expireOverdueNeeds()
    expect((await notificationsOf(overdue.member.id)).filter((n) => n.data?.change === 'expired')).toHaveLength(1)

    const closing = await publishedNeed({ title: 'Abandonné' })
    await closeNeed(closing.member, closing.needId, 'abandoned')
    expect(await notificationsOf(closing.member.id)).toEqual([])
    expect(await notificationsOf(closing.colleague.id)).toEqual([{ kind: 'need_status', data: { needTitle: 'Abandonné', change: 'abandoned' }, link: `/besoins/${closing.needId}` }])
  })
})

describe('reading one’s notifications', () => {
  it('lists newest first by pages, counts and marks as read — only one’s own', async () => {
    const reader = await makeUser('researcher')
    const stranger = await makeUser('researcher')
    const notify = createNotifier()
    for (let i = 0; i < 25; i++) await notify([{ recipientId: reader.id, kind: 'need_status', data: { needTitle: `Besoin ${i}`, change: 'published' }, link: `/besoins/${i}` }])
    expect(await unreadNotificationCount(reader)).toBe(25)

    const first = await listNotifications(reader)
    expect(first.items).toHaveLength(20)
    expect(first.items[0]!.data.needTitle).toBe('Besoin 24')
    const second = await listNotifications(reader, { before: first.nextBefore })
    expect(second.items.map((item) => item.data.needTitle)).toEqual(['Besoin 4', 'Besoin 3', 'Besoin 2', 'Besoin 1', 'Besoin 0'])
    expect(second.nextBefore).toBeNull()

    const target = first.items[3]!
    const refused = await markNotificationRead(stranger, target.id).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('not_found')
    expect(await openNotification(reader, target.id)).toBe(target.link)
    expect(await unreadNotificationCount(reader)).toBe(24)
    // Opening again keeps the first reading time.
    const readAt = (await Notification.findById(target.id).lean())!.readAt
    await markNotificationRead(reader, target.id)
    expect((await Notification.findById(target.id).lean())!.readAt).toEqual(readAt)

    expect(await markAllNotificationsRead(reader)).toBe(24)
    expect(await unreadNotificationCount(reader)).toBe(0)
    expect(await markAllNotificationsRead(reader)).toBe(0)
    expect((await listNotifications(stranger)).items).toEqual([])
  })
})
