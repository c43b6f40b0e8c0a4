import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Need } from '~/domain/needs/model.server'
import {
  approveNeed,
  browseNeeds,
  closeNeed,
  createNeed,
  expireOverdueNeeds,
  getNeedForViewer,
  needsDashboard,
  reopenNeed,
  resolveNeedCommune,
  retractNeed,
  returnNeedToDraft,
  setNeedReviewRequired,
  submitNeed,
  updateNeed,
} from '~/domain/needs/service.server'
import { companyWithMember, connectMarketplaceDb, daysFromNow, join, labWithMember, makeOrg, makeUser, needInput } from './factories'
import { refusal } from './refusal'

beforeAll(connectMarketplaceDb)
afterAll(() => mongoose.disconnect())

describe('posting a need', () => {
  it('saves a draft visible to the company only, with no transition yet', async () => {
    const { orgId, member } = await companyWithMember()
    const { id, status } = await createNeed(member, orgId, needInput())
    expect(status).toBe('draft')
    const stored = await Need.findById(id).lean()
    expect(stored).toMatchObject({ status: 'draft', title: 'Contrôle qualité par vision', territory: 'haut-jura', publishedAt: null })
    expect(stored!.history).toEqual([])
    expect(stored!.location?.communeName).toBe('Saint-Claude')

    const outsider = await makeUser('researcher')
    expect((await refusal(getNeedForViewer(outsider, id))).code).toBe('not_found')
    expect((await refusal(getNeedForViewer(null, id))).code).toBe('not_found')
    expect((await getNeedForViewer(member, id)).need.title).toBe('Contrôle qualité par vision')
  })

  it('publishes at once when no space requires review, and records who did it', async () => {
    const { orgId, member } = await companyWithMember()
    const { id, status } = await createNeed(member, orgId, needInput(), { submit: true })
    expect(status).toBe('published')
    const stored = await Need.findById(id).lean()
    expect(stored!.publishedAt).toBeInstanceOf(Date)
    expect(stored!.history).toHaveLength(1)
    expect(stored!.history[0]).toMatchObject({ from: 'draft', to: 'published' })
    expect(String(stored!.history[0]!.by)).toBe(member.id)
  })

  it('refuses people who are not members of the company, and organisations that are not companies', async () => {
    const { orgId } = await companyWithMember()
    const stranger = await makeUser('industrialist')
    expect(await refusal(createNeed(stranger, orgId, needInput()))).toMatchObject({ code: 'forbidden', message: 'needs.refusals.notCompanyMember' })
    const lab = await labWithMember()
    expect(await refusal(createNeed(lab.member, lab.orgId, needInput()))).toMatchObject({ code: 'forbidden', message: 'needs.refusals.notACompany' })
    expect(await Need.countDocuments({ companyOrgId: orgId })).toBe(0)
  })

  it('will not submit an incomplete first version and names the missing fields', async () => {
    const { orgId, member } = await companyWithMember()
    const { id } = await createNeed(member, orgId, needInput({ summary: undefined, domains: [], location: null, category: undefined }))
    const refused = await refusal(submitNeed(member, id))
    expect(refused.code).toBe('invalid')
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(['category', 'commune', 'domains', 'summary'])
    expect((await Need.findById(id).lean())!.status).toBe('draft')
  })

  it('resolves what was typed in the commune field, or explains with suggestions', () => {
    expect(resolveNeedCommune({ communeSearch: 'Saint-Claude 39' })).toEqual({ location: expect.objectContaining({ communeCode: '39478', regionCode: '27' }) })
    expect(resolveNeedCommune({ commune: '49099', communeSearch: 'ignored' })).toEqual({ location: expect.objectContaining({ communeName: 'Cholet' }) })
    expect(resolveNeedCommune({ commune: '00000' })).toEqual({ error: 'needs.errors.communeUnknown', suggestions: [] })
    expect(resolveNeedCommune({ communeSearch: '  ' })).toEqual({ location: null })
    const ambiguous = resolveNeedCommune({ communeSearch: 'Saint-Claude' })
    expect(ambiguous).toMatchObject({ error: 'needs.errors.communeUnknown' })
    expect('suggestions' in ambiguous && ambiguous.suggestions).toContain('Saint-Claude (39)')
  })
})

describe('review by an animator', () => {
  it('holds needs of a territory that requires review until an animator of that territory approves', async () => {
    const admin = await makeUser('admin')
    await setNeedReviewRequired(admin, { kind: 'territory', ref: 'laval-loiron' }, true)
    const { orgId, member } = await companyWithMember()
    const { id, status } = await createNeed(member, orgId, needInput({ territory: 'laval-loiron' }), { submit: true })
    expect(status).toBe('submitted')

    // Invisible to the public and to animators of other spaces; the company cannot approve itself.
    expect((await refusal(getNeedForViewer(null, id))).code).toBe('not_found')
    const otherAnimator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    expect((await refusal(approveNeed(otherAnimator, id))).code).toBe('not_found')
    expect((await refusal(approveNeed(member, id))).code).toBe('forbidden')

    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'laval-loiron' }] })
    const page = await getNeedForViewer(animator, id)
    expect(page.actions).toEqual(['approve', 'return_to_draft'])
    expect(await approveNeed(animator, id)).toMatchObject({ from: 'submitted', to: 'published' })
    const stored = await Need.findById(id).lean()
    expect(stored!.history.map((step) => `${step.from}→${step.to}`)).toEqual(['draft→submitted', 'submitted→published'])
    expect(String(stored!.history[1]!.by)).toBe(animator.id)
  })

  it('asks for review through a cluster the company belongs to, and lets that cluster’s animator send it back with a reason', async () => {
    const cluster = await makeOrg('cluster')
    const animator = await makeUser('animator', { animates: [{ kind: 'organisation', ref: cluster }] })
    await setNeedReviewRequired(animator, { kind: 'organisation', ref: cluster }, true)
    const { orgId, member } = await companyWithMember({ memberOf: [cluster] })
    const { id, status } = await createNeed(member, orgId, needInput({ territory: undefined }), { submit: true })
    expect(status).toBe('submitted')

    expect(await refusal(returnNeedToDraft(animator, id, ' '))).toMatchObject({ code: 'invalid', message: 'needs.refusals.reasonRequired' })
    await returnNeedToDraft(animator, id, 'Précisez le volume de pièces.')
    const stored = await Need.findById(id).lean()
    expect(stored!.status).toBe('draft')
    expect(stored!.history.at(-1)).toMatchObject({ from: 'submitted', to: 'draft', reason: 'Précisez le volume de pièces.' })
  })

  it('lets only animators of a space (or admins) change its review rule', async () => {
    const researcher = await makeUser('researcher')
    expect((await refusal(setNeedReviewRequired(researcher, { kind: 'territory', ref: 'mayenne' }, true))).code).toBe('forbidden')
    const elsewhere = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'ancenis' }] })
    expect((await refusal(setNeedReviewRequired(elsewhere, { kind: 'territory', ref: 'mayenne' }, true))).code).toBe('forbidden')
  })

  it('lets the company take a submitted need back to draft', async () => {
    const admin = await makeUser('admin')
    await setNeedReviewRequired(admin, { kind: 'territory', ref: 'le-mans' }, true)
    const { orgId, member } = await companyWithMember()
    const { id } = await createNeed(member, orgId, needInput({ territory: 'le-mans' }), { submit: true })
    expect(await retractNeed(member, id)).toMatchObject({ from: 'submitted', to: 'draft' })
  })
})

describe('editing', () => {
  it('refuses edits by non-members: forbidden on an online need, not found on a draft', async () => {
    const { orgId, member } = await companyWithMember()
    const online = await createNeed(member, orgId, needInput(), { submit: true })
    const draft = await createNeed(member, orgId, needInput())
    const stranger = await makeUser('industrialist')
    expect((await refusal(updateNeed(stranger, online.id, needInput({ title: 'Piraté' })))).code).toBe('forbidden')
    expect((await refusal(updateNeed(stranger, draft.id, needInput({ title: 'Piraté' })))).code).toBe('not_found')
    expect((await Need.findById(online.id).lean())!.title).toBe('Contrôle qualité par vision')
  })

  it('lets a colleague of the same company edit, and clears optional fields left empty', async () => {
    const { orgId, member } = await companyWithMember()
    const colleague = await makeUser('industrialist')
    await join(colleague, orgId)
    const { id } = await createNeed(member, orgId, needInput())
    await updateNeed(colleague, id, needInput({ title: 'Vision sur ligne 2', budgetRange: undefined, trlCurrent: undefined }))
    expect(await Need.findById(id).lean()).toMatchObject({ title: 'Vision sur ligne 2', budgetRange: null, trlCurrent: null })
  })

  it('refuses edits once the need is closed', async () => {
    const { orgId, member } = await companyWithMember()
    const { id } = await createNeed(member, orgId, needInput(), { submit: true })
    await closeNeed(member, id, 'abandoned')
    expect(await refusal(updateNeed(member, id, needInput()))).toMatchObject({ code: 'conflict', message: 'needs.refusals.notEditable' })
  })
})

describe('closing, expiring, reopening', () => {
  it('expires online needs whose deadline day is over, once, and leaves the others', async () => {
    const { orgId, member } = await companyWithMember()
    const today = new Date()
    const due = await createNeed(member, orgId, needInput({ deadline: daysFromNow(1) }), { submit: true })
    const dueToday = await createNeed(member, orgId, needInput({ deadline: daysFromNow(2) }), { submit: true })
    const draft = await createNeed(member, orgId, needInput({ deadline: daysFromNow(1) }))
    // Two days later, the first deadline's day is over; the second's is today.
    const later = new Date(today.getTime() + 2 * 24 * 60 * 60 * 1000)
    const expired = await expireOverdueNeeds({ now: later })
    expect(expired).toBeGreaterThanOrEqual(1)
    expect(await Need.findById(due.id).lean()).toMatchObject({ status: 'closed', closedReason: 'expired' })
    expect((await Need.findById(due.id).lean())!.history.at(-1)).toMatchObject({ by: null, from: 'published', to: 'closed' })
    expect((await Need.findById(dueToday.id).lean())!.status).toBe('published')
    expect((await Need.findById(draft.id).lean())!.status).toBe('draft')
    expect(await expireOverdueNeeds({ now: later })).toBe(0)
  })

  it('reopens an expired need only with a new deadline', async () => {
    const { orgId, member } = await companyWithMember()
    const { id } = await createNeed(member, orgId, needInput({ deadline: daysFromNow(0) }), { submit: true })
    const later = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000)
    await expireOverdueNeeds({ now: later })
    expect(await refusal(reopenNeed(member, id, { now: later }))).toMatchObject({ code: 'invalid', message: 'needs.refusals.deadlinePassed' })
    const newDeadline = new Date(later.getTime() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
    expect(await reopenNeed(member, id, { now: later, deadline: newDeadline })).toMatchObject({ from: 'closed', to: 'published' })
    expect((await Need.findById(id).lean())!.deadline!.toISOString().slice(0, 10)).toBe(newDeadline)
  })

  it('lets the company abandon and reopen, but never a need met through a project', async () => {
    const { orgId, member } = await companyWithMember()
    const { id } = await createNeed(member, orgId, needInput(), { submit: true })
    await closeNeed(member, id, 'abandoned')
    await reopenNeed(member, id)
    expect((await Need.findById(id).lean())!.status).toBe('published')
    expect((await refusal(closeNeed(member, id, 'fulfilled'))).message).toBe('needs.refusals.invalidState')
  })
})

describe('who sees what', () => {
  it('hides an anonymised company from everyone but its members and the animators of its scope', async () => {
    const { orgId, member } = await companyWithMember({ name: 'Plastiques du Haut-Jura (fictive)' })
    const { id } = await createNeed(member, orgId, needInput({ confidentiality: 'anonymous' }), { submit: true })

    const visitor = await getNeedForViewer(null, id)
    expect(visitor.need.company).toBeNull()
    expect(visitor.need.description).toBeNull()
    expect(visitor.need.budgetRange).toBeNull()
    expect(JSON.stringify(visitor)).not.toContain('Plastiques du Haut-Jura')
    expect(JSON.stringify(visitor)).not.toContain(orgId)

    const researcher = await makeUser('researcher')
    const signedIn = await getNeedForViewer(researcher, id)
    expect(signedIn.need.company).toBeNull()
    expect(signedIn.need.description).toBe('Trois presses, 20 000 pièces par jour, défauts de surface.')

    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    expect((await getNeedForViewer(animator, id)).need.company?.name).toBe('Plastiques du Haut-Jura (fictive)')
    expect((await getNeedForViewer(member, id)).need.company?.name).toBe('Plastiques du Haut-Jura (fictive)')
  })

  it('lists only online needs when browsing, redacted per viewer', async () => {
    const { orgId, member } = await companyWithMember({ name: 'Lunetterie Anonyme (fictive)' })
    const anonymous = await createNeed(member, orgId, needInput({ title: 'Besoin anonyme à lister', confidentiality: 'anonymous' }), { submit: true })
    const draft = await createNeed(member, orgId, needInput({ title: 'Brouillon à ne pas lister' }))
    const { items } = await browseNeeds(null, { page: 1 })
    const ids = items.map((item) => item.id)
    expect(ids).toContain(anonymous.id)
    expect(ids).not.toContain(draft.id)
    const listed = items.find((item) => item.id === anonymous.id)!
    expect(listed.company).toBeNull()
    expect(listed.companyHidden).toBe(true)

    const mine = await browseNeeds(member, { page: 1 })
    expect(mine.items.find((item) => item.id === anonymous.id)!.company?.name).toBe('Lunetterie Anonyme (fictive)')
  })

  it('counts the needs of the user’s companies by status', async () => {
    const { orgId, member } = await companyWithMember()
    await createNeed(member, orgId, needInput())
    await createNeed(member, orgId, needInput())
    await createNeed(member, orgId, needInput(), { submit: true })
    const dashboard = await needsDashboard(member)
    expect(dashboard.counts).toEqual({ draft: 2, published: 1 })
    expect(dashboard.needs).toHaveLength(3)
    expect(dashboard.companies.map((company) => company.id)).toEqual([orgId])
  })
})
