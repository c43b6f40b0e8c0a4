import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { outboxMailer } from '~/domain/mail/outbox.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { AuditEntry } from '~/domain/moderation/model.server'
import { Need } from '~/domain/needs/model.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import { needDocument } from '~/domain/search/documents'
import { searchIndexNames } from '~/domain/search/names'
import { parseSearchQuery } from '~/domain/search/query'
import { searchCatalogue } from '~/domain/search/service.server'
import { territoryFigures } from '~/domain/territories/figures.server'
import { actOnGuichetRequest, checkGuichetConfirmation, confirmGuichetRequest, contactGuichet, guichetQueue } from '~/domain/territories/guichet.server'
import { GuichetRequest } from '~/domain/territories/guichet-model.server'
import { territoryPage } from '~/domain/territories/page.server'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes } from '../../server/search/indexes'
import { writeDocuments } from '../../server/search/source'
import { connectMarketplaceDb, makeOrg, makeUser } from './factories'
import { uniquePrefix } from './search-support'
import { testServices } from './support'

/**
 * Issue 18 (first half): a territory's figures on known data, its needs list against the real
 * Meilisearch (the same hits as search, nothing more), and the guichet's flow through the real
 * outbox — guest verification, the queue, routing, drafting a need, and an animator of another
 * territory refused.
 */
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)
const deps = { mailer: outboxMailer, appSecret: 'integration-secret-for-guichet-links', publicUrl: 'https://passerelle.test' }
const DAY = 24 * 60 * 60 * 1000

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([GuichetRequest.init(), OutboxMail.init(), AuditEntry.init()])
  await createSearchIndexes(client, { prefix })
})

afterAll(async () => {
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
  await mongoose.connection.dropDatabase()
  await mongoose.disconnect()
})

async function need(companyOrgId: mongoose.Types.ObjectId, territory: string, fields: Record<string, unknown>) {
  const user = new mongoose.Types.ObjectId()
  return Need.create({ companyOrgId, createdBy: user, title: 'Besoin de test', summary: 'Résumé public', description: 'Détails confidentiels', territory, confidentiality: 'public', status: 'published', ...fields })
}

/** An organisation as stored (the factory answers its id). */
const org = async (...args: Parameters<typeof makeOrg>) => (await Organisation.findById(await makeOrg(...args)).lean())!

const proposalAt = (needId: mongoose.Types.ObjectId, at: Date) => Proposal.collection.insertOne({ needId, createdAt: at, submissionId: String(new mongoose.Types.ObjectId()) })

describe('a territory’s key figures', () => {
  it('counts open needs, organisations, projects started and the share answered within 5 days, in MongoDB', async () => {
    const company = await org('company', { territories: ['ancenis'] })
    await makeOrg('lab', { territories: ['ancenis'] })
    await makeOrg('lab', { territories: ['mayenne'] })
    const published = new Date('2026-10-01T08:00:00Z')
    const answeredFast = await need(company._id, 'ancenis', { publishedAt: published })
    const answeredLate = await need(company._id, 'ancenis', { publishedAt: published })
    await need(company._id, 'ancenis', { status: 'in_discussion', publishedAt: published })
    await need(company._id, 'ancenis', { status: 'draft' })
    const project = await need(company._id, 'ancenis', { status: 'in_project', publishedAt: published, projectId: new mongoose.Types.ObjectId() })
    await need(company._id, 'mayenne', { publishedAt: published })
    await proposalAt(answeredFast._id, new Date(published.getTime() + 2 * DAY))
    await proposalAt(answeredFast._id, new Date(published.getTime() + 9 * DAY))
    await proposalAt(answeredLate._id, new Date(published.getTime() + 6 * DAY))
    await proposalAt(project._id, new Date(published.getTime() + 5 * DAY))

    expect(await territoryFigures('ancenis')).toEqual({ openNeeds: 3, organisations: 2, projectsStarted: 1, publishedNeeds: 4, answeredWithin5Days: 0.5 })
    expect(await territoryFigures('segre-en-anjou')).toEqual({ openNeeds: 0, organisations: 0, projectsStarted: 0, publishedNeeds: 0, answeredWithin5Days: null })
  })
})

describe('a territory’s open needs', () => {
  it('are exactly the hits search gives for the territory, with no company on an anonymised need and no detail of a members-only one', async () => {
    const company = await org('company', { territories: ['laval-loiron'], name: 'Fonderie Secrète (fictive)' })
    const publishedAt = new Date('2026-11-01T08:00:00Z')
    const anonymous = await need(company._id, 'laval-loiron', { title: 'Besoin anonymisé', confidentiality: 'anonymous', publishedAt })
    const members = await need(company._id, 'laval-loiron', { title: 'Besoin réservé aux membres', confidentiality: 'members', publishedAt })
    const open = await need(company._id, 'laval-loiron', { title: 'Besoin public', publishedAt })
    const draft = await need(company._id, 'laval-loiron', { title: 'Brouillon', status: 'draft' })
    const closed = await need(company._id, 'laval-loiron', { title: 'Besoin clos', status: 'closed', closedReason: 'fulfilled', publishedAt })
    const documents = [anonymous, members, open, draft, closed].map((item) => needDocument(item.toObject(), { name: company.name })).filter((document) => document !== null)
    await writeDocuments(client, names.needs, documents, [])

    const viewer = await makeUser('researcher')
    const page = await territoryPage(viewer, 'laval-loiron', client, { names })
    if (page.needs.status !== 'ok') throw new Error('search unavailable')
    const ids = page.needs.hits.map((hit) => hit.id).sort()
    expect(ids).toEqual([anonymous, members, open].map((item) => String(item._id)).sort())

    const search = await searchCatalogue(client, parseSearchQuery(new URLSearchParams('type=needs&territory=laval-loiron&status=published&status=in_discussion')), { names })
    expect(search.status === 'ok' ? search.hits.map((hit) => hit.id).sort() : null).toEqual(ids)

    const anonymousCard = page.needs.hits.find((hit) => hit.id === String(anonymous._id))!
    expect(anonymousCard.company).toBeNull()
    expect(anonymousCard.companyHidden).toBe(true)
    expect(JSON.stringify(anonymousCard)).not.toContain('Fonderie Secrète')
    expect(JSON.stringify(page.needs)).not.toContain('Détails confidentiels')
    expect(JSON.stringify(page.needs)).not.toContain(String(company._id))
    expect(page.needs.hits.find((hit) => hit.id === String(open._id))!.company).toEqual({ name: company.name })
  })

  it('answers 404 for an unknown territory', async () => {
    await expect(territoryPage(null, 'atlantide', client, { names })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('the guichet', () => {
  const mailsTo = (to: string) => OutboxMail.find({ to }).sort({ _id: 1 }).lean()
  const guestInput = { subject: 'Valoriser nos chutes', message: 'Qui peut nous aider ?', commune: 'Saint-Claude', name: 'Invitée Test', email: 'invitee@exemple.test', company: 'Atelier Test (fictif)' }
  const contactAsGuest = (input = guestInput, limiter = createRateLimiter({ capacity: 5, refillPerSecond: 0 })) =>
    contactGuichet(null, 'haut-jura', input, { ...deps, limiter, clientKey: 'guichet:203.0.113.9', language: 'fr' })

  it('lets a guest in only after their e-mail link, once, and tells them and the animators', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const outcome = await contactAsGuest()
    expect(outcome.status).toBe('awaiting_verification')
    expect((await guichetQueue(animator)).map((item) => item.id)).not.toContain(outcome.requestId)

    const [verify] = await mailsTo('invitee@exemple.test')
    expect(verify!.kind).toBe('guichet.verify')
    const link = verify!.text!.match(/https:\/\/passerelle\.test\/guichet\/confirmer\/(\S+)/)!
    expect(await confirmGuichetRequest(`${outcome.requestId}.forged`, deps)).toMatchObject({ status: 'unknown' })
    expect(await confirmGuichetRequest(link[1]!, deps)).toEqual({ status: 'confirmed', territory: 'haut-jura' })
    expect(await confirmGuichetRequest(link[1]!, deps)).toEqual({ status: 'already_confirmed', territory: 'haut-jura' })

    const queued = (await guichetQueue(animator)).find((item) => item.id === outcome.requestId)!
    expect(queued).toMatchObject({ status: 'open', actions: ['answer', 'route'], requester: { hasAccount: false, company: 'Atelier Test (fictif)' } })
    expect((await mailsTo('invitee@exemple.test')).map((mail) => mail.kind)).toEqual(['guichet.verify', 'guichet.received'])
    expect((await mailsTo(animator.email)).map((mail) => mail.kind)).toEqual(['guichet.queued'])
    expect(await AuditEntry.countDocuments({ targetId: outcome.requestId, action: 'guichet.received' })).toBe(1)
  })

  it('refuses an expired link', async () => {
    const outcome = await contactAsGuest({ ...guestInput, email: 'lente@exemple.test' })
    const [verify] = await mailsTo('lente@exemple.test')
    const token = verify!.text!.match(/confirmer\/(\S+)/)![1]!
    expect(await confirmGuichetRequest(token, deps, new Date(Date.now() + 49 * 60 * 60 * 1000))).toMatchObject({ status: 'expired' })
    expect((await GuichetRequest.findById(outcome.requestId).lean())!.status).toBe('awaiting_verification')
  })

  it('checks a link without confirming it: opening it (a mail scanner, a preview) sends nothing to the guichet', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const outcome = await contactAsGuest({ ...guestInput, email: 'prudente@exemple.test' })
    const [verify] = await mailsTo('prudente@exemple.test')
    const token = verify!.text!.match(/confirmer\/(\S+)/)![1]!

    expect(await checkGuichetConfirmation(token, deps)).toEqual({ status: 'valid', territory: 'haut-jura' })
    expect(await checkGuichetConfirmation(token, deps)).toEqual({ status: 'valid', territory: 'haut-jura' })
    expect((await GuichetRequest.findById(outcome.requestId).lean())!.status).toBe('awaiting_verification')
    expect((await guichetQueue(animator)).map((item) => item.id)).not.toContain(outcome.requestId)
    expect((await mailsTo(animator.email)).length).toBe(0)
    expect(await AuditEntry.countDocuments({ targetId: outcome.requestId })).toBe(0)

    // Checking first does not get in the way of confirming, and then says it is done.
    expect(await confirmGuichetRequest(token, deps)).toEqual({ status: 'confirmed', territory: 'haut-jura' })
    expect(await checkGuichetConfirmation(token, deps)).toEqual({ status: 'already_confirmed', territory: 'haut-jura' })
    expect((await guichetQueue(animator)).map((item) => item.id)).toContain(outcome.requestId)
  })

  it('checks an unknown, forged or expired link as such', async () => {
    const outcome = await contactAsGuest({ ...guestInput, email: 'tardive@exemple.test' })
    const [verify] = await mailsTo('tardive@exemple.test')
    const token = verify!.text!.match(/confirmer\/(\S+)/)![1]!
    expect(await checkGuichetConfirmation(`${outcome.requestId}.forged`, deps)).toEqual({ status: 'unknown', territory: null })
    expect(await checkGuichetConfirmation(`${'0'.repeat(24)}.${token.split('.')[1]}`, deps)).toEqual({ status: 'unknown', territory: null })
    expect(await checkGuichetConfirmation('pas-un-jeton', deps)).toEqual({ status: 'unknown', territory: null })
    // Signed with another secret: not ours.
    expect(await checkGuichetConfirmation(token, { appSecret: 'un-autre-secret' })).toEqual({ status: 'unknown', territory: null })
    expect(await checkGuichetConfirmation(token, deps, new Date(Date.now() + 49 * 60 * 60 * 1000))).toEqual({ status: 'expired', territory: 'haut-jura' })
    expect((await GuichetRequest.findById(outcome.requestId).lean())!.status).toBe('awaiting_verification')
  })

  it('rate-limits the guest form', async () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0 })
    await contactAsGuest({ ...guestInput, email: 'presse@exemple.test' }, limiter)
    await expect(contactAsGuest({ ...guestInput, email: 'presse@exemple.test' }, limiter)).rejects.toMatchObject({ code: 'rate_limited' })
  })

  it('routes a request to an organisation: its members and the requester told, the step in the audit log; another territory’s animator cannot act', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const elsewhere = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'ancenis' }] })
    const lab = await org('lab', { territories: ['haut-jura'] })
    const labMember = await makeUser('researcher')
    await Membership.create({ orgId: lab._id, userId: labMember.id, role: 'owner' })
    const requester = await makeUser('industrialist')
    const { requestId } = await contactGuichet(requester, 'haut-jura', { subject: 'Caméra sur la ligne', message: 'Un essai de vision ?', commune: '' }, { ...deps, limiter: createRateLimiter({ capacity: 0, refillPerSecond: 0 }), clientKey: 'x', language: 'fr' })

    const route = { intent: 'route' as const, requestId, orgSlug: lab.slug, note: 'Ce laboratoire fait de la vision.' }
    await expect(actOnGuichetRequest(elsewhere, route, deps)).rejects.toMatchObject({ code: 'forbidden' })
    // Only to an organisation of the request's territory (what the queue offers).
    const farLab = await org('lab', { territories: ['ancenis'] })
    await expect(actOnGuichetRequest(animator, { ...route, orgSlug: farLab.slug }, deps)).rejects.toMatchObject({ code: 'invalid', message: 'territories.errors.unknownOrganisation' })
    expect((await guichetQueue(elsewhere)).map((item) => item.id)).not.toContain(requestId)
    await expect(actOnGuichetRequest(animator, { intent: 'draft_need', requestId }, deps)).rejects.toMatchObject({ code: 'invalid', message: 'territories.errors.noCompany' })

    expect(await actOnGuichetRequest(animator, route, deps)).toMatchObject({ step: 'route', status: 'routed', orgName: lab.name })
    expect((await mailsTo(labMember.email)).map((mail) => mail.kind)).toEqual(['guichet.routed_to_org'])
    expect((await mailsTo(requester.email)).map((mail) => mail.kind)).toEqual(['guichet.received', 'guichet.routed'])
    const audit = await AuditEntry.findOne({ targetId: requestId, action: 'guichet.routed' }).lean()
    expect(audit).toMatchObject({ actorId: new mongoose.Types.ObjectId(animator.id), after: lab.name, spaces: [{ kind: 'territory', ref: 'haut-jura' }] })

    await expect(actOnGuichetRequest(animator, { ...route, orgSlug: 'nulle-part' }, deps)).rejects.toBeInstanceOf(DomainError)
    await actOnGuichetRequest(animator, { intent: 'answer', requestId, message: 'Et voici aussi les aides.' }, deps)
    expect((await GuichetRequest.findById(requestId).lean())!.status).toBe('answered')
    expect((await mailsTo(requester.email)).at(-1)!.text).toContain('Et voici aussi les aides.')
  })

  it('drafts a need for a requester’s company, which stays a draft until the company publishes it', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const company = await org('company', { territories: ['haut-jura'] })
    const requester = await makeUser('industrialist')
    await Membership.create({ orgId: company._id, userId: requester.id, role: 'owner' })
    const { requestId } = await contactGuichet(requester, 'haut-jura', { subject: 'Contrôle des montures', message: 'Nous voulons automatiser le contrôle.', commune: '' }, { ...deps, limiter: createRateLimiter({ capacity: 0, refillPerSecond: 0 }), clientKey: 'x', language: 'fr' })
    expect((await guichetQueue(animator)).find((item) => item.id === requestId)!.actions).toEqual(['answer', 'route', 'draft_need'])

    // A requester who has left the company since asking: no draft in its name.
    await Membership.deleteOne({ orgId: company._id, userId: requester.id })
    await expect(actOnGuichetRequest(animator, { intent: 'draft_need', requestId }, deps)).rejects.toMatchObject({ code: 'invalid', message: 'territories.errors.noCompany' })
    await Membership.create({ orgId: company._id, userId: requester.id, role: 'owner' })

    const outcome = await actOnGuichetRequest(animator, { intent: 'draft_need', requestId }, deps)
    const drafted = await Need.findById(outcome.needId).lean()
    expect(drafted).toMatchObject({ status: 'draft', title: 'Contrôle des montures', territory: 'haut-jura', companyOrgId: company._id, createdBy: new mongoose.Types.ObjectId(requester.id) })
    expect((await mailsTo(requester.email)).at(-1)).toMatchObject({ kind: 'guichet.need_drafted' })
    expect((await mailsTo(requester.email)).at(-1)!.text).toContain(`/besoins/${outcome.needId}`)
    await expect(actOnGuichetRequest(animator, { intent: 'answer', requestId, message: 'Encore ?' }, deps)).rejects.toMatchObject({ code: 'conflict' })
    expect(await AuditEntry.countDocuments({ targetId: requestId, action: 'guichet.need_drafted' })).toBe(1)
  })
})
