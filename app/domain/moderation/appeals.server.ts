import type { Actor, Space } from '../actor'
import { conflict, forbidden, invalid, notFound } from '../errors'
import { isMemberOf, orgIdsOf, spacesOfPeople } from '../orgs/memberships.server'
import { Need } from '../needs/model.server'
import { recordAudit } from './audit.server'
import { ageInDays } from './follow-up'
import { ModerationState } from './model.server'
import { isModerator, mayModerateSpaces, organisationSpaces } from '../permissions'
import { spacesFilter } from './scope'
import { isObjectId } from '../ids'

/**
 * Appeals: the author of hidden content sees why it was hidden and may appeal once; an
 * animator of its scope lifts the hiding or upholds it. Needs are authored by their company's
 * members, a profile by its person.
 */
export type Clock = { now?: Date }
type AppealTarget = 'need' | 'user'


async function spacesOf(targetKind: AppealTarget, targetId: string): Promise<Space[]> {
  if (targetKind === 'need') return ((await Need.findById(targetId, { spaces: 1 }).lean())?.spaces ?? []) as Space[]
  return spacesOfPeople(targetId)
}

async function isAuthor(actor: Actor, targetKind: AppealTarget, targetId: string) {
  if (targetKind === 'user') return targetId === actor.id
  const need = await Need.findById(targetId, { companyOrgId: 1 }).lean()
  return Boolean(need && (await isMemberOf(actor.id, need.companyOrgId)))
}

export type HiddenItem = { targetKind: AppealTarget; targetId: string; label: string; hiddenAt: string; reason: string; appealedAt: string | null; appealDecision: 'lifted' | 'upheld' | null }

/** What of the actor's is hidden (their profile, their companies' needs), and why. */
export async function myHiddenContent(actor: Actor): Promise<HiddenItem[]> {
  const companyIds = await orgIdsOf(actor.id)
  const needs = await Need.find({ companyOrgId: { $in: companyIds } }, { title: 1 }).lean()
  const titles = new Map(needs.map((need) => [String(need._id), need.title]))
  const states = await ModerationState.find({
    hiddenAt: { $ne: null },
    $or: [{ targetKind: 'user', targetId: actor.id }, { targetKind: 'need', targetId: { $in: [...titles.keys()] } }],
  })
    .sort({ hiddenAt: -1 })
    .lean()
  return states.map((state) => ({
    targetKind: state.targetKind as AppealTarget,
    targetId: state.targetId,
    label: state.targetKind === 'need' ? (titles.get(state.targetId) ?? '') : '',
    hiddenAt: state.hiddenAt!.toISOString(),
    reason: state.hiddenReason ?? '',
    appealedAt: state.appealedAt ? state.appealedAt.toISOString() : null,
    appealDecision: (state.appealDecision ?? null) as HiddenItem['appealDecision'],
  }))
}

/** The author appeals once; a second appeal on the same hiding is a conflict. */
export async function appealHidden(actor: Actor, input: { targetKind: AppealTarget; targetId: string; text: string }, clock: Clock = {}) {
  if (!isObjectId(input.targetId)) throw notFound('moderation.refusals.notFound')
  if (!input.text.trim()) throw invalid('moderation.refusals.reasonRequired', { text: ['moderation.refusals.reasonRequired'] })
  if (!(await isAuthor(actor, input.targetKind, input.targetId))) throw forbidden('moderation.refusals.forbidden')
  const state = await ModerationState.findOne({ targetKind: input.targetKind, targetId: input.targetId, hiddenAt: { $ne: null } }).lean()
  if (!state) throw notFound('moderation.refusals.notFound')
  const now = clock.now ?? new Date()
  const result = await ModerationState.updateOne(
    { _id: state._id, hiddenAt: { $ne: null }, appealedAt: null },
    { $set: { appealText: input.text, appealedAt: now, appealedBy: actor.id } },
  )
  if (result.modifiedCount === 0) throw conflict('moderation.refusals.alreadyAppealed')
  await recordAudit({ actorId: actor.id, action: 'content.appeal', targetKind: input.targetKind, targetId: input.targetId, spaces: await spacesOf(input.targetKind, input.targetId), reason: input.text, at: now })
}

export type QueueAppeal = { targetKind: AppealTarget; targetId: string; hiddenReason: string; text: string; appealedAt: string; ageDays: number }

/** Appeals awaiting a decision in the actor's scope, oldest first. */
export async function appealsQueue(actor: Actor, clock: Clock = {}): Promise<QueueAppeal[]> {
  if (!isModerator(actor)) throw forbidden('moderation.refusals.forbidden')
  const now = clock.now ?? new Date()
  const states = await ModerationState.find({ hiddenAt: { $ne: null }, appealedAt: { $ne: null }, appealDecision: null, targetKind: { $in: ['need', 'user'] } })
    .sort({ appealedAt: 1 })
    .limit(500)
    .lean()
  const scoped = spacesFilter(actor)
  const items: QueueAppeal[] = []
  for (const state of states) {
    const kind = state.targetKind as AppealTarget
    if (Object.keys(scoped).length && !mayModerateSpaces(actor, await spacesOf(kind, state.targetId))) continue
    items.push({ targetKind: kind, targetId: state.targetId, hiddenReason: state.hiddenReason ?? '', text: state.appealText ?? '', appealedAt: state.appealedAt!.toISOString(), ageDays: ageInDays(state.appealedAt!, now) })
  }
  return items
}

/** An animator of the scope lifts the hiding (content visible again) or upholds it. */
export async function decideAppeal(actor: Actor, input: { targetKind: AppealTarget; targetId: string; lift: boolean }, clock: Clock = {}) {
  if (!isModerator(actor)) throw forbidden('moderation.refusals.forbidden')
  if (!isObjectId(input.targetId)) throw notFound('moderation.refusals.notFound')
  const spaces = await spacesOf(input.targetKind, input.targetId)
  if (!mayModerateSpaces(actor, spaces)) throw forbidden('moderation.refusals.outsideScope')
  const now = clock.now ?? new Date()
  const decision = input.lift ? 'lifted' : 'upheld'
  const result = await ModerationState.updateOne(
    { targetKind: input.targetKind, targetId: input.targetId, hiddenAt: { $ne: null }, appealedAt: { $ne: null }, appealDecision: null },
    { $set: { appealDecision: decision, appealDecidedAt: now, ...(input.lift ? { hiddenAt: null } : {}) } },
  )
  if (result.modifiedCount === 0) throw conflict('moderation.refusals.alreadyDecided')
  await recordAudit({ actorId: actor.id, action: 'content.appeal_decision', targetKind: input.targetKind, targetId: input.targetId, spaces, before: 'hidden', after: input.lift ? 'visible' : 'hidden', at: now })
}

