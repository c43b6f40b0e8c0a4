/**
 * The closed lists and limits of a proposal, without zod: pages showing proposals import these
 * without pulling the validation library into the browser (issue 16).
 */
export const proposalStatuses = ['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn', 'not_retained'] as const
export type ProposalStatus = (typeof proposalStatuses)[number]

/** At most one of these per organisation and need (unique partial index). */
export const activeProposalStatuses = ['submitted', 'shortlisted', 'accepted'] as const satisfies readonly ProposalStatus[]

/** Which action may start from which status: proposals/lifecycle.ts. */

export const declineReasons = ['too_early', 'too_costly', 'off_topic', 'unclear', 'other'] as const
export type DeclineReason = (typeof declineReasons)[number]

export const proposalLimits = { approach: 5000, team: 1000, partners: 5, partner: 160, declineText: 1000 } as const
