import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session } from '~/domain/auth/session.server'
import { startSession } from '~/http/session.server'
import { DomainError } from '~/domain/errors'
import { AuditEntry } from '~/domain/moderation/model.server'
import { Organisation } from '~/domain/orgs/model.server'
import { appointAnimator, listAnimators, revokeAnimator } from '~/domain/users/animators.server'
import { User } from '~/domain/users/model.server'
import { makeUser } from './factories'
import { isolatedMongoUri } from './support'

describe('appointing animators', () => {
  let cluster: mongoose.Types.ObjectId
  let company: mongoose.Types.ObjectId
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    const base = { location: null, verifiedAt: new Date() }
    cluster = (await Organisation.create({ ...base, slug: `cluster-${Date.now()}`, name: 'Cluster test', kind: 'cluster' }))._id
    company = (await Organisation.create({ ...base, slug: `company-${Date.now()}`, name: 'Entreprise test', kind: 'company' }))._id
  })
  afterAll(() => mongoose.disconnect())

  it('lets an admin appoint an existing account, with its scope, and records it', async () => {
    const admin = await makeUser('admin')
    const researcher = await makeUser('researcher')
    await appointAnimator(admin, { email: researcher.email, territories: ['haut-jura'], organisations: [String(cluster)] })
    const updated = await User.findById(researcher.id).lean()
    expect(updated?.role).toBe('animator')
    expect(updated?.animates).toEqual([{ kind: 'territory', ref: 'haut-jura' }, { kind: 'organisation', ref: String(cluster) }])
    expect((await listAnimators(admin)).find((a) => a.id === researcher.id)?.organisations).toEqual([{ id: String(cluster), name: 'Cluster test' }])
    expect(await AuditEntry.exists({ action: 'user.appoint_animator', targetId: researcher.id, actorId: admin.id })).not.toBeNull()
  })

  it('refuses anyone but an admin, including animators', async () => {
    const target = await makeUser('industrialist')
    for (const role of ['industrialist', 'researcher', 'animator'] as const) {
      const actor = await makeUser(role)
      await expect(appointAnimator(actor, { email: target.email, territories: ['ancenis'], organisations: [] })).rejects.toMatchObject({ code: 'forbidden' })
      await expect(listAnimators(actor)).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect((await User.findById(target.id).lean())?.role).toBe('industrialist')
  })

  it('says which field is wrong: unknown e-mail, a company as scope', async () => {
    const admin = await makeUser('admin')
    const target = await makeUser('industrialist')
    const unknown = await appointAnimator(admin, { email: 'personne@nulle-part.test', territories: ['ancenis'], organisations: [] }).catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(DomainError)
    expect((unknown as DomainError).fieldErrors).toEqual({ email: ['admin.animators.errors.unknownEmail'] })
    const companyScope = await appointAnimator(admin, { email: target.email, territories: [], organisations: [String(company)] }).catch((e: unknown) => e)
    expect((companyScope as DomainError).fieldErrors).toEqual({ organisations: ['admin.animators.errors.unknownScope'] })
    expect((await User.findById(target.id).lean())?.role).toBe('industrialist')
  })

  it('gives back the previous role on revocation and ends the sessions', async () => {
    const admin = await makeUser('admin')
    const industrialist = await makeUser('industrialist')
    await appointAnimator(admin, { email: industrialist.email, territories: ['mayenne'], organisations: [] })
    await startSession(new Request('http://localhost/'), industrialist.id)
    await revokeAnimator(admin, industrialist.id)
    const after = await User.findById(industrialist.id).lean()
    expect(after?.role).toBe('industrialist')
    expect(after?.animates).toEqual([])
    expect(await Session.countDocuments({ userId: industrialist.id })).toBe(0)
    expect(await AuditEntry.exists({ action: 'user.revoke_animator', targetId: industrialist.id })).not.toBeNull()
  })
})
