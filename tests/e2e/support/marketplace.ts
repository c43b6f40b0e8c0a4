import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import type { OrgKind } from '~/domain/orgs/kinds'
import { createTestUser, e2eDb } from './db'

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

/**
 * A project as an accepted proposal leaves it (need in project, accepted proposal, project with
 * the members of both organisations), written into the e2e server's database.
 */
export async function startedProject() {
  const unique = randomUUID().slice(0, 6)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Projet ${unique}` })
  const researcher = await createTestUser({ role: 'researcher', name: `Hugo Projet ${unique}` })
  const companyName = `Montures du Jura ${unique} (fictive)`
  const labName = `Laboratoire Fabrication ${unique}`
  const companyId = await createOrganisation('company', companyName)
  const labId = await createOrganisation('lab', labName)
  await addMember(companyId, industrialist.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const title = `Branches imprimées en 3D ${unique}`
  const needId = await createPublishedNeed(companyId, industrialist.id, {
    title,
    summary: 'Imprimer des branches de lunettes en petite série.',
    description: 'Trois modèles, 500 paires par an.',
    confidentiality: 'public',
  })
  const db = await e2eDb()
  const id = (value: string) => new mongoose.Types.ObjectId(value)
  const now = new Date()
  const projectId = new mongoose.Types.ObjectId()
  const { insertedId: proposalId } = await db.collection('proposals').insertOne({
    needId: id(needId),
    orgId: id(labId),
    authorId: id(researcher.id),
    submissionId: randomUUID(),
    approach: 'Stéréolithographie pour les formes, fusion laser pour les charnières.',
    team: 'Deux ingénieurs procédés',
    durationMonths: 6,
    costRange: '50k_200k',
    trlStart: 4,
    trlEnd: 7,
    partners: [],
    status: 'accepted',
    declineReason: null,
    declineText: '',
    history: [],
    createdAt: now,
    updatedAt: now,
  })
  await db.collection('needs').updateOne({ _id: id(needId) }, { $set: { status: 'in_project', projectId } })
  await db.collection('projects').insertOne({
    _id: projectId,
    needId: id(needId),
    proposalId,
    companyOrgId: id(companyId),
    partnerOrgId: id(labId),
    members: [id(industrialist.id), id(researcher.id)],
    status: 'active',
    createdBy: id(industrialist.id),
    milestones: [],
    statusHistory: [],
    memberAdditions: [],
    createdAt: now,
    updatedAt: now,
  })
  return { industrialist, researcher, companyId, labId, needId, companyName, labName, title, url: `/projets/${String(projectId)}` }
}

/** A proposal of an organisation on a need, as the proposal service stores it; the need moves to « en discussion ». */
export async function createProposalOn(
  needId: string,
  orgId: string,
  authorId: string,
  fields: { approach: string; status?: 'submitted' | 'shortlisted'; costRange?: string; durationMonths?: number; trlStart?: number | null; trlEnd?: number | null; partners?: string[] },
) {
  const db = await e2eDb()
  const id = (value: string) => new mongoose.Types.ObjectId(value)
  const now = new Date()
  const { insertedId } = await db.collection('proposals').insertOne({
    needId: id(needId),
    orgId: id(orgId),
    authorId: id(authorId),
    submissionId: randomUUID(),
    approach: fields.approach,
    team: 'Deux ingénieurs et une doctorante',
    durationMonths: fields.durationMonths ?? 6,
    costRange: fields.costRange ?? '50k_200k',
    trlStart: fields.trlStart ?? null,
    trlEnd: fields.trlEnd ?? null,
    partners: fields.partners ?? [],
    status: fields.status ?? 'submitted',
    declineReason: null,
    declineText: '',
    history: [],
    createdAt: now,
    updatedAt: now,
  })
  await db.collection('needs').updateOne({ _id: id(needId), status: 'published' }, { $set: { status: 'in_discussion' } })
  return String(insertedId)
}
