import { undecidedStatuses } from './lifecycle'
import type { ProposalStatus } from './vocabulary'

/**
 * What the company weighs before its one irreversible click: the shortlisted proposals side by
 * side, and how many other answers an acceptance will close. Pure, so the page and the tests
 * share the same reading.
 */

type Comparable = {
  id: string
  org: { name: string }
  approach: string
  durationMonths: number
  costRange: string
  trlStart: number | null
  trlEnd: number | null
  partners: string[]
  status: ProposalStatus
}

/** The first words of a text, cut on a word boundary, on one line, with an ellipsis when cut. */
export function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const lastSpace = cut.lastIndexOf(' ')
  // A single very long word is cut where it must be rather than left out.
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.!?—–-]+$/, '')}…`
}

/** Whether the proposal's end TRL reaches the need's target (null when either is unknown). */
export function reachesTarget(proposal: { trlEnd: number | null }, need: { trlTarget: number | null }): boolean | null {
  if (proposal.trlEnd == null || need.trlTarget == null) return null
  return proposal.trlEnd >= need.trlTarget
}

export type ComparisonRow = {
  id: string
  orgName: string
  summary: string
  durationMonths: number
  costRange: string
  trlStart: number | null
  trlEnd: number | null
  reachesTarget: boolean | null
  partners: string[]
}

/** The shortlisted proposals, in the order received; a comparison needs at least two. */
export function shortlistComparison(proposals: Comparable[], need: { trlTarget: number | null }): ComparisonRow[] {
  const shortlisted = proposals.filter((proposal) => proposal.status === 'shortlisted')
  if (shortlisted.length < 2) return []
  return shortlisted.map((proposal) => ({
    id: proposal.id,
    orgName: proposal.org.name,
    summary: summarise(proposal.approach),
    durationMonths: proposal.durationMonths,
    costRange: proposal.costRange,
    trlStart: proposal.trlStart,
    trlEnd: proposal.trlEnd,
    reachesTarget: reachesTarget(proposal, need),
    partners: proposal.partners,
  }))
}

/** The other proposals still undecided: accepting this one marks them « non retenue ». */
export function othersClosedByAccepting(proposals: Array<{ id: string; status: ProposalStatus }>, proposalId: string): number {
  return proposals.filter((proposal) => proposal.id !== proposalId && (undecidedStatuses as readonly ProposalStatus[]).includes(proposal.status)).length
}
