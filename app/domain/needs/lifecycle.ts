/**
 * The life of a need, as a pure state machine (no database, no clock of its own):
 *
 *   draft → submitted → published → in_discussion → in_project → closed
 *                                                     (fulfilled | abandoned | expired)
 *   (submitted → closed/abandoned when an animator rejects it: `reject`, from the moderation queue)
 *
 * Services ask `planTransition` whether an action is allowed for this actor, in this state,
 * and apply the answer with a conditional update (so a concurrent change cannot be overwritten).
 * See docs/decisions/006-need-lifecycle.md.
 */
export const needStatuses = ['draft', 'submitted', 'published', 'in_discussion', 'in_project', 'closed'] as const
export type NeedStatus = (typeof needStatuses)[number]

export const closedReasons = ['fulfilled', 'abandoned', 'expired'] as const
export type ClosedReason = (typeof closedReasons)[number]

export const needActions = [
  'submit', // company: send the draft (to review, or straight to publication)
  'retract', // company: take a submitted need back to draft
  'approve', // animator: publish a submitted need
  'return_to_draft', // animator: send a submitted need back with a reason
  'open_discussion', // system: the first proposal arrived
  'start_project', // company: a proposal was accepted
  'close_fulfilled', // company: the project met the need
  'abandon', // company: the need is given up
  'expire', // system: the deadline has passed
  'reopen', // company: an expired or abandoned need goes back online
  'reject', // animator: refuse a submitted need for good (moderation, with a reason)
] as const
export type NeedAction = (typeof needActions)[number]

/** Who the actor is in relation to this need (computed by the service from memberships). */
export type NeedActorRelation = {
  /** Member of the company that owns the need. */
  companyMember: boolean
  /** Animator of the need's territory or of a cluster/pôle the company belongs to, or an admin. */
  reviewer: boolean
  /** A scheduled job or a side effect of another action (a proposal, an acceptance). */
  system: boolean
}

/** Online and still looking for answers: the browse page lists them, proposals are accepted. */
export const openStatuses = ['published', 'in_discussion'] as const satisfies readonly NeedStatus[]
export const isOpen = (status: NeedStatus) => (openStatuses as readonly NeedStatus[]).includes(status)

/** Went online once: anyone may see them (the summary at least); the search index holds them. */
export const onlineStatuses = [...openStatuses, 'in_project', 'closed'] as const satisfies readonly NeedStatus[]

/** Needs that expire when their deadline passes (a need in a project no longer does). */
export const expiringStatuses = ['submitted', ...openStatuses] as const satisfies readonly NeedStatus[]

type Party = 'company' | 'reviewer' | 'system'

/** `elsewhere`: happens from another page (accepting a proposal, the moderation queue), never from a button on the need itself. */
type Rule = { from: readonly NeedStatus[]; by: Party; reasonRequired?: boolean; elsewhere?: 'proposal' | 'moderation' }

const rules: Record<NeedAction, Rule> = {
  submit: { from: ['draft'], by: 'company' },
  retract: { from: ['submitted'], by: 'company' },
  approve: { from: ['submitted'], by: 'reviewer' },
  return_to_draft: { from: ['submitted'], by: 'reviewer', reasonRequired: true },
  open_discussion: { from: ['published'], by: 'system' },
  start_project: { from: openStatuses, by: 'company', elsewhere: 'proposal' },
  close_fulfilled: { from: ['in_project'], by: 'company' },
  abandon: { from: ['submitted', ...openStatuses, 'in_project'], by: 'company' },
  expire: { from: expiringStatuses, by: 'system' },
  reopen: { from: ['closed'], by: 'company' },
  reject: { from: ['submitted'], by: 'reviewer', reasonRequired: true, elsewhere: 'moderation' },
}

/** What the machine needs to know about a need. */
export type NeedState = {
  status: NeedStatus
  closedReason?: ClosedReason | null
  deadline?: Date | null
  /** A project was created from this need (it can then never go back online). */
  hasProject: boolean
}

export type TransitionContext = {
  /** The need's territory or one of the company's clusters requires an animator's review. */
  reviewRequired: boolean
  now: Date
  reason?: string
}

export type TransitionRefusal = 'forbidden' | 'invalid_state' | 'deadline_passed' | 'deadline_not_passed' | 'reason_required'

export type TransitionPlan =
  | { ok: true; from: NeedStatus; to: NeedStatus; closedReason: ClosedReason | null }
  | { ok: false; refusal: TransitionRefusal }

export const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

/** A deadline is a whole day: the need expires once that day is over (UTC). */
export function isDeadlinePassed(deadline: Date | null | undefined, now: Date): boolean {
  if (!deadline) return false
  return deadline.getTime() < startOfUtcDay(now).getTime()
}

function mayAct(party: Party, who: NeedActorRelation) {
  if (party === 'company') return who.companyMember
  if (party === 'reviewer') return who.reviewer
  return who.system
}

/** Where the need goes once the company sends it: review queue or straight online. */
const onlineOrReview = (ctx: TransitionContext): NeedStatus => (ctx.reviewRequired ? 'submitted' : 'published')

export function planTransition(need: NeedState, action: NeedAction, who: NeedActorRelation, ctx: TransitionContext): TransitionPlan {
  const rule = rules[action]
  if (!mayAct(rule.by, who)) return { ok: false, refusal: 'forbidden' }
  if (!rule.from.includes(need.status)) return { ok: false, refusal: 'invalid_state' }
  if (rule.reasonRequired && !ctx.reason?.trim()) return { ok: false, refusal: 'reason_required' }
  const from = need.status
  switch (action) {
    case 'submit':
      if (isDeadlinePassed(need.deadline, ctx.now)) return { ok: false, refusal: 'deadline_passed' }
      return { ok: true, from, to: onlineOrReview(ctx), closedReason: null }
    case 'retract':
    case 'return_to_draft':
      return { ok: true, from, to: 'draft', closedReason: null }
    case 'approve':
      if (isDeadlinePassed(need.deadline, ctx.now)) return { ok: false, refusal: 'deadline_passed' }
      return { ok: true, from, to: 'published', closedReason: null }
    case 'open_discussion':
      return { ok: true, from, to: 'in_discussion', closedReason: null }
    case 'start_project':
      return { ok: true, from, to: 'in_project', closedReason: null }
    case 'close_fulfilled':
      return { ok: true, from, to: 'closed', closedReason: 'fulfilled' }
    case 'abandon':
      return { ok: true, from, to: 'closed', closedReason: 'abandoned' }
    case 'expire':
      if (!isDeadlinePassed(need.deadline, ctx.now)) return { ok: false, refusal: 'deadline_not_passed' }
      return { ok: true, from, to: 'closed', closedReason: 'expired' }
    case 'reopen':
      // A fulfilled need, or one that led to a project, stays closed: its story is told.
      if (need.closedReason === 'fulfilled' || need.hasProject) return { ok: false, refusal: 'invalid_state' }
      if (isDeadlinePassed(need.deadline, ctx.now)) return { ok: false, refusal: 'deadline_passed' }
      return { ok: true, from, to: onlineOrReview(ctx), closedReason: null }
    case 'reject':
      // Refused for good: closed like an abandoned need, the animator's reason in its history.
      return { ok: true, from, to: 'closed', closedReason: 'abandoned' }
  }
}

/** The actions a person (not the system) could take now — the buttons the need page shows. */
export function availableActions(need: NeedState, who: NeedActorRelation, ctx: Omit<TransitionContext, 'reason'>): NeedAction[] {
  const person = { ...who, system: false }
  return needActions.filter((action) => {
    if (rules[action].by === 'system' || rules[action].elsewhere) return false
    const plan = planTransition(need, action, person, { ...ctx, reason: 'x' })
    // An expired deadline still offers "reopen"/"submit": the page then asks for a new date.
    return plan.ok || plan.refusal === 'deadline_passed'
  })
}

/** Company members may edit the content while the need is not yet in a project or closed. */
export const editableStatuses: readonly NeedStatus[] = ['draft', 'submitted', 'published', 'in_discussion']
export const isEditable = (status: NeedStatus) => editableStatuses.includes(status)

/** Proposals are accepted only while the need is open (online and not yet in a project). */
export const acceptsProposals = isOpen
