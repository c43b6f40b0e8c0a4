import { territoryName } from '../territories/catalogue'
import { withValues } from '~/i18n/translate-message'
import { conflict, DomainError, invalid, notFound } from '../errors'
import type { Actor } from '../actor'
import { assertAllowed, mayCreateOrganisation, mayReportUser, maySeeProfile, mayWriteTo, mayJoinOrganisation, mayManageMembers, maySeeMembers, mayUpdateOrganisation, mayVerifyOrganisation } from '../permissions'
import { communeLabel, type CommuneLocation } from '../places/commune'
import { resolveCommune, resolveCommuneText } from '../places/communes.server'
import { User } from '../users/model.server'
import { animatedKinds, type OrgKind } from './kinds'
import { JoinRequest } from './membership-models.server'
import { isHidden } from '../moderation/hidden.server'
import { DIRECTORY_COLLATION, Membership, Organisation } from './model.server'
import type { OrgCreateData, OrgUpdateData } from './schema'
import { firstFreeSlug, slugify } from './slug'
import { inTransaction, isDuplicateKey, saveIfUnchanged, requireOrganisation, standing, assertMayUpdate, type OrgContext, type OrgDocument } from './common.server'

/** An organisation's profile: creating and editing it, verifying it, the directory and the public pages. */

// ——— Location ———

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
    const location = resolveCommune(commune, communeSearch)
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

// ——— Organisations ———

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
    ...profileFieldsOf(org),
    contactName: contact?.name ?? '',
    contactRole: contact?.role ?? '',
    contactEmail: contact?.email ?? '',
    contactPhone: contact?.phone ?? '',
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
  delegatedName: location.delegatedName ?? null,
})

/** The profile as both the edit form and the public page show it. */
const profileFieldsOf = (org: OrgDocument) => ({
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
    location: org.location ? pickLocation(org.location) : null,
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

// ——— Reading ———

export const DIRECTORY_PAGE_SIZE = 20

/** The public directory: every organisation, optionally of one kind, by name. */
export async function listOrganisations({ kind, page }: { kind?: OrgKind; page: number }) {
  const filter = kind ? { kind } : {}
  // The whole directory is counted from the collection's metadata, not by reading every organisation.
  const total = kind ? await Organisation.countDocuments(filter) : await Organisation.estimatedDocumentCount()
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE))
  const current = Math.min(Math.max(1, page), pages)
  const items = await Organisation.find(filter, { slug: 1, name: 1, kind: 1, verifiedAt: 1, location: 1, domains: 1, description: 1, fictional: 1 })
    .collation(DIRECTORY_COLLATION)
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
      ...profileFieldsOf(org),
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

/** Clusters and pôles a company may declare itself a member of. */
export async function listClusterChoices() {
  const clusters = await Organisation.find({ kind: { $in: animatedKinds } }, { name: 1, kind: 1, slug: 1 })
    .collation(DIRECTORY_COLLATION)
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
  const user = await User.findOne({ _id: userId, deletedAt: null }, { name: 1, title: 1, fictional: 1, role: 1, animates: 1 }).lean()
  if (!user || !maySeeProfile(viewer, { userId, hidden: await isHidden('user', userId) })) throw notFound()
  const memberships = await Membership.find({ userId: user._id, listed: true }, { orgId: 1, role: 1 }).lean()
  const orgs = await Organisation.find({ _id: { $in: memberships.map((m) => m.orgId) } }, { slug: 1, name: 1, kind: 1, verifiedAt: 1 })
    .collation(DIRECTORY_COLLATION)
    .sort({ name: 1 })
    .lean()
  const roleByOrg = new Map(memberships.map((m) => [String(m.orgId), m.role]))
  return {
    user: { id: String(user._id), name: user.name, title: user.title ?? '', fictional: user.fictional },
    canWrite: mayWriteTo(viewer, userId),
    canReport: mayReportUser(viewer, userId),
    // An animator's territories are public: their page names them as its contacts.
    territories: user.role === 'animator' ? (user.animates ?? []).filter((space) => space.kind === 'territory').flatMap((space) => (territoryName(space.ref) ? [{ id: space.ref, name: territoryName(space.ref)! }] : [])) : [],
    organisations: orgs.map((org) => ({ slug: org.slug, name: org.name, kind: org.kind, verified: Boolean(org.verifiedAt), role: roleByOrg.get(String(org._id)) ?? 'member' })),
  }
}
