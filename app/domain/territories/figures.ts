/**
 * The key figures of a territory's page, as pure rules over counts the database computed
 * (./figures.server.ts), so the 5-day rule is tested on its own and matches the dashboard's
 * (app/domain/moderation/kpi.ts `shareAnsweredWithin`).
 */
export const ANSWER_WINDOW_DAYS = 5
export const ANSWER_WINDOW_MS = ANSWER_WINDOW_DAYS * 24 * 60 * 60 * 1000

/** Answered within the window: a first proposal no later than `ANSWER_WINDOW_DAYS` days after publication. */
export function answeredInTime(publishedAt: Date, firstProposalAt: Date | null): boolean {
  return firstProposalAt !== null && firstProposalAt.getTime() - publishedAt.getTime() <= ANSWER_WINDOW_MS
}

/** Share (0–1) of published needs answered in time; null when nothing was published (no figure rather than 0 %). */
export function answeredShare(counts: { published: number; answeredInTime: number }): number | null {
  if (counts.published <= 0) return null
  return Math.min(1, Math.max(0, counts.answeredInTime / counts.published))
}

export type TerritoryFigures = {
  openNeeds: number
  organisations: number
  projectsStarted: number
  publishedNeeds: number
  /** Share of published needs with a first proposal within 5 days; null without published needs. */
  answeredWithin5Days: number | null
}
