import { setHidden } from '~/domain/moderation/hidden.server'
import mongoose from 'mongoose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { translateMessage } from '~/i18n/translate-message'
import type { OutgoingMail } from '~/domain/mail/mailer'
import { Invitation, JoinRequest } from '~/domain/orgs/membership-models.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { orgCreateSchema, orgUpdateSchema, type OrgCreateInput } from '~/domain/orgs/schema'
import { acceptInvitation, decideJoinRequest, getInvitation, inviteMember, requestToJoin } from '~/domain/orgs/invitations.server'
import { getMembersOverview, leaveOrganisation, removeMember, setListed, transferOwnership } from '~/domain/orgs/members.server'
import { createOrganisation, declareClusterMemberships, getMemberProfile, getOrganisationProfile, updateOrganisation, verifyOrganisation } from '~/domain/orgs/profile.server'
import type { Actor } from '~/domain/actor'
import { translatorFor } from '~/i18n/translators'
import { makeUser } from './factories'
import { isolatedMongoUri } from './support'

const { t } = translatorFor('fr')
const publicUrl = 'https://passerelle.test'

let sent: OutgoingMail[] = []
const mailer = { send: async (mail: OutgoingMail) => void sent.push(mail) }

const ctx = (actor: Actor) => ({ actor, t, mailer, publicUrl })

function profile(overrides: Partial<OrgCreateInput> = {}) {
  return orgCreateSchema().parse({
    name: 'Laboratoire des polymères du Jura',
    kind: 'lab',
    description: 'Caractérisation et mise en forme des polymères.',
    domains: ['plastics'],
    keywords: 'injection, extrusion',
    trlMin: 3,
    trlMax: 6,
    filieres: ['lunetterie'],
    territories: ['haut-jura'],
    commune: '39478',
    ...overrides,
  })
}

/** Runs `work` and returns the DomainError it must throw. */
async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError, the call succeeded')
}

const linkIn = (mail: OutgoingMail | undefined) => mail?.text.match(/https:\/\/passerelle\.test\/invitations\/([\w-]{43})/)?.[1]

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
})

afterAll(async () => {
  await mongoose.connection.dropDatabase()
  await mongoose.disconnect()
})

beforeEach(() => {
  sent = []
})

describe('creating an organisation', () => {
  it('makes the creator its owner, with the location from official codes, unverified', async () => {
    const owner = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile())
    expect(slug).toBe('laboratoire-des-polymeres-du-jura')
    const membership = await Membership.findOne({ orgId: id }).lean()
    expect(membership).toMatchObject({ role: 'owner', listed: true })
    expect(String(membership?.userId)).toBe(owner.id)
    const org = await Organisation.findById(id).lean()
    expect(org?.location).toMatchObject({ communeCode: '39478', communeName: 'Saint-Claude', departementName: 'Jura', regionName: 'Bourgogne-Franche-Comté' })
    expect(org?.verifiedAt).toBeNull()
    expect(org?.keywords).toEqual(['injection', 'extrusion'])
  })

  it('gives a second organisation of the same name a suffixed slug', async () => {
    const owner = await makeUser('researcher')
    const first = await createOrganisation(ctx(owner), profile({ name: 'Centre Homonyme' }))
    const second = await createOrganisation(ctx(owner), profile({ name: 'Centre Homonyme' }))
    expect([first.slug, second.slug]).toEqual(['centre-homonyme', 'centre-homonyme-2'])
  })

  it('takes a commune typed by name when it names exactly one commune', async () => {
    const owner = await makeUser('researcher')
    const { id } = await createOrganisation(ctx(owner), profile({ name: 'Lunetiers de Morez', commune: undefined, communeSearch: 'Morez' }))
    expect((await Organisation.findById(id).lean())?.location?.communeCode).toBe('39368')
  })

  it('answers an unknown commune code with a field error and saves nothing', async () => {
    const owner = await makeUser('researcher')
    const before = { orgs: await Organisation.countDocuments(), memberships: await Membership.countDocuments() }
    const error = await refusal(() => createOrganisation(ctx(owner), profile({ name: 'Nulle Part', commune: '99999' })))
    expect(error.code).toBe('invalid')
    expect(error.fieldErrors?.commune).toEqual(['orgs.errors.communeUnknown'])
    expect(translateMessage(t, error.fieldErrors!.commune![0]!)).toBe('Ce code ne correspond à aucune commune actuelle.')
    expect({ orgs: await Organisation.countDocuments(), memberships: await Membership.countDocuments() }).toEqual(before)
  })

  it('lists suggestions when a typed name is shared by several communes, and saves nothing', async () => {
    const owner = await makeUser('researcher')
    const before = await Organisation.countDocuments()
    const error = await refusal(() => createOrganisation(ctx(owner), profile({ name: 'Ambigu', commune: undefined, communeSearch: 'Saint-Claude' })))
    expect(translateMessage(t, error.fieldErrors!.commune![0]!)).toMatch(/Plusieurs communes.*Saint-Claude \(39\).*Saint-Claude \(971\)/)
    expect(await Organisation.countDocuments()).toBe(before)
  })

  it('saves nothing when the database refuses a value the form let through', async () => {
    const owner = await makeUser('researcher')
    const before = { orgs: await Organisation.countDocuments(), memberships: await Membership.countDocuments() }
    // A caller skipping the schema: the model's own limits still hold, in the same transaction.
    const data = { ...profile({ name: 'Trop long' }), keywords: ['k'.repeat(61)] }
    await expect(createOrganisation(ctx(owner), data)).rejects.toThrow(/keywords/)
    expect({ orgs: await Organisation.countDocuments(), memberships: await Membership.countDocuments() }).toEqual(before)
  })
})

describe('editing a profile', () => {
  it('lets owners and members edit, refuses outsiders (403) and keeps the profile unchanged', async () => {
    const owner = await makeUser('researcher')
    const member = await makeUser('researcher')
    const outsider = await makeUser('industrialist')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Atelier partagé' }))
    await Membership.create({ orgId: id, userId: member.id, role: 'member' })
    const update = (name: string) => orgUpdateSchema().parse({ name, commune: '39478' })

    const error = await refusal(() => updateOrganisation(ctx(outsider), slug, update('Pris par un inconnu')))
    expect(error.code).toBe('forbidden')
    expect((await Organisation.findById(id).lean())?.name).toBe('Atelier partagé')

    await updateOrganisation(ctx(member), slug, update('Atelier partagé (membre)'))
    expect((await Organisation.findById(id).lean())?.name).toBe('Atelier partagé (membre)')
    await updateOrganisation(ctx(owner), slug, update('Atelier partagé (propriétaire)'))
    expect((await Organisation.findById(id).lean())?.name).toBe('Atelier partagé (propriétaire)')
  })

  it('lets an admin edit any profile', async () => {
    const owner = await makeUser('researcher')
    const admin = await makeUser('admin')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Plateforme régionale' }))
    await updateOrganisation(ctx(admin), slug, orgUpdateSchema().parse({ name: 'Plateforme régionale (corrigée)', commune: '39478' }))
    expect((await Organisation.findById(id).lean())?.name).toBe('Plateforme régionale (corrigée)')
  })

  it('answers simultaneous saves of one profile with "changed meanwhile", never a crash, and keeps one whole version', async () => {
    const owner = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Atelier disputé' }))
    const versions = Array.from({ length: 6 }, (_, i) =>
      orgUpdateSchema().parse({ name: `Atelier disputé ${i}`, commune: '39478', keywords: `mot-${i}, autre-${i}`, equipment: `Machine ${i}` }),
    )
    const outcomes = await Promise.allSettled(versions.map((version) => updateOrganisation(ctx(owner), slug, version)))
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
    for (const error of refusals) {
      expect(error).toBeInstanceOf(DomainError)
      expect({ code: (error as DomainError).code, message: (error as DomainError).message }).toEqual({ code: 'conflict', message: 'orgs.errors.changedMeanwhile' })
    }
    expect(refusals.length).toBeLessThan(versions.length)
    const stored = await Organisation.findById(id).lean()
    const kept = versions.findIndex((version) => version.name === stored?.name)
    expect(kept).toBeGreaterThanOrEqual(0)
    expect({ keywords: stored?.keywords, equipment: stored?.equipment }).toEqual({ keywords: versions[kept]!.keywords, equipment: versions[kept]!.equipment })
  })

  it('answers 404 for an organisation that does not exist', async () => {
    const owner = await makeUser('researcher')
    expect((await refusal(() => updateOrganisation(ctx(owner), 'nexiste-pas', orgUpdateSchema().parse({ name: 'X y', commune: '39478' })))).code).toBe('not_found')
  })
})

describe('member and owner rights', () => {
  it('lets only owners manage members; members manage their own visibility', async () => {
    const owner = await makeUser('researcher')
    const member = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre des droits' }))
    await Membership.create({ orgId: id, userId: member.id, role: 'member' })

    expect((await refusal(() => inviteMember(ctx(member), slug, { email: 'x@exemple.test' }))).code).toBe('forbidden')
    expect((await refusal(() => removeMember(ctx(member), slug, owner.id))).code).toBe('forbidden')
    expect(sent).toEqual([])

    await setListed(ctx(member), slug, false)
    const publicProfile = await getOrganisationProfile(null, slug)
    expect(publicProfile.members.map((m) => m.userId)).toEqual([owner.id])

    const asMember = await getMembersOverview(ctx(member), slug)
    expect(asMember.viewer.canManage).toBe(false)
    expect(asMember.members.every((m) => m.email === null)).toBe(true)

    await removeMember(ctx(owner), slug, member.id)
    expect(await Membership.exists({ orgId: id, userId: member.id })).toBeNull()
  })

  it('refuses the members page to people outside the organisation', async () => {
    const owner = await makeUser('researcher')
    const outsider = await makeUser('researcher')
    const { slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre fermé' }))
    expect((await refusal(() => getMembersOverview(ctx(outsider), slug))).code).toBe('forbidden')
  })
})

describe('invitations', () => {
  it('mails a one-time link that only the invited address can accept', async () => {
    const owner = await makeUser('researcher')
    const invitee = await makeUser('industrialist')
    const intruder = await makeUser('industrialist')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre accueillant' }))

    await inviteMember(ctx(owner), slug, { email: invitee.email })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ to: invitee.email, subject: 'Invitation à rejoindre « Centre accueillant » sur Passerelle' })
    const token = linkIn(sent[0])
    expect(token).toBeDefined()
    // Only the hash is stored.
    expect(await Invitation.exists({ tokenHash: token })).toBeNull()

    expect((await refusal(() => getInvitation(intruder, token!))).code).toBe('not_found')
    expect((await refusal(() => acceptInvitation(ctx(intruder), token!))).code).toBe('not_found')
    expect(await Membership.exists({ orgId: id, userId: intruder.id })).toBeNull()

    const view = await getInvitation(null, token!)
    expect(view).toMatchObject({ org: { slug }, state: 'open', canAccept: false })

    await acceptInvitation(ctx(invitee), token!)
    expect(await Membership.findOne({ orgId: id, userId: invitee.id }).lean()).toMatchObject({ role: 'member' })
    expect((await refusal(() => acceptInvitation(ctx(invitee), token!))).code).toBe('conflict')
  })

  it('refuses an expired invitation', async () => {
    const owner = await makeUser('researcher')
    const invitee = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre pressé' }))
    await inviteMember(ctx(owner), slug, { email: invitee.email })
    await Invitation.updateMany({ orgId: id }, { expiresAt: new Date(Date.now() - 1000) })
    expect((await getInvitation(invitee, linkIn(sent[0])!)).state).toBe('expired')
    expect((await refusal(() => acceptInvitation(ctx(invitee), linkIn(sent[0])!))).code).toBe('conflict')
    expect(await Membership.exists({ orgId: id, userId: invitee.id })).toBeNull()
  })

  it('refuses to invite someone who is already a member', async () => {
    const owner = await makeUser('researcher')
    const { slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre complet' }))
    const error = await refusal(() => inviteMember(ctx(owner), slug, { email: owner.email }))
    expect(error.fieldErrors?.email).toEqual(['orgs.errors.alreadyMember'])
    expect(sent).toEqual([])
  })
})

describe('requests to join', () => {
  it('notifies the owners; they decline or accept and the requester is told', async () => {
    const owner = await makeUser('researcher')
    const requester = await makeUser('industrialist')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre demandé' }))

    const { requestId } = await requestToJoin(ctx(requester), slug, { message: 'Je travaille au laboratoire.' })
    expect(sent.map((mail) => mail.to)).toEqual([owner.email])
    expect(sent[0]?.text).toContain(`${publicUrl}/organisations/${slug}/membres`)
    expect((await refusal(() => requestToJoin(ctx(requester), slug, { message: '' }))).code).toBe('conflict')

    // Only owners decide.
    expect((await refusal(() => decideJoinRequest(ctx(requester), slug, requestId, 'accept'))).code).toBe('forbidden')

    sent = []
    await decideJoinRequest(ctx(owner), slug, requestId, 'decline')
    expect(await Membership.exists({ orgId: id, userId: requester.id })).toBeNull()
    expect(sent).toMatchObject([{ to: requester.email, subject: 'Votre demande pour rejoindre « Centre demandé »' }])
    expect((await refusal(() => decideJoinRequest(ctx(owner), slug, requestId, 'accept'))).code).toBe('not_found')

    const second = await requestToJoin(ctx(requester), slug, { message: '' })
    sent = []
    await decideJoinRequest(ctx(owner), slug, second.requestId, 'accept')
    expect(await Membership.findOne({ orgId: id, userId: requester.id }).lean()).toMatchObject({ role: 'member', listed: true })
    expect(sent).toMatchObject([{ to: requester.email, subject: 'Vous avez rejoint « Centre demandé »' }])
    expect(await JoinRequest.countDocuments({ orgId: id, status: 'pending' })).toBe(0)
    expect((await refusal(() => requestToJoin(ctx(requester), slug, { message: '' }))).code).toBe('conflict')
  })

  it('does not keep a request whose notification could not be sent', async () => {
    const owner = await makeUser('researcher')
    const requester = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre injoignable' }))
    const broken = { send: async () => Promise.reject(new Error('SMTP down')) }
    await expect(requestToJoin({ ...ctx(requester), mailer: broken }, slug, { message: '' })).rejects.toThrow('SMTP down')
    expect(await JoinRequest.countDocuments({ orgId: id })).toBe(0)
  })
})

describe('leaving and transferring ownership', () => {
  it('keeps the last owner until ownership is transferred', async () => {
    const owner = await makeUser('researcher')
    const member = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(owner), profile({ name: 'Centre transmis' }))
    await Membership.create({ orgId: id, userId: member.id, role: 'member' })

    const error = await refusal(() => leaveOrganisation(ctx(owner), slug))
    expect(error).toMatchObject({ code: 'conflict', message: 'orgs.errors.lastOwner' })
    expect(await Membership.findOne({ orgId: id, userId: owner.id }).lean()).toMatchObject({ role: 'owner' })

    expect((await refusal(() => transferOwnership(ctx(member), slug, member.id))).code).toBe('forbidden')
    await transferOwnership(ctx(owner), slug, member.id)
    expect(await Membership.findOne({ orgId: id, userId: member.id }).lean()).toMatchObject({ role: 'owner' })
    expect(await Membership.findOne({ orgId: id, userId: owner.id }).lean()).toMatchObject({ role: 'member' })

    await leaveOrganisation(ctx(owner), slug)
    expect(await Membership.exists({ orgId: id, userId: owner.id })).toBeNull()
  })

  it('never lets two owners leaving at once leave the organisation without an owner', async () => {
    const first = await makeUser('researcher')
    const second = await makeUser('researcher')
    const { id, slug } = await createOrganisation(ctx(first), profile({ name: 'Centre à deux têtes' }))
    await Membership.create({ orgId: id, userId: second.id, role: 'owner' })
    const results = await Promise.allSettled([leaveOrganisation(ctx(first), slug), leaveOrganisation(ctx(second), slug)])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(await Membership.countDocuments({ orgId: id, role: 'owner' })).toBe(1)
  })
})

describe('verification', () => {
  it('lets an animator verify inside their scope only, and an admin anywhere', async () => {
    const owner = await makeUser('researcher')
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    const admin = await makeUser('admin')
    const inside = await createOrganisation(ctx(owner), profile({ name: 'Labo du Haut-Jura', territories: ['haut-jura'] }))
    const outside = await createOrganisation(ctx(owner), profile({ name: 'Labo du Mans', territories: ['le-mans'], commune: '72181' }))

    await verifyOrganisation(ctx(animator), inside.slug)
    expect((await Organisation.findById(inside.id).lean())?.verifiedAt).toBeInstanceOf(Date)

    expect((await refusal(() => verifyOrganisation(ctx(animator), outside.slug))).code).toBe('forbidden')
    expect((await Organisation.findById(outside.id).lean())?.verifiedAt).toBeNull()
    expect((await refusal(() => verifyOrganisation(ctx(owner), outside.slug))).code).toBe('forbidden')

    await verifyOrganisation(ctx(admin), outside.slug)
    expect((await Organisation.findById(outside.id).lean())?.verifiedBy?.toString()).toBe(admin.id)
  })

  it('puts a company in the scope of the animator of a cluster it declared', async () => {
    const founder = await makeUser('animator')
    const cluster = await createOrganisation(ctx(founder), profile({ name: 'Cluster Lunetterie', kind: 'cluster', territories: [] }))
    const animator = await makeUser('animator', { animates: [{ kind: 'organisation', ref: cluster.id }] })
    const industrialist = await makeUser('industrialist')
    const company = await createOrganisation(ctx(industrialist), profile({ name: 'Lunettes Fictives SARL', kind: 'company', territories: [] }))

    expect((await refusal(() => verifyOrganisation(ctx(animator), company.slug))).code).toBe('forbidden')
    await declareClusterMemberships(ctx(industrialist), company.slug, [cluster.id])
    await verifyOrganisation(ctx(animator), company.slug)
    expect((await Organisation.findById(company.id).lean())?.verifiedAt).toBeInstanceOf(Date)
  })

  it('only accepts clusters and pôles as declared memberships, from companies', async () => {
    const owner = await makeUser('industrialist')
    const company = await createOrganisation(ctx(owner), profile({ name: 'Entreprise déclarante', kind: 'company' }))
    const lab = await createOrganisation(ctx(owner), profile({ name: 'Labo pas cluster' }))
    const error = await refusal(() => declareClusterMemberships(ctx(owner), company.slug, [lab.id]))
    expect(error.fieldErrors?.memberOf).toBeDefined()
    expect((await refusal(() => declareClusterMemberships(ctx(owner), lab.slug, []))).code).toBe('invalid')
    expect((await Organisation.findById(company.id).lean())?.memberOf).toEqual([])
  })
})

describe('public member profile', () => {
  it('shows the organisations where the person is listed, and 404 for an unknown id', async () => {
    const person = await makeUser('researcher')
    const shown = await createOrganisation(ctx(person), profile({ name: 'Où je figure' }))
    const hidden = await createOrganisation(ctx(person), profile({ name: 'Où je me cache' }))
    await setListed(ctx(person), hidden.slug, false)
    const visitor = await getMemberProfile(null, person.id)
    expect(visitor.user.name).toBe(person.name)
    expect(visitor.organisations.map((org) => org.slug)).toEqual([shown.slug])
    expect([visitor.canWrite, visitor.canReport]).toEqual([false, false])
    const other = await getMemberProfile(await makeUser('researcher'), person.id)
    expect([other.canWrite, other.canReport]).toEqual([true, true])
    const own = await getMemberProfile(person, person.id)
    expect([own.canWrite, own.canReport]).toEqual([false, false])
    expect((await refusal(() => getMemberProfile(null, new mongoose.Types.ObjectId().toString()))).code).toBe('not_found')
  })

  it('names the territories an animator runs, with links, and nothing of the kind for others', async () => {
    const animator = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }, { kind: 'organisation', ref: 'some-cluster' }] })
    expect((await getMemberProfile(null, animator.id)).territories).toEqual([{ id: 'haut-jura', name: 'Haut-Jura' }])
    const researcher = await makeUser('researcher', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
    expect((await getMemberProfile(null, researcher.id)).territories).toEqual([])
  })

  it('is gone, once hidden by moderation, for everyone but its owner', async () => {
    const person = await makeUser('researcher')
    await setHidden('user', person.id, { by: person.id, reason: 'Test', at: new Date() })
    expect((await refusal(() => getMemberProfile(null, person.id))).code).toBe('not_found')
    const stranger = await makeUser('researcher')
    expect((await refusal(() => getMemberProfile(stranger, person.id))).code).toBe('not_found')
    expect((await getMemberProfile(person, person.id)).user.id).toBe(person.id)
  })
})
