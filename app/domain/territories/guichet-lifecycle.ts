/**
 * The states of a request made to a territory's guichet (docs/decisions/029-guichet-requests.md).
 * The only way a request's status changes is `planGuichetStep`; the service writes the step with
 * an update conditional on the status it read, so two animators acting at once cannot both win.
 *
 *   awaiting_verification ──verify──▶ open ──answer──▶ answered ─┐
 *   (guests, until their e-mail        │  ──route───▶ routed ───┤ answer / route again
 *    link is followed)                 │  ──draft_need──▶ need_drafted (the company confirms the draft)
 *                                      └──────────────────────────┘
 */
export const guichetStatuses = ['awaiting_verification', 'open', 'answered', 'routed', 'need_drafted'] as const
export type GuichetStatus = (typeof guichetStatuses)[number]

export const guichetSteps = ['verify', 'answer', 'route', 'draft_need'] as const
export type GuichetStep = (typeof guichetSteps)[number]

/** The animator's actions, in the order the queue shows them. */
export const animatorSteps = ['answer', 'route', 'draft_need'] as const satisfies readonly GuichetStep[]
export type AnimatorStep = (typeof animatorSteps)[number]

/** In the animators' queue (a guest's request enters it once its e-mail is verified). */
export const queuedStatuses = ['open', 'answered', 'routed', 'need_drafted'] as const satisfies readonly GuichetStatus[]
/** Still waiting for the guichet to act on it (the queue lists these first). */
export const pendingStatuses = ['open'] as const satisfies readonly GuichetStatus[]
/** The animator may still answer, route or draft a need. */
export const actionableStatuses = ['open', 'answered', 'routed'] as const satisfies readonly GuichetStatus[]

const transitions: Record<GuichetStep, { from: readonly GuichetStatus[]; to: GuichetStatus }> = {
  verify: { from: ['awaiting_verification'], to: 'open' },
  answer: { from: actionableStatuses, to: 'answered' },
  route: { from: actionableStatuses, to: 'routed' },
  draft_need: { from: actionableStatuses, to: 'need_drafted' },
}

/** What we know of the requester: a draft need is written for a company, so only for someone signed in with one. */
export type RequesterFacts = { hasAccount: boolean; hasCompany: boolean }

export type GuichetPlan = { ok: true; from: GuichetStatus; to: GuichetStatus } | { ok: false; reason: 'wrong_status' | 'no_company' }

export function planGuichetStep(status: GuichetStatus, step: GuichetStep, requester: RequesterFacts): GuichetPlan {
  const rule = transitions[step]
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_status' }
  if (step === 'draft_need' && !(requester.hasAccount && requester.hasCompany)) return { ok: false, reason: 'no_company' }
  return { ok: true, from: status, to: rule.to }
}

/** The animator's actions possible now (the page offers these only). */
export const availableGuichetSteps = (status: GuichetStatus, requester: RequesterFacts): AnimatorStep[] =>
  animatorSteps.filter((step) => planGuichetStep(status, step, requester).ok)

export const isQueued = (status: GuichetStatus) => (queuedStatuses as readonly GuichetStatus[]).includes(status)
