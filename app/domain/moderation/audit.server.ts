import type { Actor, Space } from '../actor'
import mongoose from 'mongoose'
import { Need } from '../needs/model.server'
import { Message } from '../messaging/model.server'
import { Organisation } from '../orgs/model.server'
import { demoTerritories } from '../places/territories'
import { User } from '../users/model.server'
import { Proposal } from '../proposals/model.server'
import { GuichetRequest } from '../territories/guichet-model.server'
import { AuditEntry, type ModerationTargetKind } from './model.server'
import { spacesFilter } from './scope'
import { isObjectId } from '../ids'

/** What happened, recorded by every moderation action (and readable by the scope's animators). */
export type AuditInput = {
  actorId: string | null
  action: string
  targetKind: ModerationTargetKind
  targetId: string
  spaces: readonly Space[]
  reason?: string
  before?: string
  after?: string
  at?: Date
}

export async function recordAudit(entry: AuditInput, session?: mongoose.ClientSession) {
  await AuditEntry.create(
    [
      {
        actorId: entry.actorId,
        action: entry.action,
        targetKind: entry.targetKind,
        targetId: entry.targetId,
        spaces: entry.spaces,
        reason: (entry.reason ?? '').slice(0, 2000),
        before: (entry.before ?? '').slice(0, 500),
        after: (entry.after ?? '').slice(0, 500),
        at: entry.at ?? new Date(),
      },
    ],
    { session },
  )
}

export type AuditQuery = { action?: string; actorId?: string; from?: Date; to?: Date; limit?: number }

export type AuditRow = {
  id: string
  at: string
  actorId: string | null
  actorName: string
  action: string
  targetKind: string
  targetId: string
  reason: string
  before: string
  after: string
  /** What the entry is about, for a sentence a person reads: a name or title and where it is. */
  target: AuditTarget
}

/**
 * The target as people know it: a need's title, a person's or organisation's name, the author of
 * a message (whose text animators do not read here). `label` is null once the target is gone.
 */
export type AuditTarget = { label: string | null; href: string | null; ownerName: string | null }

/** Actions read from the needs' and proposals' own histories (not stored twice). */
export const statusChangeActions = ['need.status', 'proposal.status'] as const

type Row = Omit<AuditRow, 'actorName' | 'target'>

/** Transitions recorded on needs of the scope (`Need.history`), as audit rows. */
async function needTransitions(actor: Actor, query: AuditQuery, limit: number): Promise<Row[]> {
  const step: Record<string, unknown> = {}
  if (query.actorId) step['history.by'] = new mongoose.Types.ObjectId(query.actorId)
  if (query.from || query.to) step['history.at'] = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) }
  const rows = await Need.aggregate<{ _id: mongoose.Types.ObjectId; history: { by: mongoose.Types.ObjectId | null; at: Date; from: string; to: string; reason?: string } }>([
    { $match: spacesFilter(actor) },
    { $project: { history: 1 } },
    { $unwind: '$history' },
    { $match: step },
    { $sort: { 'history.at': -1 } },
    { $limit: limit },
  ])
  return rows.map((row) => ({
    id: `${String(row._id)}-${row.history.at.getTime()}`,
    at: row.history.at.toISOString(),
    actorId: row.history.by ? String(row.history.by) : null,
    action: 'need.status',
    targetKind: 'need',
    targetId: String(row._id),
    reason: row.history.reason ?? '',
    before: row.history.from,
    after: row.history.to,
  }))
}

/** Transitions of proposals answering needs of the scope (`Proposal.history`), as audit rows. */
async function proposalTransitions(actor: Actor, query: AuditQuery, limit: number): Promise<Row[]> {
  const needIds = (await Need.find(spacesFilter(actor), { _id: 1 }).lean()).map((need) => need._id)
  const step: Record<string, unknown> = {}
  if (query.actorId) step['history.by'] = new mongoose.Types.ObjectId(query.actorId)
  if (query.from || query.to) step['history.at'] = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) }
  const rows = await Proposal.aggregate<{ _id: mongoose.Types.ObjectId; history: { by: mongoose.Types.ObjectId | null; at: Date; from: string; to: string } }>([
    { $match: { needId: { $in: needIds } } },
    { $project: { history: 1 } },
    { $unwind: '$history' },
    { $match: step },
    { $sort: { 'history.at': -1 } },
    { $limit: limit },
  ])
  return rows.map((row) => ({
    id: `${String(row._id)}-${row.history.at.getTime()}`,
    at: row.history.at.toISOString(),
    actorId: row.history.by ? String(row.history.by) : null,
    action: 'proposal.status',
    targetKind: 'proposal',
    targetId: String(row._id),
    reason: '',
    before: row.history.from,
    after: row.history.to,
  }))
}

/**
 * The audit log of the actor's scope, latest first, filtered by action, actor and dates:
 * moderation actions (stored here) merged with the status changes of needs and proposals
 * (read from their own histories).
 */
export async function searchAudit(actor: Actor, query: AuditQuery): Promise<AuditRow[]> {
  const limit = query.limit ?? 500
  const validActor = !query.actorId || isObjectId(query.actorId)
  if (!validActor) return []
  const wants = (action: string) => !query.action || query.action === action
  const filter: Record<string, unknown> = { ...spacesFilter(actor) }
  if (query.action) filter.action = query.action
  if (query.actorId) filter.actorId = new mongoose.Types.ObjectId(query.actorId)
  if (query.from || query.to) filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) }
  const stored = (statusChangeActions as readonly string[]).includes(query.action ?? '') ? [] : await AuditEntry.find(filter).sort({ at: -1, _id: -1 }).limit(limit).lean()
  const rows: Row[] = [
    ...stored.map((entry) => ({
      id: String(entry._id),
      at: entry.at.toISOString(),
      actorId: entry.actorId ? String(entry.actorId) : null,
      action: entry.action,
      targetKind: entry.targetKind,
      targetId: entry.targetId,
      reason: entry.reason ?? '',
      before: entry.before ?? '',
      after: entry.after ?? '',
    })),
    ...(wants('need.status') ? await needTransitions(actor, query, limit) : []),
    ...(wants('proposal.status') ? await proposalTransitions(actor, query, limit) : []),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit)
  const targets = await describeTargets(rows)
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => Boolean(id)))]
  const names = await userNames(actorIds)
  return rows.map((row) => ({
    ...row,
    actorName: row.actorId ? (names.get(row.actorId) ?? '') : '',
    target: targets.get(`${row.targetKind}:${row.targetId}`) ?? { label: null, href: null, ownerName: null },
  }))
}

async function userNames(ids: readonly string[]) {
  const valid = ids.filter(isObjectId)
  if (!valid.length) return new Map<string, string>()
  const users = await User.find({ _id: { $in: valid } }, { name: 1 }).lean()
  return new Map(users.map((user) => [String(user._id), user.name]))
}

/** One read per kind of target for the whole page, never one per row. */
async function describeTargets(rows: Row[]): Promise<Map<string, AuditTarget>> {
  const idsOf = (kind: string) => [...new Set(rows.filter((row) => row.targetKind === kind).map((row) => row.targetId).filter(isObjectId))]
  const [needs, proposals, orgs, messages, people, guichetRequests] = await Promise.all([
    Need.find({ _id: { $in: idsOf('need') } }, { title: 1 }).lean(),
    Proposal.find({ _id: { $in: idsOf('proposal') } }, { needId: 1 }).lean(),
    Organisation.find({ _id: { $in: idsOf('organisation') } }, { name: 1, slug: 1 }).lean(),
    Message.find({ _id: { $in: idsOf('message') } }, { authorId: 1 }).lean(),
    userNames(idsOf('user')),
    GuichetRequest.find({ _id: { $in: idsOf('guichet_request') } }, { subject: 1 }).lean(),
  ])
  const proposalNeeds = await Need.find({ _id: { $in: proposals.map((proposal) => proposal.needId) } }, { title: 1 }).lean()
  const needTitles = new Map([...needs, ...proposalNeeds].map((need) => [String(need._id), need.title]))
  const authors = await userNames(messages.map((message) => String(message.authorId)))
  const targets = new Map<string, AuditTarget>()
  for (const need of needs) targets.set(`need:${need._id}`, { label: need.title, href: `/besoins/${need._id}`, ownerName: null })
  for (const proposal of proposals) {
    const needId = String(proposal.needId)
    targets.set(`proposal:${proposal._id}`, { label: needTitles.get(needId) ?? null, href: `/besoins/${needId}`, ownerName: null })
  }
  for (const org of orgs) targets.set(`organisation:${org._id}`, { label: org.name, href: `/organisations/${org.slug}`, ownerName: null })
  for (const [id, name] of people) targets.set(`user:${id}`, { label: name, href: `/membres/${id}`, ownerName: null })
  for (const message of messages) targets.set(`message:${message._id}`, { label: null, href: null, ownerName: authors.get(String(message.authorId)) ?? null })
  for (const request of guichetRequests) targets.set(`guichet_request:${request._id}`, { label: request.subject, href: `/animation/guichet#demande-${request._id}`, ownerName: null })
  for (const row of rows) if (row.targetKind === 'space') targets.set(`space:${row.targetId}`, { label: spaceLabel(row.targetId), href: null, ownerName: null })
  return targets
}

/** "territory:haut-jura" → the territory's name; an organisation space keeps its reference. */
function spaceLabel(targetId: string) {
  const [kind, ref] = targetId.split(':')
  if (kind === 'territory' && ref) return demoTerritories.find((territory) => territory.id === ref)?.name ?? ref
  return ref ?? targetId
}
