import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import type { OrgKind } from '~/domain/orgs/kinds'
import { e2eDb } from './db'

/**
 * Organisations, memberships and needs for the marketplace e2e tests, written straight into the
 * e2e server's database with the field names of the Organisation, Membership and Need schemas.
 */
const saintClaude = {
  communeCode: '39478',
  communeName: 'Saint-Claude',
  departementCode: '39',
  departementName: 'Jura',
  regionCode: '27',
  regionName: 'Bourgogne-Franche-Comté',
}

export async function createOrganisation(kind: OrgKind, name: string, overrides: { size?: 'tpe' | 'pme' | 'eti' | 'ge' | null } = {}) {
  const db = await e2eDb()
  const now = new Date()
  const { insertedId } = await db.collection('organisations').insertOne({
    slug: `e2e-${kind}-${randomUUID().slice(0, 8)}`,
    name,
    kind,
    description: 'Organisation fictive créée par un test.',
    domains: ['machine-vision'],
    keywords: [],
    equipment: [],
    trlMin: null,
    trlMax: null,
    filieres: [],
    location: saintClaude,
    territories: ['haut-jura'],
    website: '',
    contacts: [],
    memberOf: [],
    size: overrides.size ?? (kind === 'company' ? 'pme' : null),
    verifiedAt: kind === 'company' ? null : now,
    verifiedBy: null,
    fictional: true,
    createdAt: now,
    updatedAt: now,
  })
  return String(insertedId)
}

export async function addMember(orgId: string, userId: string, role: 'owner' | 'member' = 'member') {
  const db = await e2eDb()
  const now = new Date()
  await db.collection('memberships').insertOne({
    orgId: new mongoose.Types.ObjectId(orgId),
    userId: new mongoose.Types.ObjectId(userId),
    role,
    listed: true,
    createdAt: now,
    updatedAt: now,
  })
}

/** A need already online, with every field, as the need service would have stored it. */
export async function createPublishedNeed(companyOrgId: string, createdBy: string, fields: { title: string; summary: string; description: string; confidentiality: 'public' | 'members' | 'anonymous' }) {
  const db = await e2eDb()
  const now = new Date()
  const { insertedId } = await db.collection('needs').insertOne({
    companyOrgId: new mongoose.Types.ObjectId(companyOrgId),
    createdBy: new mongoose.Types.ObjectId(createdBy),
    ...fields,
    category: 'process',
    domains: ['plastics'],
    filiere: 'lunetterie',
    trlCurrent: 4,
    trlTarget: 7,
    stage: 'diagnostic',
    budgetRange: '10k_50k',
    deadline: null,
    territory: 'haut-jura',
    location: saintClaude,
    status: 'published',
    closedReason: null,
    spaces: [{ kind: 'territory', ref: 'haut-jura' }],
    publishedAt: now,
    projectId: null,
    proposalsReceived: 0,
    history: [{ by: new mongoose.Types.ObjectId(createdBy), at: now, from: 'draft', to: 'published', reason: '' }],
    createdAt: now,
    updatedAt: now,
  })
  return String(insertedId)
}
