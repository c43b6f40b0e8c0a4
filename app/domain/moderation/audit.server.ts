import type { Actor, Space } from '../actor'
import mongoose from 'mongoose'
import { Need } from '../needs/model.server'
import { Proposal } from '../proposals/model.server'
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
}

/** Actions read from the needs' and proposals' own histories (not stored twice). */
export const statusChangeActions = ['need.status', 'proposal.status'] as const

type Row = Omit<AuditRow, 'actorName'>

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
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => Boolean(id)))]
  const users = await mongoose.model('User').find({ _id: { $in: actorIds } }, { name: 1 }).lean<Array<{ _id: unknown; name: string }>>()
  const names = new Map(users.map((user) => [String(user._id), user.name]))
  return rows.map((row) => ({ ...row, actorName: row.actorId ? (names.get(row.actorId) ?? '') : '' }))
}
