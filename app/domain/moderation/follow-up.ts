import { isOpen, type NeedStatus } from '../needs/lifecycle'
/**
 * Follow-up rules, as public business advisors do it (Place des Entreprises): a published need
 * with no proposal after 10 days is flagged to its animators; an open need with no activity for
 * 30 days is proposed for closing. Pure: the service feeds it needs and a clock.
 */
export const NO_PROPOSAL_AFTER_DAYS = 10
export const INACTIVE_AFTER_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

export type FollowUpFlag = 'no_proposal' | 'propose_closing'

export type FollowUpNeed = {
  status: NeedStatus
  publishedAt: Date | null
  proposalsReceived: number
  /** The latest thing that happened to the need: an edit, a transition, a proposal. */
  lastActivityAt: Date
}

export function followUpFlags(need: FollowUpNeed, now: Date): FollowUpFlag[] {
  if (!isOpen(need.status)) return []
  const flags: FollowUpFlag[] = []
  if (need.status === 'published' && need.proposalsReceived === 0 && need.publishedAt && now.getTime() - need.publishedAt.getTime() >= NO_PROPOSAL_AFTER_DAYS * DAY_MS) {
    flags.push('no_proposal')
  }
  if (now.getTime() - need.lastActivityAt.getTime() >= INACTIVE_AFTER_DAYS * DAY_MS) flags.push('propose_closing')
  return flags
}

/** Whole days between two instants (the age shown in queues). */
export const ageInDays = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS))
