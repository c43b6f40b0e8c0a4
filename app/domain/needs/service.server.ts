import mongoose from 'mongoose'
import type { Actor, Space } from '../actor'
import { conflict, forbidden, invalid, notFound } from '../errors'
import { Organisation } from '../orgs/model.server'
import { assertAllowed, assertPermission, maySetReviewRule, mayEditNeedContent, needRelation, type NeedRelation } from '../permissions'
import { resolveCommune, resolveCommuneText } from '../places/communes.server'
import { communeDisplayName, communeLabel, type CommuneLocation } from '../places/commune'
import { Project } from '../projects/model.server'
import {
  availableActions,
  openStatuses,
  expiringStatuses,
  isEditable,
  planTransition,
  startOfUtcDay,
  type NeedAction,
  type NeedActorRelation,
  type NeedStatus,
  type TransitionRefusal,
} from './lifecycle'
import { isMemberOf, organisationsOf } from '../orgs/memberships.server'
import { hiddenReason, notHidden } from '../moderation/hidden.server'
import { needChanged, needsChanged } from '../notifications/hooks.server'
import type { NotifyHook } from '../notifications/notifier.server'
import { needChangeFor } from '../notifications/rules'
import { Need, NeedReviewPolicy, type NeedRecord } from './model.server'
import { type NeedInput } from './schema'
import { submissionGaps, type NeedCategory } from './vocabulary'
import { needAccess, redactNeed, type NeedAccess, type NeedViewer } from './visibility'
import { isObjectId } from '../ids'

/**
 * The needs service: every lifecycle step is a function here with its permission check, and
 * is recorded in the need's history (who, when, from → to). Refusals are DomainErrors whose
 * messages (and field errors) are i18n keys under `needs.`; routes translate them.
 */
export type Clock = { now?: Date }

type NeedDoc = NeedRecord


/** A calendar day (YYYY-MM-DD) as stored: UTC midnight. */
const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`)

// ——— What the actor is to a need ———————————————————————————————————————————————

/** Reads the facts of the actor's relation to a need; the rule itself is `needRelation` (permissions.ts). */
async function relationTo(actor: Actor | null, need: Pick<NeedDoc, 'companyOrgId' | 'spaces' | 'projectId'>): Promise<NeedRelation> {
  if (!actor) return needRelation(null, { companyMember: false, projectMember: false, spaces: [] })
  const companyMember = await isMemberOf(actor.id, need.companyOrgId)
  const projectMember = need.projectId ? Boolean(await Project.exists({ _id: need.projectId, members: actor.id })) : false
  return needRelation(actor, { companyMember, projectMember, spaces: need.spaces as Space[] })
}

/** The spaces animating a need: its territory and the clusters/pôles its company declared. */
export async function spacesFor(companyOrgId: mongoose.Types.ObjectId | string, territory: string | null | undefined): Promise<Space[]> {
  const company = await Organisation.findById(companyOrgId, { memberOf: 1 }).lean()
  const spaces: Space[] = territory ? [{ kind: 'territory', ref: territory }] : []
  for (const clusterId of company?.memberOf ?? []) spaces.push({ kind: 'organisation', ref: String(clusterId) })
  return spaces
}

/** Review is required when any of the need's spaces says so (docs/decisions/006-need-lifecycle.md). */
export async function isReviewRequired(spaces: readonly Space[]): Promise<boolean> {
  if (!spaces.length) return false
  const policy = await NeedReviewPolicy.exists({
    needReviewRequired: true,
    $or: spaces.map((space) => ({ 'space.kind': space.kind, 'space.ref': space.ref })),
  })
  return Boolean(policy)
}

/** Sets a space's review rule (the animators' page, through moderation's `setReviewRule`). */
export async function setNeedReviewRequired(actor: Actor, space: Space, required: boolean) {
  assertAllowed(maySetReviewRule(actor, space), 'needs.refusals.forbidden')
  await NeedReviewPolicy.updateOne({ 'space.kind': space.kind, 'space.ref': space.ref }, { $set: { space, needReviewRequired: required, updatedBy: actor.id } }, { upsert: true })
}

// ——— Creating and editing ————————————————————————————————————————————————————

export type CommuneResolution =
  | { location: CommuneLocation | null }
  | { error: 'needs.errors.communeUnknown'; suggestions: string[] }

/**
 * Turns the commune field into official codes (input parsing, like zod): a code the picker
 * chose is taken as is; typed text must name exactly one commune, else the page shows
 * suggestions. Nothing typed → no location (allowed for drafts).
 */
export function resolveNeedCommune(choice: { commune?: string; communeSearch?: string }): CommuneResolution {
  if (choice.commune) {
    const location = resolveCommune(choice.commune, choice.communeSearch)
    return location ? { location } : { error: 'needs.errors.communeUnknown', suggestions: [] }
  }
  const text = choice.communeSearch?.trim()
  if (!text) return { location: null }
  const resolution = resolveCommuneText(text)
  if (resolution.status === 'found') return { location: resolution.location }
  return { error: 'needs.errors.communeUnknown', suggestions: resolution.suggestions.map((commune) => communeLabel(commune)) }
}

/** Form input → stored fields (absent optional values clear what was there). */
function storedFields(input: NeedInput) {
  return {
    title: input.title,
    summary: input.summary ?? '',
    description: input.description ?? '',
    category: input.category ?? null,
    domains: input.domains,
    filiere: input.filiere ?? null,
    trlCurrent: input.trlCurrent ?? null,
    trlTarget: input.trlTarget ?? null,
    stage: input.stage ?? null,
    budgetRange: input.budgetRange ?? null,
    deadline: input.deadline ? dayToDate(input.deadline) : null,
    territory: input.territory ?? null,
    location: input.location,
    confidentiality: input.confidentiality,
  }
}

async function assertCompanyMember(actor: Actor, orgId: string) {
  if (!isObjectId(orgId)) throw invalid('needs.refusals.notACompany', { orgId: ['needs.errors.invalidChoice'] })
  const org = await Organisation.findById(orgId, { kind: 1 }).lean()
  if (!org) throw invalid('needs.refusals.notACompany', { orgId: ['needs.errors.invalidChoice'] })
  if (org.kind !== 'company') throw forbidden('needs.refusals.notACompany')
  if (!(await isMemberOf(actor.id, orgId))) throw forbidden('needs.refusals.notCompanyMember')
}

/**
 * A company member creates a need: saved as a draft, or sent at once (`submit`), in which case
 * it goes online or waits for review in one write — never half-saved.
 */
export async function createNeed(actor: Actor, orgId: string, input: NeedInput, options: { submit?: boolean } & Clock = {}) {
  assertPermission(actor, 'create:need:own', 'needs.refusals.forbidden')
  await assertCompanyMember(actor, orgId)
  const now = options.now ?? new Date()
  const fields = storedFields(input)
  const spaces = await spacesFor(orgId, fields.territory)
  let status: NeedStatus = 'draft'
  const history = []
  let publishedAt: Date | null = null
  if (options.submit) {
    const gaps = submissionGaps(fields)
    if (Object.keys(gaps).length) throw invalid('needs.refusals.incomplete', gaps)
    const plan = planTransition(
      { status: 'draft', deadline: fields.deadline, hasProject: false },
      'submit',
      { companyMember: true, reviewer: false, system: false },
      { reviewRequired: await isReviewRequired(spaces), now },
    )
    if (!plan.ok) throw refusal(plan.refusal)
    status = plan.to
    history.push({ by: actor.id, at: now, from: plan.from, to: plan.to, reason: '' })
    if (plan.to === 'published') publishedAt = now
  }
  const need = await Need.create({ ...fields, companyOrgId: orgId, createdBy: actor.id, spaces, status, history, publishedAt })
  return { id: String(need._id), status }
}

/** A company member edits a need's content while it is not in a project or closed. */
export async function updateNeed(actor: Actor, needId: string, input: NeedInput, options: { submit?: boolean } & Clock & NotifyHook = {}) {
  const need = await loadNeed(needId)
  const relation = await relationTo(actor, need)
  if (!needAccess(need, relation).visible) throw notFound('needs.refusals.notFound')
  assertAllowed(mayEditNeedContent(actor, relation), 'needs.refusals.notCompanyMember')
  if (!isEditable(need.status)) throw conflict('needs.refusals.notEditable')
  const fields = storedFields(input)
  const spaces = await spacesFor(need.companyOrgId, fields.territory)
  const result = await Need.updateOne({ _id: need._id, status: need.status }, { $set: { ...fields, spaces } })
  if (result.matchedCount === 0) throw conflict('needs.refusals.changedMeanwhile')
  if (options.submit && need.status === 'draft') {
    const { to } = await transitionNeed(actor, needId, 'submit', options)
    return { id: needId, status: to }
  }
  return { id: needId, status: need.status }
}

// ——— Lifecycle ———————————————————————————————————————————————————————————————

async function loadNeed(needId: string, session?: mongoose.ClientSession): Promise<NeedDoc> {
  if (!isObjectId(needId)) throw notFound('needs.refusals.notFound')
  const need = await Need.findById(needId).session(session ?? null).lean()
  if (!need) throw notFound('needs.refusals.notFound')
  return need as NeedDoc
}

function refusal(reason: TransitionRefusal) {
  switch (reason) {
    case 'forbidden':
      return forbidden('needs.refusals.forbidden')
    case 'invalid_state':
      return conflict('needs.refusals.invalidState')
    case 'deadline_passed':
      return invalid('needs.refusals.deadlinePassed', { deadline: ['needs.refusals.deadlinePassed'] })
    case 'deadline_not_passed':
      return conflict('needs.refusals.deadlineNotPassed')
    case 'reason_required':
      return invalid('needs.refusals.reasonRequired', { reason: ['needs.refusals.reasonRequired'] })
  }
}

/**
 * Moves a need along its lifecycle. `actor: 'system'` is for the expiry job and for side
 * effects of proposals. The write is conditional on the status read, so two concurrent
 * changes cannot both apply; pass `session` to run inside a caller's transaction.
 */
export async function transitionNeed(
  actor: Actor | 'system',
  needId: string,
  action: NeedAction,
  options: Clock & NotifyHook & { reason?: string; session?: mongoose.ClientSession; set?: Record<string, unknown>; deadline?: Date } = {},
) {
  const now = options.now ?? new Date()
  const need = await loadNeed(needId, options.session)
  let who: NeedActorRelation
  if (actor === 'system') {
    who = { companyMember: false, reviewer: false, system: true }
  } else {
    const relation = await relationTo(actor, need)
    if (!needAccess(need, relation).visible) throw notFound('needs.refusals.notFound')
    who = relation
  }
  const goesOnline = action === 'submit' || action === 'reopen'
  const spaces = goesOnline ? await spacesFor(need.companyOrgId, need.territory) : (need.spaces as Space[])
  if (action === 'submit') {
    const gaps = submissionGaps(need)
    if (Object.keys(gaps).length) throw invalid('needs.refusals.incomplete', gaps)
  }
  // A new deadline given with the action (reopening an expired need) counts for the rules.
  const deadline = options.deadline ?? need.deadline
  const plan = planTransition(
    { status: need.status, closedReason: need.closedReason, deadline, hasProject: Boolean(need.projectId) },
    action,
    who,
    { reviewRequired: goesOnline ? await isReviewRequired(spaces) : false, now, reason: options.reason },
  )
  if (!plan.ok) throw refusal(plan.refusal)
  const set: Record<string, unknown> = { status: plan.to, closedReason: plan.closedReason, spaces, ...options.set }
  if (options.deadline) set.deadline = options.deadline
  if (plan.to === 'published') set.publishedAt = now
  const result = await Need.updateOne(
    { _id: need._id, status: plan.from },
    { $set: set, $push: { history: { by: actor === 'system' ? null : actor.id, at: now, from: plan.from, to: plan.to, reason: options.reason ?? '' } } },
    { session: options.session },
  )
  if (result.modifiedCount === 0) throw conflict('needs.refusals.changedMeanwhile')
  // Inside a caller's transaction the caller tells people once it has committed.
  const change = options.session ? null : needChangeFor(action, plan.to)
  if (change) await needChanged(options.notifier, { id: needId, title: need.title, companyOrgId: need.companyOrgId }, change, { actorId: actor === 'system' ? null : actor.id, reason: options.reason })
  return { id: needId, from: plan.from, to: plan.to, closedReason: plan.closedReason }
}

type Deps = Clock & NotifyHook

export const submitNeed = (actor: Actor, needId: string, deps: Deps = {}) => transitionNeed(actor, needId, 'submit', deps)
export const retractNeed = (actor: Actor, needId: string, deps: Deps = {}) => transitionNeed(actor, needId, 'retract', deps)
/** An animator of the need's scope (or an admin) publishes a submitted need. */
export const approveNeed = (actor: Actor, needId: string, deps: Deps = {}) => transitionNeed(actor, needId, 'approve', deps)
/** An animator of the need's scope (or an admin) refuses a submitted need for good, with a reason. */
export const rejectNeed = (actor: Actor, needId: string, reason: string, deps: Deps = {}) => transitionNeed(actor, needId, 'reject', { ...deps, reason })
export const returnNeedToDraft = (actor: Actor, needId: string, reason: string, deps: Deps = {}) =>
  transitionNeed(actor, needId, 'return_to_draft', { ...deps, reason })
export const closeNeed = (actor: Actor, needId: string, outcome: 'fulfilled' | 'abandoned', options: Deps & { reason?: string } = {}) =>
  transitionNeed(actor, needId, outcome === 'fulfilled' ? 'close_fulfilled' : 'abandon', options)
/** Puts an expired or abandoned need back online; an expired one needs a new deadline (YYYY-MM-DD). */
export const reopenNeed = (actor: Actor, needId: string, options: Deps & { deadline?: string } = {}) =>
  transitionNeed(actor, needId, 'reopen', { now: options.now, notifier: options.notifier, deadline: options.deadline ? dayToDate(options.deadline) : undefined })

/**
 * Closes every need whose deadline day is over (status → closed, reason expired). Meant for a
 * periodic job (server/jobs runs it every hour, on the leading process); safe to run any number of times.
 */
const EXPIRY_BATCH = 500

export async function expireOverdueNeeds(deps: Deps = {}): Promise<number> {
  const now = deps.now ?? new Date()
  let expired = 0
  for (const status of expiringStatuses) {
    const overdue = { status, deadline: { $lt: startOfUtcDay(now) } }
    // By batches of known ids, so the companies of exactly these needs are told.
    for (;;) {
      const batch = await Need.find(overdue, { _id: 1 }).limit(EXPIRY_BATCH).lean()
      if (!batch.length) break
      const ids = batch.map((need) => need._id)
      const result = await Need.updateMany(
        { ...overdue, _id: { $in: ids } },
        { $set: { status: 'closed', closedReason: 'expired' }, $push: { history: { by: null, at: now, from: status, to: 'closed', reason: '' } } },
      )
      expired += result.modifiedCount
      const closed = await Need.find({ _id: { $in: ids }, status: 'closed', history: { $elemMatch: { at: now, by: null, from: status, to: 'closed' } } }, { title: 1, companyOrgId: 1 }).lean()
      await needsChanged(deps.notifier, closed.map((need) => ({ id: need._id, title: need.title, companyOrgId: need.companyOrgId })), 'expired')
      if (result.modifiedCount === 0) break
    }
  }
  return expired
}

// ——— Reading ——————————————————————————————————————————————————————————————————

export type NeedView = {
  id: string
  title: string
  summary: string
  description: string | null
  category: NeedCategory | null
  domains: string[]
  filiere: string | null
  trlCurrent: number | null
  trlTarget: number | null
  stage: string | null
  budgetRange: string | null
  deadline: string | null
  territory: string | null
  communeName: string | null
  departementName: string | null
  regionName: string | null
  confidentiality: 'public' | 'members' | 'anonymous'
  status: NeedStatus
  closedReason: string | null
  publishedAt: string | null
  updatedAt: string
  proposalsReceived: number
  company: { id: string; name: string } | null
  companyHidden: boolean
  detailsHidden: boolean
}

const dayOf = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null)

function toView(need: NeedDoc, companyName: string | undefined, access: NeedAccess): NeedView {
  return redactNeed(
    {
      id: String(need._id),
      title: need.title,
      summary: need.summary ?? '',
      description: need.description ?? '',
      category: (need.category ?? null) as NeedCategory | null,
      domains: need.domains ?? [],
      filiere: need.filiere ?? null,
      trlCurrent: need.trlCurrent ?? null,
      trlTarget: need.trlTarget ?? null,
      stage: need.stage ?? null,
      budgetRange: need.budgetRange ?? null,
      deadline: dayOf(need.deadline),
      territory: need.territory ?? null,
      communeName: need.location ? communeDisplayName(need.location) : null,
      departementName: need.location?.departementName ?? null,
      regionName: need.location?.regionName ?? null,
      confidentiality: need.confidentiality,
      status: need.status,
      closedReason: need.closedReason ?? null,
      publishedAt: need.publishedAt ? need.publishedAt.toISOString() : null,
      updatedAt: (need as unknown as { updatedAt: Date }).updatedAt.toISOString(),
      proposalsReceived: need.proposalsReceived ?? 0,
      company: companyName ? { id: String(need.companyOrgId), name: companyName } : null,
    },
    access,
  )
}

/**
 * The need if this viewer may see it at all; otherwise the very refusal an unknown id gets, so a
 * draft's (or a hidden need's) existence is nobody else's business — on its page and wherever
 * else a need id comes in (reports, for one).
 */
export async function visibleNeed(actor: Actor | null, needId: string) {
  const need = await loadNeed(needId)
  const [relation, hidden] = await Promise.all([relationTo(actor, need), hiddenReason('need', needId)])
  const access = needAccess({ ...need, hidden: Boolean(hidden) }, relation)
  if (!access.visible) throw notFound('needs.refusals.notFound')
  return { need, relation, access, hidden }
}

/**
 * A need as this viewer may see it, with what they may do. Unknown or invisible needs are
 * the same 404: a draft's existence is nobody else's business.
 */
export async function getNeedForViewer(actor: Actor | null, needId: string, clock: Clock = {}) {
  const now = clock.now ?? new Date()
  const { need, relation, access, hidden } = await visibleNeed(actor, needId)
  const company = await Organisation.findById(need.companyOrgId, { name: 1, size: 1, slug: 1 }).lean()
  const actions = actor
    ? availableActions(
        { status: need.status, closedReason: need.closedReason, deadline: need.deadline, hasProject: Boolean(need.projectId) },
        relation,
        { reviewRequired: false, now },
      )
    : []
  return {
    need: toView(need, company?.name, access),
    /** The company's public profile, unless the need hides who it is. */
    companySlug: access.showCompany && company?.slug ? company.slug : null,
    hidden,
    relation,
    actions,
    editable: relation.companyMember && isEditable(need.status),
    projectId: need.projectId && (relation.companyMember || relation.projectMember) ? String(need.projectId) : null,
    /** The spaces animating the need (who may moderate it; not shown). */
    spaces: need.spaces as Space[],
    /** The lifecycle record, for the company and its reviewers only. */
    history: relation.companyMember || relation.reviewer ? need.history.map((step) => ({ at: step.at.toISOString(), from: step.from, to: step.to, reason: step.reason ?? '' })) : [],
    /** What the aides matcher needs (size and region are not shown, only used). */
    matching: {
      category: (need.category ?? null) as NeedCategory | null,
      stage: need.stage ?? null,
      companySize: company?.size ?? null,
      regionCode: need.location?.regionCode ?? null,
      /** For the distance to suggested partners (shown to the company and its reviewers only). */
      communeCode: need.location?.communeCode ?? null,
    },
  }
}

/** The raw need for the edit form (company members only). */
export async function getNeedForEditing(actor: Actor, needId: string) {
  const need = await loadNeed(needId)
  const relation = await relationTo(actor, need)
  if (!needAccess(need, relation).visible) throw notFound('needs.refusals.notFound')
  assertAllowed(mayEditNeedContent(actor, relation), 'needs.refusals.notCompanyMember')
  if (!isEditable(need.status)) throw conflict('needs.refusals.notEditable')
  return { ...need, id: String(need._id), companyOrgId: String(need.companyOrgId) }
}

export const BROWSE_PAGE_SIZE = 20

/** Latest needs still looking for answers, as this viewer may see them. */
export async function browseNeeds(actor: Actor | null, query: { category?: NeedCategory; page: number }) {
  const filter: Record<string, unknown> = { status: { $in: openStatuses }, ...(await notHidden('need')) }
  if (query.category) filter.category = query.category
  const needs = (await Need.find(filter)
    .sort({ publishedAt: -1, _id: -1 })
    .skip((query.page - 1) * BROWSE_PAGE_SIZE)
    .limit(BROWSE_PAGE_SIZE + 1)
    .lean()) as NeedDoc[]
  const page = needs.slice(0, BROWSE_PAGE_SIZE)
  const companies = new Map(
    (await Organisation.find({ _id: { $in: page.map((need) => need.companyOrgId) } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]),
  )
  const myOrgIds = new Set(actor ? (await organisationsOf(actor.id)).map((org) => org.id) : [])
  const items = page.map((need) => {
    // Browsable needs have no project yet.
    const viewer = needRelation(actor, { companyMember: myOrgIds.has(String(need.companyOrgId)), projectMember: false, spaces: need.spaces as Space[] })
    return toView(need, companies.get(String(need.companyOrgId)), needAccess(need, viewer))
  })
  return { items, page: query.page, hasMore: needs.length > BROWSE_PAGE_SIZE }
}

/** The companies a user may post needs for. */
export const companiesOf = (actor: Actor) => organisationsOf(actor.id, ['company'])

/** Dashboard of the user's companies: counts by status and the needs, latest first. */
export async function needsDashboard(actor: Actor) {
  const companies = await companiesOf(actor)
  const ids = companies.map((company) => new mongoose.Types.ObjectId(company.id))
  if (!ids.length) return { companies, counts: {} as Partial<Record<NeedStatus, number>>, needs: [] as NeedView[] }
  const [grouped, needs] = await Promise.all([
    Need.aggregate<{ _id: NeedStatus; count: number }>([{ $match: { companyOrgId: { $in: ids } } }, { $group: { _id: '$status', count: { $sum: 1 } } }]),
    Need.find({ companyOrgId: { $in: ids } }).sort({ updatedAt: -1 }).limit(200).lean() as Promise<NeedDoc[]>,
  ])
  const names = new Map(companies.map((company) => [company.id, company.name]))
  const insider: NeedViewer = { signedIn: true, companyMember: true, scopeAnimator: false, admin: false, projectMember: false }
  return {
    companies,
    counts: Object.fromEntries(grouped.map((group) => [group._id, group.count])) as Partial<Record<NeedStatus, number>>,
    needs: needs.map((need) => toView(need, names.get(String(need.companyOrgId)), needAccess(need, insider))),
  }
}
