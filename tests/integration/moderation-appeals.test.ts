import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealHidden, appealsQueue, decideAppeal, myHiddenContent } from '~/domain/moderation/appeals.server'
import { isHidden, notHidden } from '~/domain/moderation/hidden.server'
import { AuditEntry, ModerationState } from '~/domain/moderation/model.server'
import { approveSubmittedNeed, hideContent } from '~/domain/moderation/service.server'
import { Need, NeedReviewPolicy } from '~/domain/needs/model.server'
import { createNeed } from '~/domain/needs/service.server'
import { companyWithMember, connectMarketplaceDb, makeUser, needInput } from './factories'
import { refusalCode } from './refusal'

let insider: Awaited<ReturnType<typeof makeUser>>
let outsider: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([AuditEntry.init(), ModerationState.init()])
  await NeedReviewPolicy.create({ space: { kind: 'territory', ref: 'haut-jura' }, needReviewRequired: true })
  insider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
  outsider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'le-mans' }] })
})
afterAll(() => mongoose.disconnect())

async function hiddenNeed() {
  const { orgId, member } = await companyWithMember({ territories: ['haut-jura'] })
  const { id } = await createNeed(member, orgId, needInput(), { submit: true })
  await approveSubmittedNeed(insider, id)
  await hideContent(insider, 'need', id, 'Démarchage commercial')
  return { id, member }
}

describe('appeals', () => {
  it('the author sees why their need was hidden and appeals once; a second appeal is refused', async () => {
    const { id, member } = await hiddenNeed()
    expect(await myHiddenContent(member)).toEqual([expect.objectContaining({ targetKind: 'need', targetId: id, reason: 'Démarchage commercial', appealedAt: null })])
    await appealHidden(member, { targetKind: 'need', targetId: id, text: 'Ce n’est pas de la publicité.' })
    expect(await refusalCode(appealHidden(member, { targetKind: 'need', targetId: id, text: 'Encore' }))).toBe('conflict')
    expect((await ModerationState.findOne({ targetId: id }).lean())!.appealText).toBe('Ce n’est pas de la publicité.')
    expect(await AuditEntry.exists({ targetId: id, action: 'content.appeal' })).not.toBeNull()
  })

  it('notHidden leaves hidden needs out of a listing query', async () => {
    const { id } = await hiddenNeed()
    const listed = await Need.find({ status: 'published', ...(await notHidden('need')) }, { _id: 1 }).lean()
    expect(listed.map((need) => String(need._id))).not.toContain(id)
    expect(await Need.exists({ _id: id, status: 'published' })).not.toBeNull()
  })

  it('someone else cannot appeal the need', async () => {
    const { id } = await hiddenNeed()
    expect(await refusalCode(appealHidden(await makeUser('researcher'), { targetKind: 'need', targetId: id, text: 'Moi' }))).toBe('forbidden')
  })

  it('the scope’s animator sees the appeal and lifts the hiding; outside scope is forbidden; not decided twice', async () => {
    const { id, member } = await hiddenNeed()
    await appealHidden(member, { targetKind: 'need', targetId: id, text: 'Erreur' })
    expect((await appealsQueue(insider)).map((item) => item.targetId)).toContain(id)
    expect((await appealsQueue(outsider)).map((item) => item.targetId)).not.toContain(id)
    expect(await refusalCode(decideAppeal(outsider, { targetKind: 'need', targetId: id, lift: true }))).toBe('forbidden')
    await decideAppeal(insider, { targetKind: 'need', targetId: id, lift: true })
    expect(await isHidden('need', id)).toBe(false)
    expect(await refusalCode(decideAppeal(insider, { targetKind: 'need', targetId: id, lift: false }))).toBe('conflict')
    expect(await AuditEntry.exists({ targetId: id, action: 'content.appeal_decision', after: 'visible' })).not.toBeNull()
  })

  it('upholding keeps the content hidden and the author cannot appeal again', async () => {
    const { id, member } = await hiddenNeed()
    await appealHidden(member, { targetKind: 'need', targetId: id, text: 'Erreur' })
    await decideAppeal(insider, { targetKind: 'need', targetId: id, lift: false })
    expect(await isHidden('need', id)).toBe(true)
    expect((await myHiddenContent(member))[0]).toMatchObject({ appealDecision: 'upheld' })
    expect(await refusalCode(appealHidden(member, { targetKind: 'need', targetId: id, text: 'Encore' }))).toBe('conflict')
  })
})
