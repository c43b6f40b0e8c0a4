import mongoose from 'mongoose'
import { isObjectId } from '../ids'
import type { OrgKind } from './kinds'
import { Membership, Organisation } from './model.server'

/**
 * "Which organisations does this person belong to, who belongs to this one" — the membership
 * questions every area asks, answered here only (the orgs area owns the Membership collection).
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
  location: { departementCode: string; departementName: string; regionCode: string; regionName: string; communeCode: string; communeName: string } | null
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
