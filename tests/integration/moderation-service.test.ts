import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session } from '~/domain/auth/session.server'
import type { Space } from '~/domain/actor'
import type { OutgoingMail } from '~/domain/mail/mailer'
import { AuditEntry, ModerationState, Recommendation, Report } from '~/domain/moderation/model.server'
import { searchAudit } from '~/domain/moderation/audit.server'
import { hiddenIds, isHidden, setHidden } from '~/domain/moderation/hidden.server'
import { dashboard, followUpList } from '~/domain/moderation/insights.server'
import {
  approveSubmittedNeed,
  banUser,
  BAN_UNTIL,
  decideReport,
  hideContent,
  recommendationsForNeed,
  recommendOrganisation,
  rejectNeed,
  reviewSettings,
  setSpaceReview,
  reportContent,
  reportsQueue,
  reviewQueue,
  sendNeedBack,
  suspendUser,
  verificationQueue,
  verifyOrganisationInScope,
  warnUser,
} from '~/domain/moderation/service.server'
import { Need, NeedReviewPolicy } from '~/domain/needs/model.server'
import { createNeed } from '~/domain/needs/service.server'
import { Organisation } from '~/domain/orgs/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import { User } from '~/domain/users/model.server'
import { companyWithMember, connectMarketplaceDb, join, makeOrg, makeUser, needInput } from './factories'
import { getSessionUserFromCookie, sessionCookie } from '~/http/session.server'
import { createHash, randomBytes } from 'node:crypto'
import { hashPassword } from '~/domain/auth/password.server'
import { signIn } from '~/domain/auth/service.server'
import { refusal, refusalCode } from './refusal'
import { testServices } from './support'
import { createSearchClient } from '../../server/search/client'
import { needPage } from '~/domain/needs/page.server'

const sent: OutgoingMail[] = []
const mail = { mailer: { send: async (message: OutgoingMail) => void sent.push(message) }, publicUrl: 'http://passerelle.test' }

// Every test's needs live in Haut-Jura, which requires review; the insider animates it.
let insider: Awaited<ReturnType<typeof makeUser>>
let outsider: Awaited<ReturnType<typeof makeUser>>
let admin: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([AuditEntry.init(), Report.init(), ModerationState.init(), Recommendation.init(), Session.init()])
  await NeedReviewPolicy.create({ space: { kind: 'territory', ref: 'haut-jura' }, needReviewRequired: true })
  insider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
  outsider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'bressuire-cholet' }] })
  admin = await makeUser('admin')
})
afterAll(() => mongoose.disconnect())

async function submittedNeed(title = 'Contrôle qualité par vision') {
  const { orgId, member } = await companyWithMember({ territories: ['haut-jura'] })
  const { id, status } = await createNeed(member, orgId, needInput({ title }), { submit: true })
  expect(status).toBe('submitted')
  return { id, orgId, member }
}

const auditOf = (targetId: string, action: string) => AuditEntry.findOne({ targetId, action }).lean()

describe('review queue', () => {
  it('lists the scope’s submitted needs oldest first, and nothing for an outsider', async () => {
    const newer = await submittedNeed('Plus récent')
    const older = await submittedNeed('Plus ancien')
    // Submitted second, but made the older submission: the queue must follow the dates.
    await Need.collection.updateOne({ _id: new mongoose.Types.ObjectId(older.id) }, { $set: { 'history.0.at': new Date(Date.now() - 5 * 86_400_000) } })
    const queue = await reviewQueue(insider)
    const ids = queue.map((item) => item.id)
    expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id))
    expect(queue.find((item) => item.id === older.id)?.ageDays).toBe(5)
    for (let index = 1; index < queue.length; index++) expect(queue[index - 1]!.submittedAt <= queue[index]!.submittedAt).toBe(true)
    expect((await reviewQueue(outsider)).map((item) => item.id)).not.toContain(older.id)
    expect((await reviewQueue(admin)).map((item) => item.id)).toContain(older.id)
  })

  it('refuses the queue to people who do not moderate', async () => {
    const { member } = await submittedNeed()
    expect(await refusalCode(reviewQueue(member))).toBe('forbidden')
  })

  it('approve: inside scope publishes and audits; outside scope is forbidden', async () => {
    const { id } = await submittedNeed()
    expect(await refusalCode(approveSubmittedNeed(outsider, id))).toBe('forbidden')
    expect((await Need.findById(id).lean())!.status).toBe('submitted')
    await approveSubmittedNeed(insider, id)
    const need = (await Need.findById(id).lean())!
    expect(need.status).toBe('published')
    expect(need.history.at(-1)).toMatchObject({ from: 'submitted', to: 'published' })
    expect(await auditOf(id, 'need.approve')).toMatchObject({ actorId: new mongoose.Types.ObjectId(insider.id), after: 'published' })
  })

  it('send back with a comment: draft, comment in the history, audited; outside scope forbidden', async () => {
    const { id } = await submittedNeed()
    expect(await refusalCode(sendNeedBack(outsider, id, 'Précisez le budget'))).toBe('forbidden')
    await sendNeedBack(insider, id, 'Précisez le budget')
    const need = (await Need.findById(id).lean())!
    expect(need.status).toBe('draft')
    expect(need.history.at(-1)).toMatchObject({ to: 'draft', reason: 'Précisez le budget' })
    expect(await auditOf(id, 'need.send_back')).toMatchObject({ reason: 'Précisez le budget' })
  })

  it('reject with a reason: closed (abandoned) with the reason; outside scope forbidden; a reason is required', async () => {
    const { id } = await submittedNeed()
    expect(await refusalCode(rejectNeed(outsider, id, 'Hors sujet'))).toBe('forbidden')
    expect(await refusalCode(rejectNeed(insider, id, '  '))).toBe('invalid')
    await rejectNeed(admin, id, 'Hors sujet')
    const need = (await Need.findById(id).lean())!
    expect(need).toMatchObject({ status: 'closed', closedReason: 'abandoned' })
    expect(need.history.at(-1)).toMatchObject({ from: 'submitted', to: 'closed', reason: 'Hors sujet', by: new mongoose.Types.ObjectId(admin.id) })
    expect(await auditOf(id, 'need.reject')).toMatchObject({ reason: 'Hors sujet', after: 'closed' })
    expect(await refusalCode(rejectNeed(insider, id, 'Encore'))).toBe('conflict')
  })
})

describe('verification queue', () => {
  it('lists unverified organisations of the scope oldest first; verify inside scope, forbidden outside', async () => {
    const first = await makeOrg('lab', { territories: ['haut-jura'] })
    const second = await makeOrg('company', { territories: ['haut-jura'] })
    await Organisation.collection.updateOne({ _id: new mongoose.Types.ObjectId(second) }, { $set: { createdAt: new Date(Date.now() - 3 * 86_400_000) } })
    const foreign = await makeOrg('lab', { territories: ['bressuire-cholet'] })
    const queue = await verificationQueue(insider)
    const ids = queue.map((item) => item.id)
    expect(ids).toContain(first)
    expect(ids).toContain(second)
    expect(ids).not.toContain(foreign)
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first))
    expect(queue.find((item) => item.id === second)?.ageDays).toBe(3)
    for (let index = 1; index < queue.length; index++) expect(queue[index - 1]!.createdAt <= queue[index]!.createdAt).toBe(true)

    expect(await refusalCode(verifyOrganisationInScope(insider, foreign))).toBe('forbidden')
    expect(await refusalCode(verifyOrganisationInScope(outsider, first))).toBe('forbidden')
    await verifyOrganisationInScope(insider, first)
    expect((await Organisation.findById(first).lean())!.verifiedAt).toBeInstanceOf(Date)
    expect(await auditOf(first, 'org.verify')).toMatchObject({ after: 'verified' })
    expect((await verificationQueue(insider)).map((item) => item.id)).not.toContain(first)
  })

  it('covers companies that declared a cluster the animator animates', async () => {
    const cluster = await makeOrg('cluster')
    const clusterAnimator = await makeUser('animator', { animates: [{ kind: 'organisation', ref: cluster }] })
    const member = await makeOrg('company', { memberOf: [cluster] })
    expect((await verificationQueue(clusterAnimator)).map((item) => item.id)).toContain(member)
    await verifyOrganisationInScope(clusterAnimator, member)
    expect((await Organisation.findById(member).lean())!.verifiedBy?.toString()).toBe(clusterAnimator.id)
  })
})

describe('reports', () => {
  async function reportedNeed() {
    const { id, member } = await submittedNeed()
    await approveSubmittedNeed(insider, id)
    const reporter = await makeUser('researcher')
    const report = await reportContent(reporter, { targetKind: 'need', targetId: id, reason: 'Démarchage commercial' })
    return { needId: id, author: member, reportId: report.id, reporter }
  }

  it('queues open reports of the scope oldest first; a reporter cannot file the same open report twice', async () => {
    const one = await reportedNeed()
    const two = await reportedNeed()
    // The later report is made the older one: the queue must follow the dates, not insertion.
    await Report.collection.updateOne({ _id: new mongoose.Types.ObjectId(two.reportId) }, { $set: { createdAt: new Date(Date.now() - 2 * 86_400_000) } })
    const again = await reportContent(one.reporter, { targetKind: 'need', targetId: one.needId, reason: 'Encore' })
    expect(again).toEqual({ id: one.reportId, duplicate: true })
    const queue = await reportsQueue(insider)
    const ids = queue.map((item) => item.id)
    expect(ids.indexOf(two.reportId)).toBeLessThan(ids.indexOf(one.reportId))
    expect(queue.find((item) => item.id === two.reportId)).toMatchObject({ ageDays: 2, targetKind: 'need', reason: 'Démarchage commercial' })
    expect((await reportsQueue(outsider)).map((item) => item.id)).not.toContain(one.reportId)
  })

  it('a need or profile the reporter may not see is refused exactly like one that does not exist, and never reaches the queue', async () => {
    const reporter = await makeUser('researcher')
    const answerFor = (targetKind: 'need' | 'user', targetId: string) => refusal(reportContent(reporter, { targetKind, targetId, reason: 'Curieux' }))
    const missing = await answerFor('need', String(new mongoose.Types.ObjectId()))
    expect(missing.code).toBe('not_found')

    const { orgId, member } = await companyWithMember({ territories: ['haut-jura'] })
    const draft = await createNeed(member, orgId, needInput({ title: 'Projet confidentiel en brouillon' }))
    const submitted = await submittedNeed('Projet confidentiel soumis')
    const hiddenNeed = await submittedNeed('Projet masqué par modération')
    await approveSubmittedNeed(insider, hiddenNeed.id)
    await hideContent(insider, 'need', hiddenNeed.id, 'Publicité')
    const hiddenProfile = await makeUser('industrialist')
    await setHidden('user', hiddenProfile.id, { by: insider.id, reason: 'Faux profil', at: new Date() })

    for (const id of [draft.id, submitted.id, hiddenNeed.id]) expect(await answerFor('need', id)).toEqual(missing)
    expect(await answerFor('user', hiddenProfile.id)).toEqual(await answerFor('user', String(new mongoose.Types.ObjectId())))
    expect(await Report.countDocuments({ targetId: { $in: [draft.id, submitted.id, hiddenNeed.id, hiddenProfile.id] } })).toBe(0)
    const labels = (await reportsQueue(admin)).map((item) => item.targetLabel)
    expect(labels).not.toContain('Projet confidentiel en brouillon')
    expect(labels).not.toContain('Projet confidentiel soumis')

    // What the reporter may see stays reportable: the need once published, by its company's member even as a draft.
    await approveSubmittedNeed(insider, submitted.id)
    expect((await reportContent(reporter, { targetKind: 'need', targetId: submitted.id, reason: 'Doublon' })).duplicate).toBe(false)
    expect((await reportContent(member, { targetKind: 'need', targetId: draft.id, reason: 'Erreur de saisie' })).duplicate).toBe(false)
  })

  it('dismiss: inside scope OK and audited, outside forbidden, not twice', async () => {
    const { reportId, needId } = await reportedNeed()
    expect(await refusalCode(decideReport(outsider, reportId, { kind: 'dismiss', reason: '' }, mail))).toBe('forbidden')
    await decideReport(insider, reportId, { kind: 'dismiss', reason: 'Rien à redire' }, mail)
    expect((await Report.findById(reportId).lean())!.status).toBe('dismissed')
    expect(await auditOf(needId, 'report.dismiss')).toMatchObject({ reason: 'Rien à redire' })
    expect(await refusalCode(decideReport(insider, reportId, { kind: 'dismiss', reason: '' }, mail))).toBe('conflict')
  })

  it('hide: the need is hidden (isHidden, hiddenIds), audited; outside forbidden', async () => {
    const { reportId, needId } = await reportedNeed()
    expect(await refusalCode(decideReport(outsider, reportId, { kind: 'hide', reason: 'Publicité' }, mail))).toBe('forbidden')
    expect(await isHidden('need', needId)).toBe(false)
    await decideReport(insider, reportId, { kind: 'hide', reason: 'Publicité' }, mail)
    expect(await isHidden('need', needId)).toBe(true)
    expect(await hiddenIds('need')).toContain(needId)
    expect((await Report.findById(reportId).lean())!.status).toBe('actioned')
    expect(await auditOf(needId, 'content.hide')).toMatchObject({ reason: 'Publicité', after: 'hidden' })
    expect(await auditOf(needId, 'report.action')).toMatchObject({ after: 'hide' })
  })

  it('hide directly: outside scope forbidden', async () => {
    const { needId } = await reportedNeed()
    expect(await refusalCode(hideContent(outsider, 'need', needId, 'Publicité'))).toBe('forbidden')
    expect(await isHidden('need', needId)).toBe(false)
  })

  it('warn: mails the need’s author in their language, audited; outside forbidden', async () => {
    const { reportId, author } = await reportedNeed()
    const authorEmail = (await User.findById(author.id).lean())!.email
    expect(await refusalCode(decideReport(outsider, reportId, { kind: 'warn', reason: 'Restez factuel' }, mail))).toBe('forbidden')
    expect(sent.filter((message) => message.to === authorEmail)).toHaveLength(0)
    await decideReport(insider, reportId, { kind: 'warn', reason: 'Restez factuel' }, mail)
    const warning = sent.find((message) => message.to === authorEmail)
    expect(warning?.text).toContain('Restez factuel')
    expect(await auditOf(author.id, 'user.warn')).toMatchObject({ reason: 'Restez factuel' })
    expect(await refusalCode(warnUser(outsider, author.id, 'Non', mail))).toBe('forbidden')
  })
})

describe('suspending and banning', () => {
  /** A session as the app stores it, and the Cookie header that carries it. */
  async function sessionFor(userId: string) {
    const token = randomBytes(32).toString('base64url')
    await Session.create({ tokenHash: createHash('sha256').update(token).digest('hex'), userId, expiresAt: new Date(Date.now() + 86_400_000), userAgent: 'test' })
    return (await sessionCookie.serialize(token)).split(';')[0]!
  }

  it('suspend for N days: sets suspendedUntil, ends every session, blocks sessions; audited', async () => {
    const { member } = await companyWithMember({ territories: ['haut-jura'] })
    const cookie = await sessionFor(member.id)
    expect(await getSessionUserFromCookie(cookie)).not.toBeNull()
    const now = new Date()
    await suspendUser(insider, member.id, 7, 'Messages insultants', { now })
    const user = (await User.findById(member.id).lean())!
    expect(user.suspendedUntil?.getTime()).toBe(now.getTime() + 7 * 86_400_000)
    expect(await Session.countDocuments({ userId: member.id })).toBe(0)
    // A session created afterwards (a sign-in) is refused while suspended.
    expect(await getSessionUserFromCookie(await sessionFor(member.id))).toBeNull()
    expect(await auditOf(member.id, 'user.suspend')).toMatchObject({ reason: 'Messages insultants' })
  })

  it('a suspended person cannot sign in, even with the right password', async () => {
    const { member } = await companyWithMember({ territories: ['haut-jura'] })
    const password = 'Passerelle-suspendu-42!'
    await User.updateOne({ _id: member.id }, { $set: { passwordHash: await hashPassword(password) } })
    const { email } = (await User.findById(member.id).lean())!
    expect(await signIn({ email, password, ip: '203.0.113.7' })).toMatchObject({ ok: true, userId: member.id })
    await suspendUser(insider, member.id, 2, 'Spam')
    expect(await signIn({ email, password, ip: '203.0.113.7' })).toMatchObject({ ok: false, reason: 'suspended' })
  })

  it('suspend: outside scope forbidden; days must be 1–365; an animator cannot suspend an admin', async () => {
    const { member } = await companyWithMember({ territories: ['haut-jura'] })
    expect(await refusalCode(suspendUser(outsider, member.id, 7, 'Non'))).toBe('forbidden')
    expect(await refusalCode(suspendUser(insider, member.id, 0, 'Non'))).toBe('invalid')
    expect(await refusalCode(suspendUser(insider, member.id, 366, 'Non'))).toBe('invalid')
    expect((await User.findById(member.id).lean())!.suspendedUntil).toBeNull()
    const otherAdmin = await makeUser('admin')
    const org = await makeOrg('company', { territories: ['haut-jura'] })
    await join(otherAdmin, org)
    expect(await refusalCode(suspendUser(insider, otherAdmin.id, 3, 'Non'))).toBe('forbidden')
  })

  it('ban: inside scope OK (no end), outside forbidden, by report too', async () => {
    const { member } = await companyWithMember({ territories: ['haut-jura'] })
    expect(await refusalCode(banUser(outsider, member.id, 'Fraude'))).toBe('forbidden')
    await banUser(insider, member.id, 'Fraude')
    expect((await User.findById(member.id).lean())!.suspendedUntil?.getTime()).toBe(BAN_UNTIL.getTime())
    expect(await auditOf(member.id, 'user.ban')).toMatchObject({ reason: 'Fraude' })

    const { member: profile } = await companyWithMember({ territories: ['haut-jura'] })
    const reporter = await makeUser('researcher')
    const { id: reportId } = await reportContent(reporter, { targetKind: 'user', targetId: profile.id, reason: 'Faux profil' })
    expect(await refusalCode(decideReport(outsider, reportId, { kind: 'ban', reason: 'Faux profil' }, mail))).toBe('forbidden')
    await decideReport(insider, reportId, { kind: 'suspend', reason: 'Faux profil', days: 3 }, mail)
    expect((await User.findById(profile.id).lean())!.suspendedUntil).toBeInstanceOf(Date)
  })
})

describe('recommendations', () => {
  it('an animator recommends an organisation: stored, owners mailed, the company sees it, others do not', async () => {
    const { id, member } = await submittedNeed()
    await approveSubmittedNeed(insider, id)
    const lab = await makeOrg('lab', { name: 'Laboratoire Vision Jura' })
    const labOwner = await makeUser('researcher')
    await join(labOwner, lab, 'owner')
    const slug = (await Organisation.findById(lab).lean())!.slug
    expect(await refusalCode(recommendOrganisation(outsider, { needId: id, orgSlug: slug, note: 'Compétences en vision' }, mail))).toBe('forbidden')
    await recommendOrganisation(insider, { needId: id, orgSlug: slug, note: 'Compétences en vision' }, mail)
    const ownerEmail = (await User.findById(labOwner.id).lean())!.email
    expect(sent.find((message) => message.to === ownerEmail)?.text).toContain('Compétences en vision')
    const need = { id, spaces: (await Need.findById(id).lean())!.spaces as Space[] }
    expect(await recommendationsForNeed(member, { ...need, companyMember: true })).toEqual([expect.objectContaining({ note: 'Compétences en vision', org: { name: 'Laboratoire Vision Jura', slug } })])
    // Neither a member of the company nor an animator of its spaces: nothing.
    expect(await recommendationsForNeed(await makeUser('researcher'), { ...need, companyMember: false })).toEqual([])
    expect(await recommendationsForNeed(null, { ...need, companyMember: true })).toEqual([])
    // The animator of the need's territory sees them without being of the company.
    expect(await recommendationsForNeed(insider, { ...need, companyMember: false })).toHaveLength(1)
    // The need page hands it the facts it has checked itself.
    const search = createSearchClient(testServices().meiliUrl, testServices().meiliMasterKey)
    expect((await needPage(member, id, search)).recommendations).toEqual([expect.objectContaining({ note: 'Compétences en vision' })])
    expect((await needPage(insider, id, search)).recommendations).toHaveLength(1)
    expect((await needPage(await makeUser('researcher'), id, search)).recommendations).toEqual([])
    expect(await refusalCode(recommendOrganisation(insider, { needId: id, orgSlug: slug, note: 'Encore' }, mail))).toBe('conflict')
    expect(await auditOf(id, 'need.recommend')).toMatchObject({ after: 'Laboratoire Vision Jura' })
  })
})

describe('audit log search', () => {
  it('shows an animator only their scope, filtered by action and actor', async () => {
    const { id } = await submittedNeed()
    await approveSubmittedNeed(insider, id)
    const mine = await searchAudit(insider, { action: 'need.approve' })
    expect(mine.map((row) => row.targetId)).toContain(id)
    expect(mine.every((row) => row.action === 'need.approve')).toBe(true)
    expect((await searchAudit(outsider, {})).map((row) => row.targetId)).not.toContain(id)
    expect((await searchAudit(admin, { actorId: insider.id })).every((row) => row.actorId === insider.id)).toBe(true)
    expect((await searchAudit(insider, { from: new Date(Date.now() + 86_400_000) })).length).toBe(0)
  })

  it('names what each entry is about, for a sentence people read: the need’s title and link, the person acting', async () => {
    const { id } = await submittedNeed()
    await approveSubmittedNeed(insider, id)
    const need = await Need.findById(id).lean()
    const row = (await searchAudit(insider, { action: 'need.approve' })).find((entry) => entry.targetId === id)
    expect(row).toMatchObject({ actorName: insider.name, target: { label: need!.title, href: `/besoins/${id}`, ownerName: null } })
    const status = (await searchAudit(insider, { action: 'need.status' })).find((entry) => entry.targetId === id)
    expect(status?.target).toEqual({ label: need!.title, href: `/besoins/${id}`, ownerName: null })
  })

  it('includes the need’s status changes from its history (submit by the company, approve by the animator)', async () => {
    const { id, member } = await submittedNeed()
    await approveSubmittedNeed(insider, id)
    const changes = (await searchAudit(insider, { action: 'need.status' })).filter((row) => row.targetId === id)
    expect(changes.map((row) => [row.actorId, row.before, row.after])).toEqual([
      [insider.id, 'submitted', 'published'],
      [member.id, 'draft', 'submitted'],
    ])
    expect((await searchAudit(outsider, { action: 'need.status' })).map((row) => row.targetId)).not.toContain(id)
    expect((await searchAudit(insider, { action: 'need.status', actorId: member.id })).every((row) => row.actorId === member.id)).toBe(true)
  })
})

describe('follow-up and dashboard', () => {
  it('flags a need published 11 days ago with no proposal, and one idle for 31 days', async () => {
    const { id: quiet } = await submittedNeed('Silencieux')
    await approveSubmittedNeed(insider, quiet)
    const now = new Date(Date.now() + 11 * 86_400_000)
    const items = await followUpList(insider, { now })
    expect(items.find((item) => item.id === quiet)?.flags).toEqual(['no_proposal'])
    const later = new Date(Date.now() + 31 * 86_400_000)
    expect((await followUpList(insider, { now: later })).find((item) => item.id === quiet)?.flags).toEqual(['no_proposal', 'propose_closing'])
    expect((await followUpList(outsider, { now })).map((item) => item.id)).not.toContain(quiet)
  })

  it('computes the scope’s figures', async () => {
    const scopeAnimator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'ancenis' }] })
    const { orgId, member } = await companyWithMember({ territories: ['ancenis'] })
    const { id } = await createNeed(member, orgId, needInput({ territory: 'ancenis', domains: ['ai'], filiere: undefined }), { submit: true })
    const lab = await makeOrg('lab')
    const author = await makeUser('researcher')
    const publishedAt = (await Need.findById(id).lean())!.publishedAt!
    await Proposal.collection.insertOne({
      needId: new mongoose.Types.ObjectId(id),
      orgId: new mongoose.Types.ObjectId(lab),
      authorId: new mongoose.Types.ObjectId(author.id),
      status: 'accepted',
      createdAt: new Date(publishedAt.getTime() + 48 * 3_600_000),
      updatedAt: new Date(),
    })
    const figures = await dashboard(scopeAnimator, 30)
    expect(figures.totalNeeds).toBe(1)
    expect(figures.byDomain).toEqual([{ key: 'ai', count: 1 }])
    expect(figures.answeredWithin3Days).toBe(1)
    expect(figures.medianHoursToFirstProposal).toBe(48)
    expect(figures.acceptedProposals).toBe(1)
    expect(figures.mostActiveOrganisations).toHaveLength(1)
    expect(await refusalCode(dashboard(member, 30))).toBe('forbidden')
  })
})

describe('review rule per space', () => {
  it('an animator switches review for a space they animate (audited); another space is forbidden', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'laval-loiron' }] })
    expect(await reviewSettings(animator)).toEqual([{ kind: 'territory', ref: 'laval-loiron', name: 'Laval-Loiron', required: false }])
    await setSpaceReview(animator, { kind: 'territory', ref: 'laval-loiron' }, true)
    expect(await reviewSettings(animator)).toEqual([expect.objectContaining({ required: true })])
    expect(await AuditEntry.exists({ action: 'space.review_rule', targetId: 'territory:laval-loiron', after: 'review' })).not.toBeNull()
    expect(await refusalCode(setSpaceReview(animator, { kind: 'territory', ref: 'haut-jura' }, false))).toBe('forbidden')
    expect(await NeedReviewPolicy.exists({ 'space.ref': 'haut-jura', needReviewRequired: true })).not.toBeNull()
  })
})
