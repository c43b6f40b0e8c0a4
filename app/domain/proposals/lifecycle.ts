import type { ProposalStatus } from './vocabulary'

/**
 * The life of a proposal, as a pure state machine like a need's (needs/lifecycle.ts):
 *
 *   submitted → shortlisted → accepted
 *       │            ├──────→ declined           (the company decides, while the need is open)
 *       │            └──────→ withdrawn          (the proposer takes it back)
 *       └─ edited by the proposer until shortlisted; `not_retained` when another one is accepted
 *
 * The service checks an action with `allowsFrom` and writes conditionally on the statuses of
 * `rules[action].from`; pages show the buttons `availableActions` lists.
 */
export const proposalActions = ['edit', 'withdraw', 'shortlist', 'accept', 'decline'] as const
export type ProposalAction = (typeof proposalActions)[number]

/** Who the viewer is to a proposal: a member of the proposing organisation, or of the need's company. */
export type ProposalParty = 'proposer' | 'company'

type Rule = { from: readonly ProposalStatus[]; by: ProposalParty; needOpen: boolean }

/** Not decided yet: the company may still accept or decline; when it accepts another, these become `not_retained`. */
export const undecidedStatuses = ['submitted', 'shortlisted'] as const satisfies readonly ProposalStatus[]

export const proposalRules = {
  edit: { from: ['submitted'], by: 'proposer', needOpen: false },
  withdraw: { from: undecidedStatuses, by: 'proposer', needOpen: false },
  shortlist: { from: ['submitted'], by: 'company', needOpen: true },
  accept: { from: undecidedStatuses, by: 'company', needOpen: true },
  decline: { from: undecidedStatuses, by: 'company', needOpen: true },
} as const satisfies Record<ProposalAction, Rule>

/** The action may start from this status (who may act, and the need, are checked beside it). */
export const allowsFrom = (action: ProposalAction, status: ProposalStatus) => (proposalRules[action].from as readonly ProposalStatus[]).includes(status)

/** The buttons a proposal shows to this party, while its need is open or not. */
export function availableActions(proposal: { status: ProposalStatus }, party: ProposalParty, need: { open: boolean }): ProposalAction[] {
  return proposalActions.filter((action) => {
    const rule: Rule = proposalRules[action]
    return rule.by === party && (need.open || !rule.needOpen) && allowsFrom(action, proposal.status)
  })
}
