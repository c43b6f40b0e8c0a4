import { createHash, randomBytes } from 'node:crypto'
import type { TFunction } from 'i18next'
import mongoose, { type ClientSession } from 'mongoose'
import { createI18n, isLanguage } from '~/i18n/config'
import { withValues } from '~/i18n/translate-message'
import { conflict, DomainError, forbidden, invalid, notFound } from '../errors'
import type { Mailer } from '../mail/mailer'
import type { Actor } from '../actor'
import { assertAllowed, mayCreateOrganisation, mayReportUser, maySeeProfile, mayWriteTo, mayJoinOrganisation, mayManageMembers, maySeeMembers, mayTransferOwnership, mayUpdateOrganisation, mayVerifyOrganisation } from '../permissions'
import { communeLabel, type CommuneLocation } from '../places/commune'
import { resolveCommune, resolveCommuneText } from '../places/communes.server'
import { User } from '../users/model.server'
import { animatedKinds, type OrgKind } from './kinds'
import { INVITATION_TTL_MS, Invitation, JoinRequest } from './membership-models.server'
import { isHidden } from '../moderation/hidden.server'
import { isMemberOf, ownerIdsOf } from './memberships.server'
import { Membership, Organisation } from './model.server'
import type { OrgCreateData, OrgUpdateData } from './schema'
import { firstFreeSlug, slugify } from './slug'

/**
 * Organisations and memberships: profiles, verification, invitations, join requests and
 * members. Who may do what is asked of permissions.ts; membership reads shared with other
 * areas are in ./memberships.server.ts. Callers pass data already parsed with the zod schemas
 * of ./schema.ts; what needs the database or the commune list is checked here.
 */
/** `t`: the actor's language, for what is written on their behalf (an invitation to an address with no account yet). Refusals are keys. */
export type OrgContext = { actor: Actor; t: TFunction }
export type MailContext = { mailer: Mailer; publicUrl: string }

type OrgDocument = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>

// ---------------------------------------------------------------------------------------------
// Plumbing

let indexesReady: Promise<unknown> | undefined
/** Unique indexes must exist before we rely on them (slug, one pending request per person). */
const ensureIndexes = () => (indexesReady ??= Promise.all([Organisation.init(), Membership.init(), Invitation.init(), JoinRequest.init()]))

/** Runs `work` in a MongoDB transaction (retried on transient conflicts): all of it, or nothing. */
async function inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
  await ensureIndexes()
  const session = await mongoose.startSession()
  try {
    let result: T | undefined
    await session.withTransaction(async () => {
      result = await work(session)
    })
    return result as T
  } finally {
    await session.endSession()
  }
}

/**
 * Writes to the organisation document inside a membership transaction, so two concurrent
 * membership changes of one organisation conflict and one is retried on fresh data (no
 * "both owners left at once").
 */
const lockOrganisation = (orgId: mongoose.Types.ObjectId, session: ClientSession) =>
  Organisation.updateOne({ _id: orgId }, { $currentDate: { updatedAt: true } }, { session })

const isDuplicateKey = (error: unknown, field?: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: number }).code === 11000 &&
  (!field || Object.hasOwn((error as { keyPattern?: object }).keyPattern ?? {}, field))

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

function findOrganisation(slug: string) {
  return Organisation.findOne({ slug })
}

/**
 * Writes the changes made to `org` only if nobody wrote it since it was read: of two saves at
 * once, the later is told the profile changed meanwhile (409) instead of failing on a version
 * clash of its arrays (500).
 */
async function saveIfUnchanged(org: OrgDocument) {
  await org.validate()
  const result = await Organisation.updateOne({ _id: org._id, updatedAt: org.updatedAt }, org.getChanges())
  if (result.matchedCount === 0) throw conflict('orgs.errors.changedMeanwhile')
}

async function requireOrganisation(slug: string) {
  const org = await findOrganisation(slug)
  if (!org) throw notFound()
  return org
}


/** The actor's standing in an organisation: the facts the permission predicates look at. */
async function standing(actor: Actor | null, org: OrgDocument) {
  const own = actor ? await Membership.findOne({ orgId: org._id, userId: actor.id }, { role: 1, listed: 1 }).lean() : null
  return { member: Boolean(own), owner: own?.role === 'owner', role: own?.role ?? null, listed: own?.listed ?? false }
}

const assertMayUpdate = async (actor: Actor, org: OrgDocument) => assertAllowed(mayUpdateOrganisation(actor, await standing(actor, org)))
const assertMayManageMembers = async (actor: Actor, org: OrgDocument) => assertAllowed(mayManageMembers(actor, await standing(actor, org)))

/** The translation function of someone we write to, in their own language. */
function tFor(language: unknown) {
  return createI18n(isLanguage(language) ? language : 'fr').t
}

// ---------------------------------------------------------------------------------------------
// Location

/** Errors for the commune field, or null when the choice names one commune. */
export function communeChoiceErrors(choice: { commune?: string; communeSearch?: string }): string[] | null {
  try {
    locationFromChoice(choice)
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors?.commune ?? null
    throw error
  }
}

/** A picked code is taken as is; typed text must name exactly one commune. Never stores free text. */
function locationFromChoice({ commune, communeSearch }: { commune?: string; communeSearch?: string }): CommuneLocation {
  const fail = (message: string) => invalid(message, { commune: [message] })
  if (commune) {
    const location = resolveCommune(commune)
    if (!location) throw fail('orgs.errors.communeUnknown')
    return location
  }
  const query = (communeSearch ?? '').trim()
  if (!query) throw fail('orgs.errors.communeRequired')
  const result = resolveCommuneText(query)
  if (result.status === 'found') return result.location
  const labels = result.suggestions.map((suggestion) => communeLabel(suggestion))
  if (result.status === 'ambiguous') {
    throw fail(withValues('orgs.errors.communeAmbiguous', { query, suggestions: labels.join(', '), example: labels[0] ?? '' }))
  }
  throw fail(labels.length ? withValues('orgs.errors.communeNotFoundSuggestions', { query, suggestions: labels.join(', ') }) : withValues('orgs.errors.communeNotFound', { query }))
}

function profileFields(data: OrgUpdateData, location: CommuneLocation, kind: OrgKind) {
  const contact = { name: data.contactName, role: data.contactRole, email: data.contactEmail, phone: data.contactPhone }
  return {
    name: data.name,
    description: data.description,
    domains: data.domains,
    keywords: data.keywords,
    equipment: data.equipment,
    trlMin: data.trlMin ?? null,
    trlMax: data.trlMax ?? null,
    filieres: data.filieres,
    territories: data.territories,
    website: data.website,
    contacts: Object.values(contact).some(Boolean) ? [contact] : [],
    size: kind === 'company' ? (data.size ?? null) : null,
    location: { ...location, coordinates: undefined },
  }
}

// ---------------------------------------------------------------------------------------------
// Organisations

/** Creates the organisation and makes its creator the owner, in one transaction. */
export async function createOrganisation({ actor }: OrgContext, data: OrgCreateData): Promise<{ id: string; slug: string }> {
  assertAllowed(mayCreateOrganisation(actor))
  const location = locationFromChoice(data)
  const fields = { ...profileFields(data, location, data.kind), kind: data.kind }
  const base = slugify(data.name)
  // Another organisation may take the same slug between our read and our write: try again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = await Organisation.find({ slug: new RegExp(`^${base}(-\\d+)?$`) }, { slug: 1 }).lean()
    const slug = firstFreeSlug(base, taken.map((org) => org.slug))
    try {
      return await inTransaction(async (session) => {
        const [org] = await Organisation.create([{ ...fields, slug }], { session })
        await Membership.create([{ orgId: org!._id, userId: actor.id, role: 'owner', listed: true }], { session })
        return { id: String(org!._id), slug }
      })
    } catch (error) {
      if (!isDuplicateKey(error, 'slug')) throw error
    }
  }
  throw conflict('orgs.errors.invalidForm')
}

/** The organisation as its edit form needs it, for those who may edit it. */
export async function getOrganisationForEdit({ actor }: Pick<OrgContext, 'actor'>, slug: string) {
  const org = await requireOrganisation(slug)
  await assertMayUpdate(actor, org)
  const contact = org.contacts[0]
  return {
    id: String(org._id),
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    description: org.description,
    domains: [...org.domains],
    keywords: [...org.keywords],
    equipment: [...org.equipment],
    trlMin: org.trlMin ?? null,
    trlMax: org.trlMax ?? null,
    filieres: [...org.filieres],
    territories: [...org.territories],
    website: org.website,
    size: org.size ?? null,
    contactName: contact?.name ?? '',
    contactRole: contact?.role ?? '',
    contactEmail: contact?.email ?? '',
    contactPhone: contact?.phone ?? '',
    location: org.location ? pickLocation(org.location) : null,
    memberOf: org.memberOf.map(String),
  }
}

const pickLocation = (location: CommuneLocation): CommuneLocation => ({
  communeCode: location.communeCode,
  communeName: location.communeName,
  departementCode: location.departementCode,
  departementName: location.departementName,
  regionCode: location.regionCode,
  regionName: location.regionName,
})

export async function updateOrganisation({ actor }: OrgContext, slug: string, data: OrgUpdateData) {
  const org = await requireOrganisation(slug)
  await assertMayUpdate(actor, org)
  const location = locationFromChoice(data)
  org.set(profileFields(data, location, org.kind))
  await saveIfUnchanged(org)
  return { slug: org.slug }
}

/** A company says which clusters/pôles it belongs to (their animators then see it in scope). */
export async function declareClusterMemberships({ actor }: OrgContext, slug: string, clusterIds: string[]) {
  const org = await requireOrganisation(slug)
  await assertMayUpdate(actor, org)
  if (org.kind !== 'company') throw invalid('orgs.errors.notACompany')
  const ids = [...new Set(clusterIds)]
  const found = await Organisation.countDocuments({ _id: { $in: ids }, kind: { $in: animatedKinds } })
  if (found !== ids.length) throw invalid('orgs.errors.unknownCluster', { memberOf: ['orgs.errors.unknownCluster'] })
  org.set({ memberOf: ids })
  await saveIfUnchanged(org)
}

export async function verifyOrganisation({ actor }: Pick<OrgContext, 'actor'>, slug: string) {
  const org = await requireOrganisation(slug)
  assertAllowed(mayVerifyOrganisation(actor, org))
  if (!org.verifiedAt) {
    org.set({ verifiedAt: new Date(), verifiedBy: actor.id })
    await org.save()
  }
}

// ---------------------------------------------------------------------------------------------
// Invitations

/** Owners invite by e-mail; the link holds a one-time token valid 7 days. */
export async function inviteMember({ actor, t, mailer, publicUrl }: OrgContext & MailContext, slug: string, { email }: { email: string }) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  await ensureIndexes()
  const invitee = await User.findOne({ email }, { _id: 1 }).lean()
  if (invitee && (await isMemberOf(String(invitee._id), org._id))) {
    throw conflict('orgs.errors.alreadyMember', { email: ['orgs.errors.alreadyMember'] })
  }
  const inviter = await User.findById(actor.id, { name: 1 }).lean()
  const token = randomBytes(32).toString('base64url')
  const invitation = await Invitation.create({
    orgId: org._id,
    email,
    tokenHash: hashToken(token),
    invitedBy: actor.id,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  })
  try {
    const vars = { org: org.name, inviter: inviter?.name ?? '', link: `${publicUrl}/invitations/${token}` }
    await mailer.send({ to: email, subject: t('orgs.mail.invitationSubject', vars), text: t('orgs.mail.invitationText', vars) })
  } catch (error) {
    await Invitation.deleteOne({ _id: invitation._id })
    throw error
  }
  // A new invitation replaces older pending ones to the same address.
  await Invitation.updateMany(
    { orgId: org._id, email, _id: { $ne: invitation._id }, acceptedAt: null, revokedAt: null },
    { revokedAt: new Date() },
  )
  return { invitationId: String(invitation._id) }
}

export async function revokeInvitation({ actor }: Pick<OrgContext, 'actor'>, slug: string, invitationId: string) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  const result = await Invitation.updateOne({ _id: invitationId, orgId: org._id, acceptedAt: null, revokedAt: null }, { revokedAt: new Date() })
  if (result.matchedCount === 0) throw notFound()
}

export type InvitationView = {
  org: { name: string; slug: string }
  inviterName: string
  state: 'open' | 'expired' | 'used'
  /** The visitor is signed in with the invited address and may accept. */
  canAccept: boolean
}

/**
 * What the invitation page shows. Holding the link is enough to see whom it is from; a signed-in
 * person with another address gets a 404 (someone else's invitation is private).
 */
export async function getInvitation(actor: Actor | null, token: string): Promise<InvitationView> {
  const invitation = await Invitation.findOne({ tokenHash: hashToken(token) }).lean()
  if (!invitation || invitation.revokedAt) throw notFound()
  if (actor) {
    const user = await User.findById(actor.id, { email: 1 }).lean()
    if (!user || user.email !== invitation.email) throw notFound()
  }
  const [org, inviter] = await Promise.all([
    Organisation.findById(invitation.orgId, { name: 1, slug: 1 }).lean(),
    User.findById(invitation.invitedBy, { name: 1 }).lean(),
  ])
  if (!org) throw notFound()
  const state = invitation.acceptedAt ? 'used' : invitation.expiresAt <= new Date() ? 'expired' : 'open'
  return { org: { name: org.name, slug: org.slug }, inviterName: inviter?.name ?? '', state, canAccept: Boolean(actor) && state === 'open' }
}

/** The invited person, signed in with the invited address, becomes a member. */
export async function acceptInvitation({ actor }: OrgContext, token: string) {
  const view = await getInvitation(actor, token)
  if (view.state !== 'open') throw conflict(view.state === 'used' ? 'orgs.invitation.used' : 'orgs.invitation.expired')
  const now = new Date()
  await inTransaction(async (session) => {
    const invitation = await Invitation.findOneAndUpdate(
      { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { acceptedAt: now, acceptedBy: actor.id },
      { session, new: true },
    )
    if (!invitation) throw conflict('orgs.invitation.used')
    await lockOrganisation(invitation.orgId, session)
    await Membership.updateOne(
      { orgId: invitation.orgId, userId: actor.id },
      { $setOnInsert: { role: 'member', listed: true } },
      { upsert: true, session },
    )
    await JoinRequest.updateMany(
      { orgId: invitation.orgId, userId: actor.id, status: 'pending' },
      { status: 'accepted', decidedBy: invitation.invitedBy, decidedAt: now },
      { session },
    )
  })
  return view.org
}

// ---------------------------------------------------------------------------------------------
// Join requests

/** Anyone signed in may ask to join; the owners are told by e-mail. */
export async function requestToJoin({ actor, mailer, publicUrl }: OrgContext & MailContext, slug: string, { message }: { message: string }) {
  const org = await requireOrganisation(slug)
  const { member } = await standing(actor, org)
  if (member) throw conflict('orgs.errors.youAreAlreadyMember')
  assertAllowed(mayJoinOrganisation(actor, { member }))
  await ensureIndexes()
  let request
  try {
    request = await JoinRequest.create({ orgId: org._id, userId: actor.id, message })
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('orgs.errors.alreadyRequested')
    throw error
  }
  try {
    const requester = await User.findById(actor.id, { name: 1 }).lean()
    const ownerIds = await ownerIdsOf(org._id)
    const owners = await User.find({ _id: { $in: ownerIds } }, { email: 1, language: 1 }).lean()
    await Promise.all(
      owners.map((owner) => {
        const ownerT = tFor(owner.language)
        const vars = { name: requester?.name ?? '', org: org.name, message, link: `${publicUrl}/organisations/${org.slug}/membres` }
        return mailer.send({ to: owner.email, subject: ownerT('orgs.mail.joinRequestSubject', vars), text: ownerT('orgs.mail.joinRequestText', vars) })
      }),
    )
  } catch (error) {
    await JoinRequest.deleteOne({ _id: request._id })
    throw error
  }
  return { requestId: String(request._id) }
}

/** An owner accepts (the requester becomes a member) or declines; the requester is told by e-mail. */
export async function decideJoinRequest(
  { actor, mailer, publicUrl }: OrgContext & MailContext,
  slug: string,
  requestId: string,
  decision: 'accept' | 'decline',
) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  const request = await inTransaction(async (session) => {
    const decided = await JoinRequest.findOneAndUpdate(
      { _id: requestId, orgId: org._id, status: 'pending' },
      { status: decision === 'accept' ? 'accepted' : 'declined', decidedBy: actor.id, decidedAt: new Date() },
      { session, new: true },
    )
    if (!decided) throw notFound()
    if (decision === 'accept') {
      await lockOrganisation(org._id, session)
      await Membership.updateOne({ orgId: org._id, userId: decided.userId }, { $setOnInsert: { role: 'member', listed: true } }, { upsert: true, session })
    }
    return decided
  })
  const requester = await User.findById(request.userId, { email: 1, name: 1, language: 1 }).lean()
  if (requester) {
    const requesterT = tFor(requester.language)
    const vars = { org: org.name, link: `${publicUrl}/organisations/${org.slug}` }
    await mailer.send(
      decision === 'accept'
        ? { to: requester.email, subject: requesterT('orgs.mail.joinAcceptedSubject', vars), text: requesterT('orgs.mail.joinAcceptedText', vars) }
        : { to: requester.email, subject: requesterT('orgs.mail.joinDeclinedSubject', vars), text: requesterT('orgs.mail.joinDeclinedText', vars) },
    )
  }
  return { name: requester?.name ?? '' }
}

// ---------------------------------------------------------------------------------------------
// Memberships

/** A member leaves; the last owner must transfer ownership first. */
export async function leaveOrganisation({ actor }: OrgContext, slug: string) {
  const org = await requireOrganisation(slug)
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const membership = await Membership.findOneAndDelete({ orgId: org._id, userId: actor.id }, { session })
    if (!membership) throw notFound()
    if (membership.role === 'owner' && (await Membership.countDocuments({ orgId: org._id, role: 'owner' }, { session })) === 0) {
      throw conflict('orgs.errors.lastOwner')
    }
  })
  return { name: org.name }
}

/** The owner hands ownership to another member and stays on as a member. */
export async function transferOwnership({ actor }: OrgContext, slug: string, toUserId: string) {
  const org = await requireOrganisation(slug)
  // Checked again inside the transaction, against the memberships as they are then.
  assertAllowed(mayTransferOwnership(actor, await standing(actor, org)))
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const own = await Membership.findOne({ orgId: org._id, userId: actor.id, role: 'owner' }, null, { session })
    assertAllowed(mayTransferOwnership(actor, { owner: Boolean(own) }))
    const target = await Membership.findOne({ orgId: org._id, userId: toUserId }, null, { session })
    if (!target) throw notFound()
    if (target.role === 'owner') throw conflict('orgs.errors.alreadyOwner')
    target.set({ role: 'owner' })
    own!.set({ role: 'member' })
    await target.save({ session })
    await own!.save({ session })
  })
  return { name: (await User.findById(toUserId, { name: 1 }).lean())?.name ?? '' }
}

/** An owner removes someone else; there is always an owner left. */
export async function removeMember({ actor }: OrgContext, slug: string, userId: string) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  if (userId === actor.id) throw conflict('orgs.errors.cannotRemoveSelf')
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const removed = await Membership.findOneAndDelete({ orgId: org._id, userId }, { session })
    if (!removed) throw notFound()
    if (removed.role === 'owner' && (await Membership.countDocuments({ orgId: org._id, role: 'owner' }, { session })) === 0) {
      throw conflict('orgs.errors.lastOwner')
    }
  })
  return { name: (await User.findById(userId, { name: 1 }).lean())?.name ?? '' }
}

/** Each member chooses whether they appear on the public profile. */
export async function setListed({ actor }: Pick<OrgContext, 'actor'>, slug: string, listed: boolean) {
  const org = await requireOrganisation(slug)
  const result = await Membership.updateOne({ orgId: org._id, userId: actor.id }, { listed })
  if (result.matchedCount === 0) throw notFound()
}

// ---------------------------------------------------------------------------------------------
// Reading

export const DIRECTORY_PAGE_SIZE = 20

/** The public directory: every organisation, optionally of one kind, by name. */
export async function listOrganisations({ kind, page }: { kind?: OrgKind; page: number }) {
  const filter = kind ? { kind } : {}
  const total = await Organisation.countDocuments(filter)
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pages)
  const items = await Organisation.find(filter, { slug: 1, name: 1, kind: 1, verifiedAt: 1, location: 1, domains: 1, description: 1, fictional: 1 })
    .collation({ locale: 'fr', strength: 1 })
    .sort({ name: 1 })
    .skip((current - 1) * DIRECTORY_PAGE_SIZE)
    .limit(DIRECTORY_PAGE_SIZE)
    .lean()
  return {
    total,
    page: current,
    pages,
    items: items.map((org) => ({
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      verified: Boolean(org.verifiedAt),
      fictional: org.fictional,
      location: org.location ? pickLocation(org.location) : null,
      domains: [...org.domains],
      summary: org.description.length > 220 ? `${org.description.slice(0, 220).trimEnd()}…` : org.description,
    })),
  }
}

/** The public profile, plus what the viewer may do on it. */
export async function getOrganisationProfile(viewer: Actor | null, slug: string) {
  const org = await requireOrganisation(slug)
  const memberships = await Membership.find({ orgId: org._id, listed: true }, { userId: 1, role: 1 }).sort({ role: -1, createdAt: 1 }).lean()
  const users = await User.find({ _id: { $in: memberships.map((m) => m.userId) } }, { name: 1, title: 1 }).lean()
  const usersById = new Map(users.map((user) => [String(user._id), user]))
  const clusters = org.memberOf.length ? await Organisation.find({ _id: { $in: org.memberOf } }, { slug: 1, name: 1, kind: 1 }).lean() : []
  const own = await standing(viewer, org)
  const pendingRequest = viewer && !own.member ? await JoinRequest.exists({ orgId: org._id, userId: viewer.id, status: 'pending' }) : null
  const contact = org.contacts[0]
  return {
    org: {
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      description: org.description,
      domains: [...org.domains],
      keywords: [...org.keywords],
      equipment: [...org.equipment],
      trlMin: org.trlMin ?? null,
      trlMax: org.trlMax ?? null,
      filieres: [...org.filieres],
      territories: [...org.territories],
      location: org.location ? pickLocation(org.location) : null,
      website: org.website,
      size: org.size ?? null,
      contact: contact && (contact.name || contact.role || contact.email || contact.phone)
        ? { name: contact.name ?? '', role: contact.role ?? '', email: contact.email ?? '', phone: contact.phone ?? '' }
        : null,
      verified: Boolean(org.verifiedAt),
      fictional: org.fictional,
      memberOf: clusters.map((cluster) => ({ slug: cluster.slug, name: cluster.name, kind: cluster.kind })),
    },
    members: memberships.flatMap((membership) => {
      const user = usersById.get(String(membership.userId))
      return user ? [{ userId: String(user._id), name: user.name, title: user.title ?? '', role: membership.role }] : []
    }),
    viewer: viewer
      ? {
          role: own.role,
          hasPendingRequest: Boolean(pendingRequest),
          canEdit: mayUpdateOrganisation(viewer, own),
          canManageMembers: mayManageMembers(viewer, own),
          canSeeMembers: maySeeMembers(viewer, own),
          canVerify: !org.verifiedAt && mayVerifyOrganisation(viewer, org),
          canJoin: mayJoinOrganisation(viewer, own),
        }
      : null,
  }
}

/** The members page: for members (their own settings) and owners (everything). */
export async function getMembersOverview({ actor }: Pick<OrgContext, 'actor'>, slug: string) {
  const org = await requireOrganisation(slug)
  const own = await standing(actor, org)
  assertAllowed(maySeeMembers(actor, own))
  const manages = mayManageMembers(actor, own)
  const memberships = await Membership.find({ orgId: org._id }).sort({ role: -1, createdAt: 1 }).lean()
  const requests = manages ? await JoinRequest.find({ orgId: org._id, status: 'pending' }).sort({ createdAt: 1 }).lean() : []
  const invitations = manages
    ? await Invitation.find({ orgId: org._id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }).sort({ createdAt: -1 }).lean()
    : []
  const users = await User.find({ _id: { $in: [...memberships.map((m) => m.userId), ...requests.map((r) => r.userId)] } }, { name: 1, title: 1, email: 1 }).lean()
  const usersById = new Map(users.map((user) => [String(user._id), user]))
  return {
    org: { slug: org.slug, name: org.name, kind: org.kind },
    viewer: { userId: actor.id, role: own.role, listed: own.listed, canManage: manages },
    members: memberships.flatMap((membership) => {
      const user = usersById.get(String(membership.userId))
      if (!user) return []
      const self = String(user._id) === actor.id
      return [
        {
          userId: String(user._id),
          name: user.name,
          title: user.title ?? '',
          // Addresses are shown to those who manage members only.
          email: manages ? user.email : null,
          role: membership.role,
          listed: membership.listed,
          self,
          canRemove: manages && !self,
          canTransferTo: !self && membership.role === 'member' && mayTransferOwnership(actor, own),
        },
      ]
    }),
    requests: requests.map((request) => ({
      id: String(request._id),
      userId: String(request.userId),
      name: usersById.get(String(request.userId))?.name ?? '',
      message: request.message,
      createdAt: request.createdAt.toISOString(),
    })),
    invitations: invitations.map((invitation) => ({ id: String(invitation._id), email: invitation.email, expiresAt: invitation.expiresAt.toISOString() })),
  }
}

/** Clusters and pôles a company may declare itself a member of. */
export async function listClusterChoices() {
  const clusters = await Organisation.find({ kind: { $in: animatedKinds } }, { name: 1, kind: 1, slug: 1 })
    .collation({ locale: 'fr', strength: 1 })
    .sort({ name: 1 })
    .lean()
  return clusters.map((cluster) => ({ id: String(cluster._id), name: cluster.name, kind: cluster.kind, slug: cluster.slug }))
}

/**
 * A person's public profile: name, title, and the organisations where they chose to be listed,
 * with what the viewer may do there (write, report). A profile hidden by moderation is the same
 * 404 as an unknown one, except for its owner.
 */
export async function getMemberProfile(viewer: Actor | null, userId: string) {
  const user = await User.findById(userId, { name: 1, title: 1, fictional: 1 }).lean()
  if (!user || !maySeeProfile(viewer, { userId, hidden: await isHidden('user', userId) })) throw notFound()
  const memberships = await Membership.find({ userId: user._id, listed: true }, { orgId: 1, role: 1 }).lean()
  const orgs = await Organisation.find({ _id: { $in: memberships.map((m) => m.orgId) } }, { slug: 1, name: 1, kind: 1, verifiedAt: 1 })
    .collation({ locale: 'fr', strength: 1 })
    .sort({ name: 1 })
    .lean()
  const roleByOrg = new Map(memberships.map((m) => [String(m.orgId), m.role]))
  return {
    user: { id: String(user._id), name: user.name, title: user.title ?? '', fictional: user.fictional },
    canWrite: mayWriteTo(viewer, userId),
    canReport: mayReportUser(viewer, userId),
    organisations: orgs.map((org) => ({ slug: org.slug, name: org.name, kind: org.kind, verified: Boolean(org.verifiedAt), role: roleByOrg.get(String(org._id)) ?? 'member' })),
  }
}
