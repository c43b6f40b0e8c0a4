import mongoose from 'mongoose'
import type { Space } from '../actor'
import { organisationSpaces } from '../permissions'
import { isObjectId } from '../ids'
import type { OrgKind } from './kinds'
import { Membership, Organisation } from './model.server'

/**
 * "Which organisations does this person belong to, who belongs to this one" — the membership
 * questions every area asks, answered here only (the orgs area owns the Membership collection).
 * Writes (joining, leaving, handing over) stay in members.server.ts and invitations.server.ts,
 * inside their transactions.
 */
export async function isMemberOf(userId: string, orgId: string | mongoose.Types.ObjectId, session?: mongoose.ClientSession): Promise<boolean> {
  if (!isObjectId(userId) || !isObjectId(String(orgId))) return false
  const found = await Membership.exists({ userId, orgId }).session(session ?? null)
  return Boolean(found)
}

export type MemberOrganisation = {
  id: string
  name: string
  kind: OrgKind
  size: 'tpe' | 'pme' | 'eti' | 'ge' | null
  location: { departementCode: string; departementName: string; regionCode: string; regionName: string; communeCode: string; communeName: string; delegatedName: string | null } | null
  territories: string[]
  memberOf: string[]
}

/** The organisations a user belongs to, optionally only of some kinds, by name. */
export async function organisationsOf(userId: string, kinds?: readonly OrgKind[]): Promise<MemberOrganisation[]> {
  if (!isObjectId(userId)) return []
  const orgIds = (await Membership.find({ userId }, { orgId: 1 }).lean()).map((membership) => membership.orgId)
  if (!orgIds.length) return []
  const filter: Record<string, unknown> = { _id: { $in: orgIds } }
  if (kinds) filter.kind = { $in: kinds }
  const orgs = await Organisation.find(filter).sort({ name: 1 }).lean()
  return orgs.map((org) => ({
    id: String(org._id),
    name: org.name,
    kind: org.kind,
    size: org.size ?? null,
    location: org.location
      ? {
          departementCode: org.location.departementCode,
          departementName: org.location.departementName,
          regionCode: org.location.regionCode,
          regionName: org.location.regionName,
          communeCode: org.location.communeCode,
          communeName: org.location.communeName,
          delegatedName: org.location.delegatedName ?? null,
        }
      : null,
    territories: org.territories ?? [],
    memberOf: (org.memberOf ?? []).map(String),
  }))
}

/** Ids of every member of an organisation (for a project's member list). */
export async function memberIdsOf(orgId: string | mongoose.Types.ObjectId, session?: mongoose.ClientSession): Promise<mongoose.Types.ObjectId[]> {
  const memberships = await Membership.find({ orgId }, { userId: 1 }).session(session ?? null).lean()
  return memberships.map((membership) => membership.userId)
}

type Id = string | mongoose.Types.ObjectId

/** Member of at least one of these organisations (a colleague on either side of a project). */
export async function isMemberOfAny(userId: string, orgIds: readonly Id[]): Promise<boolean> {
  if (!isObjectId(userId)) return false
  return Boolean(await Membership.exists({ userId, orgId: { $in: orgIds } }))
}

/** Ids of the organisations these people belong to (one person or several). */
export async function orgIdsOf(userIds: Id | readonly Id[]): Promise<mongoose.Types.ObjectId[]> {
  const filter = Array.isArray(userIds) ? { userId: { $in: userIds } } : { userId: userIds }
  return (await Membership.find(filter, { orgId: 1 }).lean()).map((membership) => membership.orgId)
}

/** Who belongs to which of these organisations: one pair per membership. */
export async function membershipsOf(orgIds: readonly Id[]): Promise<Array<{ orgId: string; userId: string }>> {
  const memberships = await Membership.find({ orgId: { $in: orgIds } }, { orgId: 1, userId: 1 }).lean()
  return memberships.map((membership) => ({ orgId: String(membership.orgId), userId: String(membership.userId) }))
}

/** The members of each of these organisations, by organisation id. */
export async function memberIdsByOrg(orgIds: readonly Id[]): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>()
  for (const { orgId, userId } of await membershipsOf(orgIds)) byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), userId])
  return byOrg
}

/** Ids of an organisation's owners (whom a join request or a recommendation is told to). */
export async function ownerIdsOf(orgId: Id): Promise<mongoose.Types.ObjectId[]> {
  return (await Membership.find({ orgId, role: 'owner' }, { userId: 1 }).lean()).map((membership) => membership.userId)
}

/** The spaces of people: those of every organisation they belong to (permissions.ts' `organisationSpaces`). */
export async function spacesOfPeople(userIds: Id | readonly Id[]): Promise<Space[]> {
  const orgs = await Organisation.find({ _id: { $in: await orgIdsOf(userIds) } }, { kind: 1, territories: 1, memberOf: 1 }).lean()
  return orgs.flatMap((org) => organisationSpaces({ kind: org.kind, territories: org.territories, memberOf: org.memberOf }))
}
