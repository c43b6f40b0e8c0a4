import mongoose from 'mongoose'
import { inTransaction } from '../transaction.server'
import type { Language } from '~/i18n/config'
import type { Actor, Space } from '../actor'
import { conflict, invalid, notFound, rateLimited } from '../errors'
import { isObjectId } from '../ids'
import type { Mailer } from '../mail/mailer'
import type { RateLimiter } from '../messaging/rate-limit'
import { recordAudit } from '../moderation/audit.server'
import { isHidden, notHidden } from '../moderation/hidden.server'
import { Need } from '../needs/model.server'
import { spacesFor } from '../needs/service.server'
import { isMemberOf, organisationsOf } from '../orgs/memberships.server'
import { Membership, Organisation } from '../orgs/model.server'
import { assertAllowed, handlesEveryGuichet, mayHandleGuichetRequest, maySeeGuichetQueue } from '../permissions'
import { User } from '../users/model.server'
import { territoryBySlug, territoryName, type Territory } from './catalogue'
import { availableGuichetSteps, planGuichetStep, pendingStatuses, queuedStatuses, type AnimatorStep, type GuichetStatus, type GuichetStep } from './guichet-lifecycle'
import { GUICHET_LINK_TTL_MS, guichetConfirmUrl, guichetTokenMatches, guichetTokenRequestId, signGuichetToken } from './guichet-link'
import { guichetMail, type GuichetMail } from './guichet-mail'
import { GuichetRequest, type GuichetRequestRecord } from './guichet-model.server'
import type { GuichetAction } from './guichet-schema'

/**
 * The territory's one-stop shop (docs/decisions/029-guichet-requests.md): anyone asks, the
 * territory's animators answer, route the request to an organisation, or write a draft need on the
 * requester's company's behalf. Every step is written with an update conditional on the status
 * read, recorded in the audit log, and told to the requester by e-mail (the outbox).
 */
export type GuichetDeps = { mailer: Mailer; appSecret: string; publicUrl: string }

/** A guest's form: a handful per network, then one every ten minutes (the app's token bucket). */
export const GUEST_CONTACT_RATE = { capacity: 5, refillPerSecond: 1 / 600 }

const link = (deps: GuichetDeps, path: string) => new URL(path, deps.publicUrl).toString()
const queueLink = (deps: GuichetDeps, id: string) => link(deps, `/animation/guichet#demande-${id}`)
const territorySpace = (territory: string): Space[] => [{ kind: 'territory', ref: territory }]
const languageOf = (value: unknown): Language => (value === 'en' ? 'en' : 'fr')

type ContactInput = { subject: string; message: string; commune?: string; name?: string; email?: string; company?: string }

export type ContactOutcome = { requestId: string; status: 'open' | 'awaiting_verification' }

/**
 * « Contacter le guichet ». Someone signed in goes straight to the queue, as themselves and their
 * company; a guest's request waits until they follow the link e-mailed to them.
 */
export async function contactGuichet(
  actor: Actor | null,
  territorySlug: string,
  input: ContactInput,
  deps: GuichetDeps & { limiter: RateLimiter; clientKey: string; language: Language },
  now = new Date(),
): Promise<ContactOutcome> {
  const territory = territoryBySlug(territorySlug)
  if (!territory) throw notFound('territories.errors.unknownTerritory')
  const common = { territory: territory.id, subject: input.subject, message: input.message, commune: input.commune ?? '' }
  if (actor) {
    const user = await User.findById(actor.id, { email: 1, name: 1, language: 1 }).lean()
    if (!user) throw notFound()
    const company = (await organisationsOf(actor.id, ['company']))[0] ?? null
    const requester = { userId: actor.id, name: user.name, email: user.email, company: company?.name ?? '', companyOrgId: company?.id ?? null, language: languageOf(user.language) }
    const [created] = await GuichetRequest.create([{ ...common, status: 'open', requester, verifiedAt: now }])
    await reachedQueue(created!.toObject() as GuichetRequestRecord, territory, deps, actor.id, now)
    return { requestId: String(created!._id), status: 'open' }
  }
  if (!deps.limiter.take(deps.clientKey)) throw rateLimited('territories.errors.tooMany')
  const requester = { userId: null, name: input.name!, email: input.email!.toLowerCase(), company: input.company!, companyOrgId: null, language: deps.language }
  const [created] = await GuichetRequest.create([{ ...common, status: 'awaiting_verification', requester }])
  const id = String(created!._id)
  await tell(deps, {
    kind: 'verify',
    to: requester.email,
    name: requester.name,
    language: requester.language,
    territory: territory.name,
    subject: input.subject,
    link: guichetConfirmUrl(deps.publicUrl, signGuichetToken(deps.appSecret, id, requester.email)),
    key: `guichet:${id}:verify`,
  })
  return { requestId: id, status: 'awaiting_verification' }
}

export type ConfirmOutcome = { status: 'confirmed' | 'already_confirmed' | 'expired' | 'unknown'; territory: string | null }
export type ConfirmCheck = { status: 'valid' | 'already_confirmed' | 'expired' | 'unknown'; territory: string | null }

/** What following a guest's link would do, read only; the request it names when that is to confirm it. */
async function readConfirmation(token: string, appSecret: string, now: Date): Promise<ConfirmCheck & { requestId: string | null }> {
  const requestId = guichetTokenRequestId(token)
  const found = requestId ? await GuichetRequest.findById(requestId, { status: 1, territory: 1, createdAt: 1, 'requester.email': 1 }).lean() : null
  if (!found || !guichetTokenMatches(appSecret, token, found.requester.email)) return { status: 'unknown', territory: null, requestId: null }
  if (found.status !== 'awaiting_verification') return { status: 'already_confirmed', territory: found.territory, requestId: null }
  if (now.getTime() - found.createdAt.getTime() > GUICHET_LINK_TTL_MS) return { status: 'expired', territory: found.territory, requestId: null }
  return { status: 'valid', territory: found.territory, requestId: String(found._id) }
}

/**
 * What the guest's link would do, without doing it: the page asks for a click first, so that a
 * mail scanner or a link preview opening the link does not consent on the guest's behalf.
 */
export async function checkGuichetConfirmation(token: string, deps: Pick<GuichetDeps, 'appSecret'>, now = new Date()): Promise<ConfirmCheck> {
  const { status, territory } = await readConfirmation(token, deps.appSecret, now)
  return { status, territory }
}

/** The guest pressed the page's button: the request enters the queue, once (a second click says it already did). */
export async function confirmGuichetRequest(token: string, deps: GuichetDeps, now = new Date()): Promise<ConfirmOutcome> {
  const check = await readConfirmation(token, deps.appSecret, now)
  if (check.status !== 'valid' || !check.requestId) return { status: check.status === 'valid' ? 'unknown' : check.status, territory: check.territory }
  const plan = planGuichetStep('awaiting_verification', 'verify', { hasAccount: false, hasCompany: false })
  if (!plan.ok) return { status: 'already_confirmed', territory: check.territory }
  const updated = await GuichetRequest.findOneAndUpdate(
    { _id: check.requestId, status: plan.from },
    { $set: { status: plan.to, verifiedAt: now }, $push: { steps: { step: 'verify', by: null, at: now } } },
    { new: true },
  ).lean()
  if (!updated) return { status: 'already_confirmed', territory: check.territory }
  await reachedQueue(updated as GuichetRequestRecord, territoryBySlug(updated.territory)!, deps, null, now)
  return { status: 'confirmed', territory: updated.territory }
}

/** In the queue: recorded, the requester told it arrived, the territory's animators told there is a request. */
async function reachedQueue(request: GuichetRequestRecord, territory: Territory, deps: GuichetDeps, actorId: string | null, now: Date) {
  const id = String(request._id)
  await recordAudit({ actorId, action: 'guichet.received', targetKind: 'guichet_request', targetId: id, spaces: territorySpace(territory.id), after: 'open', at: now })
  const base = { territory: territory.name, subject: request.subject }
  await tell(deps, { ...base, kind: 'received', to: request.requester.email, name: request.requester.name, language: languageOf(request.requester.language), key: `guichet:${id}:received` })
  for (const animator of await animatorsOf(territory.id)) {
    await tell(deps, {
      ...base,
      kind: 'queued',
      to: animator.email,
      name: animator.name,
      language: languageOf(animator.language),
      quote: request.message,
      values: { requester: request.requester.name, company: request.requester.company || '—' },
      link: queueLink(deps, id),
      key: `guichet:${id}:queued:${animator._id}`,
    })
  }
}

async function tell(deps: GuichetDeps, mail: GuichetMail) {
  await deps.mailer.send(guichetMail(mail))
}

/** The animators of a territory (its guichet's contacts), by name. */
export async function animatorsOf(territoryId: string) {
  return User.find({ role: 'animator', animates: { $elemMatch: { kind: 'territory', ref: territoryId } }, deletedAt: null }, { name: 1, title: 1, email: 1, language: 1 })
    .sort({ name: 1 })
    .lean()
}

// ——— The animators' queue ——————————————————————————————————————————————————————————————

export type GuichetQueueItem = {
  id: string
  territory: string
  territoryName: string
  status: GuichetStatus
  subject: string
  message: string
  commune: string
  createdAt: string
  requester: { name: string; email: string; company: string; hasAccount: boolean; userId: string | null }
  steps: Array<{ step: GuichetStep; at: string; byName: string; message: string; orgName: string | null; needId: string | null }>
  /** What the animator may do now; `draft_need` only for a requester with an account and a company. */
  actions: AnimatorStep[]
  /** Organisations of the territory it can be routed to. */
  routeChoices: Array<{ slug: string; name: string; kind: string }>
}

const QUEUE_LIMIT = 200

/** The requests of the territories the actor animates (every territory for an admin), those waiting first. */
export async function guichetQueue(actor: Actor): Promise<GuichetQueueItem[]> {
  assertAllowed(maySeeGuichetQueue(actor), 'territories.errors.notYourQueue')
  const territories = [...new Set(actor.animates.filter((space) => space.kind === 'territory').map((space) => space.ref))]
  const filter: Record<string, unknown> = {}
  if (!handlesEveryGuichet(actor)) filter.territory = { $in: territories }
  // Every request waiting for an answer (oldest first: they have waited longest), then the latest handled ones.
  const [waiting, handled] = await Promise.all([
    GuichetRequest.find({ ...filter, status: { $in: pendingStatuses } }).sort({ createdAt: 1 }).limit(QUEUE_LIMIT).lean(),
    GuichetRequest.find({ ...filter, status: { $in: queuedStatuses.filter((status) => !(pendingStatuses as readonly string[]).includes(status)) } }).sort({ createdAt: -1 }).limit(QUEUE_LIMIT).lean(),
  ])
  const requests = [...waiting, ...handled] as GuichetRequestRecord[]
  const visible = requests.filter((request) => mayHandleGuichetRequest(actor, request))
  const userIds = [...new Set(visible.flatMap((request) => request.steps.map((step) => step.by).filter(Boolean)).map(String))]
  const orgIds = [...new Set(visible.flatMap((request) => request.steps.map((step) => step.orgId).filter(Boolean)).map(String))]
  const [people, orgs, choices] = await Promise.all([
    User.find({ _id: { $in: userIds } }, { name: 1 }).lean(),
    Organisation.find({ _id: { $in: orgIds } }, { name: 1 }).lean(),
    routeChoicesOf([...new Set(visible.map((request) => request.territory))]),
  ])
  const names = new Map(people.map((person) => [String(person._id), person.name]))
  const orgNames = new Map(orgs.map((org) => [String(org._id), org.name]))
  const pendingFirst = (request: GuichetRequestRecord) => (request.status === 'open' ? 0 : 1)
  return visible
    .sort((a, b) => pendingFirst(a) - pendingFirst(b) || b.createdAt.getTime() - a.createdAt.getTime())
    .map((request) => {
      const facts = { hasAccount: Boolean(request.requester.userId), hasCompany: Boolean(request.requester.companyOrgId) }
      return {
        id: String(request._id),
        territory: request.territory,
        territoryName: territoryName(request.territory) ?? request.territory,
        status: request.status,
        subject: request.subject,
        message: request.message,
        commune: request.commune ?? '',
        createdAt: request.createdAt.toISOString(),
        requester: {
          name: request.requester.name,
          email: request.requester.email,
          company: request.requester.company ?? '',
          hasAccount: facts.hasAccount,
          userId: request.requester.userId ? String(request.requester.userId) : null,
        },
        steps: request.steps
          .filter((step) => step.step !== 'verify')
          .map((step) => ({
            step: step.step,
            at: step.at.toISOString(),
            byName: step.by ? (names.get(String(step.by)) ?? '') : '',
            message: step.message ?? '',
            orgName: step.orgId ? (orgNames.get(String(step.orgId)) ?? null) : null,
            needId: step.needId ? String(step.needId) : null,
          })),
        actions: availableGuichetSteps(request.status, facts),
        routeChoices: choices.get(request.territory) ?? [],
      }
    })
}

/** Organisations serving these territories (not hidden), companies last: where a request can be routed. */
async function routeChoicesOf(territories: string[]) {
  const byTerritory = new Map<string, Array<{ slug: string; name: string; kind: string }>>()
  if (!territories.length) return byTerritory
  const orgs = await Organisation.find({ territories: { $in: territories }, ...(await notHidden('organisation')) }, { slug: 1, name: 1, kind: 1, territories: 1 }).lean()
  const rank = (kind: string) => (kind === 'company' ? 1 : 0)
  orgs.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'fr'))
  for (const territory of territories) byTerritory.set(territory, orgs.filter((org) => org.territories.includes(territory)).map((org) => ({ slug: org.slug, name: org.name, kind: org.kind })))
  return byTerritory
}

// ——— The animator's three actions ——————————————————————————————————————————————————————

export type ActionOutcome = { step: AnimatorStep; status: GuichetStatus; requesterName: string; needId?: string; orgName?: string }

export async function actOnGuichetRequest(actor: Actor, action: GuichetAction, deps: GuichetDeps, now = new Date()): Promise<ActionOutcome> {
  const request = isObjectId(action.requestId) ? ((await GuichetRequest.findById(action.requestId).lean()) as GuichetRequestRecord | null) : null
  if (!request || !(queuedStatuses as readonly string[]).includes(request.status)) throw notFound('territories.errors.unknownRequest')
  assertAllowed(mayHandleGuichetRequest(actor, request), 'territories.errors.notYourTerritory')
  const facts = { hasAccount: Boolean(request.requester.userId), hasCompany: Boolean(request.requester.companyOrgId) }
  const plan = planGuichetStep(request.status, action.intent, facts)
  if (!plan.ok) throw plan.reason === 'no_company' ? invalid('territories.errors.noCompany') : conflict('territories.errors.wrongStatus')
  const id = String(request._id)
  const territory = territoryBySlug(request.territory)!
  const requester = { to: request.requester.email, name: request.requester.name, language: languageOf(request.requester.language), territory: territory.name, subject: request.subject }
  const audit = { actorId: actor.id, targetKind: 'guichet_request' as const, targetId: id, spaces: territorySpace(territory.id), before: plan.from, at: now }
  const stepKey = `${id}:${request.steps.length}`

  /** Writes the step only if nobody moved the request since it was read. */
  const advance = async (step: Record<string, unknown>, session?: mongoose.ClientSession) => {
    const updated = await GuichetRequest.findOneAndUpdate(
      { _id: request._id, status: plan.from, steps: { $size: request.steps.length } },
      { $set: { status: plan.to }, $push: { steps: { ...step, by: actor.id, at: now } } },
      { new: true, session },
    )
    if (!updated) throw conflict('territories.errors.wrongStatus')
  }

  if (action.intent === 'answer') {
    await advance({ step: 'answer', message: action.message })
    await recordAudit({ ...audit, action: 'guichet.answered', after: plan.to, reason: action.message })
    await tell(deps, { ...requester, kind: 'answered', quote: action.message, values: { animator: actor.name }, key: `guichet:${stepKey}:answered` })
    return { step: 'answer', status: plan.to, requesterName: request.requester.name }
  }

  if (action.intent === 'route') {
    // Only an organisation of the request's territory — what the queue offers — so a request (and
    // the requester's e-mail) never goes to an organisation the territory does not work with.
    const org = await Organisation.findOne({ slug: action.orgSlug, territories: request.territory }, { name: 1, slug: 1 }).lean()
    if (!org || (await isHidden('organisation', String(org._id)))) throw invalid('territories.errors.unknownOrganisation', { orgSlug: ['territories.errors.unknownOrganisation'] })
    await advance({ step: 'route', message: action.note, orgId: org._id })
    await recordAudit({ ...audit, action: 'guichet.routed', after: org.name, reason: action.note })
    const orgLink = link(deps, `/organisations/${org.slug}`)
    await tell(deps, { ...requester, kind: 'routed', quote: action.note, values: { organisation: org.name, animator: actor.name }, link: orgLink, key: `guichet:${stepKey}:routed` })
    const memberIds = (await Membership.find({ orgId: org._id }, { userId: 1 }).lean()).map((membership) => membership.userId)
    const members = await User.find({ _id: { $in: memberIds }, deletedAt: null }, { email: 1, name: 1, language: 1 }).lean()
    for (const member of members) {
      await tell(deps, {
        to: member.email,
        name: member.name,
        language: languageOf(member.language),
        territory: territory.name,
        subject: request.subject,
        kind: 'routedToOrg',
        quote: [request.message, '', action.note].join('\n'),
        values: { organisation: org.name, animator: actor.name, requester: request.requester.name, company: request.requester.company || '—', email: request.requester.email },
        key: `guichet:${stepKey}:org:${member._id}`,
      })
    }
    return { step: 'route', status: plan.to, requesterName: request.requester.name, orgName: org.name }
  }

  // draft_need: a draft of the requester's company, which only its members can publish.
  const companyOrgId = request.requester.companyOrgId!
  // The company was noted when the request was made: the requester must still be one of its members.
  if (!request.requester.userId || !(await isMemberOf(String(request.requester.userId), companyOrgId))) throw invalid('territories.errors.noCompany')
  const company = await Organisation.findById(companyOrgId, { location: 1 }).lean()
  let needId = ''
  await inTransaction(async (session) => {
    const [need] = await Need.create(
      [
        {
          companyOrgId,
          createdBy: request.requester.userId,
          title: request.subject,
          summary: request.message.slice(0, 600),
          description: request.message,
          territory: territory.id,
          location: company?.location ?? null,
          status: 'draft',
          spaces: await spacesFor(companyOrgId, territory.id),
        },
      ],
      { session },
    )
    needId = String(need!._id)
    await advance({ step: 'draft_need', needId: need!._id }, session)
  })
  await recordAudit({ ...audit, action: 'guichet.need_drafted', after: plan.to })
  await tell(deps, { ...requester, kind: 'needDrafted', values: { animator: actor.name }, link: link(deps, `/besoins/${needId}`), key: `guichet:${stepKey}:drafted` })
  return { step: 'draft_need', status: plan.to, requesterName: request.requester.name, needId }
}
