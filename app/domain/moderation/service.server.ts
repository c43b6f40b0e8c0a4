import { cancelRegistrationsOf } from '../meetings/registrations.server'
import type { Actor, Space } from '../actor'
import { isOpen } from '../needs/lifecycle'
import mongoose from 'mongoose'
import { isLanguage } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { endAllSessions } from '../auth/session.server'
import { conflict, DomainError, forbidden, invalid, notFound } from '../errors'
import type { Mailer } from '../mail/mailer'
import { isMemberOf, ownerIdsOf, spacesOfPeople } from '../orgs/memberships.server'
import { Need, NeedReviewPolicy, type NeedRecord } from '../needs/model.server'
import { approveNeed, rejectNeed as rejectSubmittedNeed, returnNeedToDraft, setNeedReviewRequired, visibleNeed } from '../needs/service.server'
import { needChanged, needHidden } from '../notifications/hooks.server'
import type { NotifyHook } from '../notifications/notifier.server'
import { Organisation } from '../orgs/model.server'
import { verifyOrganisation } from '../orgs/profile.server'
import { demoTerritories } from '../places/territories'
import { User } from '../users/model.server'
import { recordAudit } from './audit.server'
import { ageInDays } from './follow-up'
import { isHidden, setHidden } from './hidden.server'
import { decideMessageReport, isMessageReport, messageReportsQueue, type MessageQueueReport } from './message-reports.server'
import { Recommendation, Report, type ReportTargetKind } from './model.server'
import type { ReportDecision } from './schema'
import { assertPermission, isModerator, mayModerateOrganisation, mayModeratePerson, mayModerateSpaces, maySeeProfile, maySeeRecommendations, moderatesEverywhere, organisationSpaces } from '../permissions'
import { spacesFilter } from './scope'
import { isObjectId } from '../ids'

/**
 * The animators' workspace: queues and actions, each checked against the actor's scope HERE
 * (admins everywhere, animators within the spaces they animate) and recorded in the audit log.
 * Refusals carry i18n keys under `moderation.`.
 */
export type Clock = { now?: Date }
export type MailContext = { mailer: Mailer; publicUrl: string }

/** "Banned" is a suspension with no end the product will reach. */
export const BAN_UNTIL = new Date('9999-12-31T00:00:00.000Z')
export const MAX_SUSPENSION_DAYS = 365

const tFor = (language: unknown) => translatorFor(isLanguage(language) ? language : 'fr').t

function assertModerator(actor: Actor) {
  if (!isModerator(actor)) throw forbidden('moderation.refusals.forbidden')
}

async function loadNeed(needId: string): Promise<NeedRecord> {
  if (!isObjectId(needId)) throw notFound('moderation.refusals.notFound')
  const need = await Need.findById(needId).lean()
  if (!need) throw notFound('moderation.refusals.notFound')
  return need as NeedRecord
}

async function needInScope(actor: Actor, needId: string) {
  assertModerator(actor)
  const need = await loadNeed(needId)
  if (!mayModerateSpaces(actor, need.spaces as Space[])) throw forbidden('moderation.refusals.outsideScope')
  return need
}

/** The spaces of a person: those of every organisation they belong to. */
const userSpaces = (userId: string | mongoose.Types.ObjectId) => spacesOfPeople(userId)

async function targetSpaces(kind: ReportTargetKind, id: string): Promise<Space[]> {
  if (kind === 'need') return (await loadNeed(id)).spaces as Space[]
  if (!isObjectId(id) || !(await User.exists({ _id: id }))) throw notFound('moderation.refusals.notFound')
  return userSpaces(id)
}

/** The spaces of what is reported, if the reporter may see it; the same 404 as a missing one otherwise. */
async function reportableSpaces(actor: Actor, kind: ReportTargetKind, id: string): Promise<Space[]> {
  if (kind === 'need') {
    try {
      return (await visibleNeed(actor, id)).need.spaces as Space[]
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound('moderation.refusals.notFound')
      throw error
    }
  }
  if (isObjectId(id) && !maySeeProfile(actor, { userId: id, hidden: await isHidden('user', id) })) throw notFound('moderation.refusals.notFound')
  return targetSpaces(kind, id)
}

const needSummary = (need: Pick<NeedRecord, 'status' | 'title'>) => `${need.status} · ${need.title}`.slice(0, 500)

// ——— Needs awaiting review ———————————————————————————————————————————————————————

export type QueueNeed = { id: string; title: string; summary: string; company: string; submittedAt: string; ageDays: number }

const submittedAtOf = (need: NeedRecord) =>
  [...need.history].reverse().find((step) => step.to === 'submitted')?.at ?? (need as unknown as { updatedAt: Date }).updatedAt

/** Submitted needs of the actor's scope, oldest submission first. */
export async function reviewQueue(actor: Actor, clock: Clock = {}): Promise<QueueNeed[]> {
  assertModerator(actor)
  const now = clock.now ?? new Date()
  const needs = (await Need.find({ status: 'submitted', ...spacesFilter(actor) }).sort({ updatedAt: 1, _id: 1 }).limit(500).lean()) as NeedRecord[]
  const names = new Map((await Organisation.find({ _id: { $in: needs.map((need) => need.companyOrgId) } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]))
  return needs
    .map((need) => ({ need, submittedAt: submittedAtOf(need) }))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .map(({ need, submittedAt }) => ({
      id: String(need._id),
      title: need.title,
      summary: need.summary ?? '',
      company: names.get(String(need.companyOrgId)) ?? '',
      submittedAt: submittedAt.toISOString(),
      ageDays: ageInDays(submittedAt, now),
    }))
}

/** Publishes a submitted need (through the needs service, which writes its history). */
export async function approveSubmittedNeed(actor: Actor, needId: string, clock: Clock & NotifyHook = {}) {
  const need = await needInScope(actor, needId)
  const result = await approveNeed(actor, needId, clock)
  await recordAudit({ actorId: actor.id, action: 'need.approve', targetKind: 'need', targetId: needId, spaces: need.spaces as Space[], before: needSummary(need), after: result.to, at: clock.now })
  return result
}

/** Sends a submitted need back to its company as a draft, with the animator's comment. */
export async function sendNeedBack(actor: Actor, needId: string, comment: string, clock: Clock & NotifyHook = {}) {
  const need = await needInScope(actor, needId)
  const result = await returnNeedToDraft(actor, needId, comment, clock)
  await recordAudit({ actorId: actor.id, action: 'need.send_back', targetKind: 'need', targetId: needId, spaces: need.spaces as Space[], reason: comment, before: needSummary(need), after: result.to, at: clock.now })
  return result
}

/** Refuses a submitted need for good: the lifecycle's `reject` (closed, abandoned, the reason in its history). */
export async function rejectNeed(actor: Actor, needId: string, reason: string, clock: Clock & NotifyHook = {}) {
  const need = await needInScope(actor, needId)
  if (!reason.trim()) throw invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] })
  if (need.status !== 'submitted') throw conflict('moderation.refusals.invalidState')
  const now = clock.now ?? new Date()
  const result = await rejectSubmittedNeed(actor, needId, reason, { ...clock, now })
  await recordAudit({ actorId: actor.id, action: 'need.reject', targetKind: 'need', targetId: needId, spaces: need.spaces as Space[], reason, before: needSummary(need), after: result.to, at: now })
  return { id: needId, from: 'submitted' as const, to: 'closed' as const }
}

// ——— Organisations to verify —————————————————————————————————————————————————————

export type QueueOrganisation = { id: string; slug: string; name: string; kind: string; createdAt: string; ageDays: number }

/** Unverified organisations of the actor's scope, oldest first. */
export async function verificationQueue(actor: Actor, clock: Clock = {}): Promise<QueueOrganisation[]> {
  assertModerator(actor)
  const now = clock.now ?? new Date()
  const filter: Record<string, unknown> = { verifiedAt: null }
  if (!moderatesEverywhere(actor)) {
    const territories = actor.animates.filter((space) => space.kind === 'territory').map((space) => space.ref)
    const clusters = actor.animates.filter((space) => space.kind === 'organisation' && isObjectId(space.ref)).map((space) => new mongoose.Types.ObjectId(space.ref))
    filter.$or = [{ territories: { $in: territories } }, { kind: 'company', memberOf: { $in: clusters } }]
  }
  const orgs = await Organisation.find(filter).sort({ createdAt: 1, _id: 1 }).limit(500).lean()
  return orgs
    .filter((org) => mayModerateOrganisation(actor, { kind: org.kind, territories: org.territories, memberOf: org.memberOf }))
    .map((org) => {
      const createdAt = (org as unknown as { createdAt: Date }).createdAt
      return { id: String(org._id), slug: org.slug, name: org.name, kind: org.kind, createdAt: createdAt.toISOString(), ageDays: ageInDays(createdAt, now) }
    })
}

/** Verifies an organisation (orgs/profile.server.ts, which checks the same scope rule) and records it. */
export async function verifyOrganisationInScope(actor: Actor, orgId: string, clock: Clock = {}) {
  assertModerator(actor)
  if (!isObjectId(orgId)) throw notFound('moderation.refusals.notFound')
  const org = await Organisation.findById(orgId).lean()
  if (!org) throw notFound('moderation.refusals.notFound')
  const scoped = { kind: org.kind, territories: org.territories, memberOf: org.memberOf }
  if (!mayModerateOrganisation(actor, scoped)) throw forbidden('moderation.refusals.outsideScope')
  await verifyOrganisation({ actor }, org.slug)
  await recordAudit({ actorId: actor.id, action: 'org.verify', targetKind: 'organisation', targetId: orgId, spaces: organisationSpaces(scoped), before: org.verifiedAt ? 'verified' : 'unverified', after: 'verified', at: clock.now })
}

// ——— Reports ————————————————————————————————————————————————————————————————————

/** Anyone signed in reports a need or a profile; the animators of its spaces see it. (Messages: messaging's reportMessage.) */
/**
 * Anyone may report what they may see, and only that: a need they cannot see (a draft, a
 * submitted need, one hidden by moderation) or a hidden profile is refused exactly like an id
 * that does not exist, and nothing of it reaches the animators' queue.
 */
export async function reportContent(actor: Actor, input: { targetKind: ReportTargetKind; targetId: string; reason: string }) {
  assertPermission(actor, 'report:content:any', 'moderation.refusals.forbidden')
  const spaces = await reportableSpaces(actor, input.targetKind, input.targetId)
  const already = await Report.exists({ targetKind: input.targetKind, targetId: input.targetId, reporterId: actor.id, status: 'open' })
  if (already) return { id: String(already._id), duplicate: true }
  const report = await Report.create({ targetKind: input.targetKind, targetId: input.targetId, reporterId: actor.id, reason: input.reason, spaces })
  return { id: String(report._id), duplicate: false }
}

export type QueueReport = {
  id: string
  /** 'message': a MessageReport; targetLabel is then the reported text as it was. */
  targetKind: ReportTargetKind | 'message'
  targetId: string
  targetLabel: string
  reason: string
  reporterName: string
  createdAt: string
  ageDays: number
  /** Message reports only: who wrote it and the messages around it (message-reports.server.ts). */
  author?: MessageQueueReport['author']
  context?: MessageQueueReport['context']
}

/** Open reports of the actor's scope, oldest first. */
export async function reportsQueue(actor: Actor, clock: Clock = {}): Promise<QueueReport[]> {
  assertModerator(actor)
  const now = clock.now ?? new Date()
  const reports = await Report.find({ status: 'open', ...spacesFilter(actor) }).sort({ createdAt: 1, _id: 1 }).limit(500).lean()
  const userIds = reports.flatMap((report) => [report.reporterId, ...(report.targetKind === 'user' ? [report.targetId] : [])])
  const needIds = reports.filter((report) => report.targetKind === 'need').map((report) => report.targetId)
  const [users, needs] = await Promise.all([User.find({ _id: { $in: userIds } }, { name: 1 }).lean(), Need.find({ _id: { $in: needIds } }, { title: 1 }).lean()])
  const labels = new Map<string, string>([...users.map((user) => [String(user._id), user.name] as const), ...needs.map((need) => [String(need._id), need.title] as const)])
  const contentReports: QueueReport[] = reports.map((report) => {
    const createdAt = (report as unknown as { createdAt: Date }).createdAt
    return {
      id: String(report._id),
      targetKind: report.targetKind,
      targetId: String(report.targetId),
      targetLabel: labels.get(String(report.targetId)) ?? '',
      reason: report.reason,
      reporterName: labels.get(String(report.reporterId)) ?? '',
      createdAt: createdAt.toISOString(),
      ageDays: ageInDays(createdAt, now),
    }
  })
  const messageReports = await messageReportsQueue(actor, now)
  return [...contentReports, ...messageReports].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}


/**
 * Decides an open report. The scope is read from the target as it is now (not as it was when
 * reported). warn / suspend / ban apply to the person: the reported profile, or the need's author.
 */
export async function decideReport(
  actor: Actor,
  reportId: string,
  decision: { kind: ReportDecision; reason: string; days?: number },
  context: MailContext & Clock & NotifyHook,
) {
  assertModerator(actor)
  if (!isObjectId(reportId)) throw notFound('moderation.refusals.notFound')
  const report = await Report.findById(reportId).lean()
  if (!report) {
    // Reports on messages live in messaging's collection; same queue, same form.
    if (await isMessageReport(reportId)) {
      const now = context.now ?? new Date()
      return decideMessageReport(actor, reportId, decision, {
        ...context,
        now,
        actOnAuthor: (kind, authorId) => (kind === 'warn' ? warnUser(actor, authorId, decision.reason, { ...context, now }) : suspendUser(actor, authorId, decision.days ?? 0, decision.reason, { now })),
      })
    }
    throw notFound('moderation.refusals.notFound')
  }
  const targetId = String(report.targetId)
  const spaces = await targetSpaces(report.targetKind, targetId)
  if (!mayModerateSpaces(actor, spaces)) throw forbidden('moderation.refusals.outsideScope')
  if (report.status !== 'open') throw conflict('moderation.refusals.alreadyDecided')
  const now = context.now ?? new Date()
  const personId = report.targetKind === 'user' ? targetId : String((await loadNeed(targetId)).createdBy)
  switch (decision.kind) {
    case 'dismiss':
      break
    case 'hide':
      await hideContent(actor, report.targetKind, targetId, decision.reason, { now, notifier: context.notifier })
      break
    case 'warn':
      await warnUser(actor, personId, decision.reason, context)
      break
    case 'suspend':
      await suspendUser(actor, personId, decision.days ?? 0, decision.reason, { now })
      break
    case 'ban':
      await banUser(actor, personId, decision.reason, { now })
      break
  }
  const result = await Report.updateOne(
    { _id: report._id, status: 'open' },
    { $set: { status: decision.kind === 'dismiss' ? 'dismissed' : 'actioned', decidedBy: actor.id, decidedAt: now } },
  )
  if (result.modifiedCount === 0) throw conflict('moderation.refusals.alreadyDecided')
  await recordAudit({ actorId: actor.id, action: `report.${decision.kind === 'dismiss' ? 'dismiss' : 'action'}`, targetKind: report.targetKind, targetId, spaces, reason: decision.reason, before: 'open', after: decision.kind, at: now })
}

/** Hides a need or a profile from pages and search (their author sees why). */
export async function hideContent(actor: Actor, targetKind: ReportTargetKind, targetId: string, reason: string, clock: Clock & NotifyHook = {}) {
  assertModerator(actor)
  const spaces = await targetSpaces(targetKind, targetId)
  if (!mayModerateSpaces(actor, spaces)) throw forbidden('moderation.refusals.outsideScope')
  if (!reason.trim()) throw invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] })
  const now = clock.now ?? new Date()
  await setHidden(targetKind, targetId, { by: actor.id, reason, at: now })
  await recordAudit({ actorId: actor.id, action: 'content.hide', targetKind, targetId, spaces, reason, before: 'visible', after: 'hidden', at: now })
  if (targetKind === 'need') {
    const need = await loadNeed(targetId)
    await needHidden(clock.notifier, { id: targetId, title: need.title, companyOrgId: need.companyOrgId }, reason)
  }
}

/** A person the actor may act on: within their scope, and never an admin (unless by an admin). */
async function personInScope(actor: Actor, userId: string) {
  assertModerator(actor)
  if (!isObjectId(userId)) throw notFound('moderation.refusals.notFound')
  const user = await User.findById(userId, { email: 1, name: 1, role: 1, language: 1, suspendedUntil: 1 }).lean()
  if (!user) throw notFound('moderation.refusals.notFound')
  const spaces = await userSpaces(userId)
  if (!mayModeratePerson(actor, { id: userId, role: user.role, spaces })) {
    // Say why: outside the scope, oneself, or an admin (by an animator).
    throw forbidden(!mayModerateSpaces(actor, spaces) ? 'moderation.refusals.outsideScope' : userId === actor.id ? 'moderation.refusals.self' : 'moderation.refusals.forbidden')
  }
  return { user, spaces }
}

/** A written warning, sent by e-mail in the person's language. */
export async function warnUser(actor: Actor, userId: string, message: string, context: MailContext & Clock) {
  const { user, spaces } = await personInScope(actor, userId)
  if (!message.trim()) throw invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] })
  const t = tFor(user.language)
  await context.mailer.send({ to: user.email, subject: t('moderation.mail.warnSubject'), text: t('moderation.mail.warnText', { name: user.name, message, link: context.publicUrl }), kind: 'moderation.warning', language: user.language })
  await recordAudit({ actorId: actor.id, action: 'user.warn', targetKind: 'user', targetId: userId, spaces, reason: message, at: context.now })
}

async function suspendUntil(actor: Actor, userId: string, until: Date, reason: string, action: string, clock: Clock) {
  const { user, spaces } = await personInScope(actor, userId)
  if (!reason.trim()) throw invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] })
  await User.updateOne({ _id: userId }, { $set: { suspendedUntil: until } })
  // Sessions end now — and their live sockets with them, in every process (server/realtime/ended-sessions.ts);
  // sign-in and session lookups refuse suspended users (auth/session.server.ts).
  await endAllSessions(userId)
  // Removed from the meetings they registered for: their seats go to the waiting lists.
  await cancelRegistrationsOf(userId, { now: clock.now })
  await recordAudit({
    actorId: actor.id,
    action,
    targetKind: 'user',
    targetId: userId,
    spaces,
    reason,
    before: user.suspendedUntil ? user.suspendedUntil.toISOString() : 'active',
    after: until.toISOString(),
    at: clock.now,
  })
}

/** Suspends a person for N whole days (1–365): no sign-in, no messages until then. */
export async function suspendUser(actor: Actor, userId: string, days: number, reason: string, clock: Clock = {}) {
  if (!Number.isInteger(days) || days < 1 || days > MAX_SUSPENSION_DAYS) throw invalid('moderation.refusals.days', { days: ['moderation.refusals.days'] })
  const now = clock.now ?? new Date()
  await suspendUntil(actor, userId, new Date(now.getTime() + days * 24 * 60 * 60 * 1000), reason, 'user.suspend', { ...clock, now })
}

export async function banUser(actor: Actor, userId: string, reason: string, clock: Clock = {}) {
  await suspendUntil(actor, userId, BAN_UNTIL, reason, 'user.ban', clock)
}

// ——— Recommendations ("mise en relation") ——————————————————————————————————————————

/** An animator points the need's company to an organisation; its owners are told by mail. */
export async function recommendOrganisation(actor: Actor, input: { needId: string; orgSlug: string; note: string }, context: MailContext & Clock) {
  const need = await needInScope(actor, input.needId)
  if (!isOpen(need.status)) throw conflict('moderation.refusals.needNotOpen')
  const org = await Organisation.findOne({ slug: input.orgSlug }, { name: 1, slug: 1, kind: 1 }).lean()
  if (!org) throw invalid('moderation.refusals.unknownOrganisation', { orgSlug: ['moderation.refusals.unknownOrganisation'] })
  if (String(org._id) === String(need.companyOrgId)) throw invalid('moderation.refusals.ownCompany', { orgSlug: ['moderation.refusals.ownCompany'] })
  try {
    await Recommendation.create({ needId: need._id, orgId: org._id, animatorId: actor.id, note: input.note })
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('moderation.refusals.alreadyRecommended')
    throw error
  }
  const ownerIds = await ownerIdsOf(org._id)
  const owners = await User.find({ _id: { $in: ownerIds } }, { email: 1, language: 1 }).lean()
  await Promise.all(
    owners.map((owner) => {
      const t = tFor(owner.language)
      const vars = { org: org.name, need: need.title, note: input.note, link: `${context.publicUrl}/besoins/${String(need._id)}` }
      return context.mailer.send({ to: owner.email, subject: t('moderation.mail.recommendedSubject', vars), text: t('moderation.mail.recommendedText', vars), kind: 'moderation.recommendation', language: owner.language })
    }),
  )
  await recordAudit({ actorId: actor.id, action: 'need.recommend', targetKind: 'need', targetId: input.needId, spaces: need.spaces as Space[], reason: input.note, after: org.name, at: context.now })
}

export type RecommendationView = { id: string; org: { name: string; slug: string }; note: string; animatorName: string; createdAt: string }

/**
 * The recommendations on a need, for the need page: shown to the company's members and to the
 * moderators of its scope; everyone else gets an empty list (they are the company's business).
 * The need is the one the page has loaded for this actor: its spaces, and whether the actor is a
 * member of its company (the page has read both already; reading them again cost two queries).
 */
export async function recommendationsForNeed(actor: Actor | null, need: { id: string; spaces: readonly Space[]; companyMember: boolean }): Promise<RecommendationView[]> {
  if (!actor || !isObjectId(need.id)) return []
  if (!maySeeRecommendations(actor, { spaces: need.spaces, companyMember: need.companyMember })) return []
  const recommendations = await Recommendation.find({ needId: need.id }).sort({ createdAt: 1 }).lean()
  if (!recommendations.length) return []
  const [orgs, animators] = await Promise.all([
    Organisation.find({ _id: { $in: recommendations.map((item) => item.orgId) } }, { name: 1, slug: 1 }).lean(),
    User.find({ _id: { $in: recommendations.map((item) => item.animatorId) } }, { name: 1 }).lean(),
  ])
  const orgById = new Map(orgs.map((org) => [String(org._id), org]))
  const nameById = new Map(animators.map((user) => [String(user._id), user.name]))
  return recommendations.flatMap((item) => {
    const org = orgById.get(String(item.orgId))
    if (!org) return []
    const createdAt = (item as unknown as { createdAt: Date }).createdAt
    return [{ id: String(item._id), org: { name: org.name, slug: org.slug }, note: item.note, animatorName: nameById.get(String(item.animatorId)) ?? '', createdAt: createdAt.toISOString() }]
  })
}

// ——— Review rule per space ————————————————————————————————————————————————————————

export type SpaceReviewSetting = { kind: 'organisation' | 'territory'; ref: string; name: string; required: boolean }

/** The review rule of each space the actor animates (the settings section of the review queue). */
export async function reviewSettings(actor: Actor): Promise<SpaceReviewSetting[]> {
  assertModerator(actor)
  if (!actor.animates.length) return []
  const policies = await NeedReviewPolicy.find({ $or: actor.animates.map((space) => ({ 'space.kind': space.kind, 'space.ref': space.ref })) }).lean()
  const required = new Set(policies.filter((policy) => policy.needReviewRequired).map((policy) => `${policy.space.kind}:${policy.space.ref}`))
  const clusterIds = actor.animates.filter((space) => space.kind === 'organisation' && isObjectId(space.ref)).map((space) => space.ref)
  const clusters = new Map((await Organisation.find({ _id: { $in: clusterIds } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]))
  const territories = new Map<string, string>(demoTerritories.map((territory) => [territory.id, territory.name]))
  return actor.animates.map((space) => ({
    kind: space.kind,
    ref: space.ref,
    name: (space.kind === 'territory' ? territories.get(space.ref) : clusters.get(space.ref)) ?? space.ref,
    required: required.has(`${space.kind}:${space.ref}`),
  }))
}

/** Switches "needs wait for review" for a space (needs service checks the scope too); audited. */
export async function setSpaceReview(actor: Actor, space: Space, required: boolean, clock: Clock = {}) {
  assertModerator(actor)
  if (!mayModerateSpaces(actor, [space])) throw forbidden('moderation.refusals.outsideScope')
  await setNeedReviewRequired(actor, space, required)
  await recordAudit({ actorId: actor.id, action: 'space.review_rule', targetKind: 'space', targetId: `${space.kind}:${space.ref}`.slice(0, 40), spaces: [space], after: required ? 'review' : 'no_review', at: clock.now })
}
