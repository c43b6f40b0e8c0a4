/**
 * The KPI rules shared by the animators' dashboard (app/domain/moderation/insights.server.ts) and
 * the public statistics (./figures.server.ts): pure functions over plain values, so "answered
 * within N days" and "median delay" mean the same thing on every page.
 */
export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/** The answer deadlines the platform reports on (PRODUCT.md: a first proposal within 3 and 5 days). */
export const answerDeadlinesDays = [3, 5] as const

export type KpiNeed = { publishedAt: Date | null; firstProposalAt: Date | null }

/** Count of items per key, as sorted [key, count] pairs (largest first, then by key). */
export function countBy<T>(items: readonly T[], keysOf: (item: T) => ReadonlyArray<string | null | undefined>): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>()
  for (const item of items) for (const key of keysOf(item)) if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** Milliseconds from publication to first proposal (never negative), or null when either is missing. */
export function firstProposalDelayMs(need: KpiNeed): number | null {
  if (!need.publishedAt || !need.firstProposalAt) return null
  return Math.max(0, need.firstProposalAt.getTime() - need.publishedAt.getTime())
}

/** Whether a first proposal that came `delayMs` after publication counts as answered within `days`. */
export const answeredWithin = (delayMs: number | null, days: number) => delayMs !== null && delayMs <= days * DAY_MS

/** Median of the values; null if none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Share (0–1) of published needs whose first proposal came within `days`; null with no published need. */
export function shareAnsweredWithin(needs: readonly KpiNeed[], days: number): number | null {
  const published = needs.filter((need) => need.publishedAt)
  if (!published.length) return null
  return published.filter((need) => answeredWithin(firstProposalDelayMs(need), days)).length / published.length
}

/** Median hours from publication to first proposal over answered needs; null if none. */
export function medianHoursToFirstProposal(needs: readonly KpiNeed[]): number | null {
  const delays = needs.map(firstProposalDelayMs).filter((delay): delay is number => delay !== null)
  const middle = median(delays)
  return middle === null ? null : middle / HOUR_MS
}
