/**
 * Dashboard figures as pure functions over plain records, so each is tested on its own and the
 * service only gathers the records of the animator's scope and period.
 */
const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export type KpiNeed = { publishedAt: Date | null; firstProposalAt: Date | null }

/** Count of items per key, as sorted [key, count] pairs (largest first, then by key). */
export function countBy<T>(items: readonly T[], keysOf: (item: T) => ReadonlyArray<string | null | undefined>): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>()
  for (const item of items) for (const key of keysOf(item)) if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** Share (0–1) of published needs whose first proposal came within `days`; null with no published need. */
export function shareAnsweredWithin(needs: readonly KpiNeed[], days: number): number | null {
  const published = needs.filter((need) => need.publishedAt)
  if (!published.length) return null
  const answered = published.filter((need) => need.firstProposalAt && need.firstProposalAt.getTime() - need.publishedAt!.getTime() <= days * DAY_MS)
  return answered.length / published.length
}

/** Median hours from publication to first proposal over answered needs; null if none. */
export function medianHoursToFirstProposal(needs: readonly KpiNeed[]): number | null {
  const delays = needs
    .filter((need) => need.publishedAt && need.firstProposalAt)
    .map((need) => Math.max(0, need.firstProposalAt!.getTime() - need.publishedAt!.getTime()) / HOUR_MS)
    .sort((a, b) => a - b)
  if (!delays.length) return null
  const middle = Math.floor(delays.length / 2)
  return delays.length % 2 ? delays[middle]! : (delays[middle - 1]! + delays[middle]!) / 2
}

/** A period from GET params: the last N days (default 90), bounded to sane values. */
export const periodDays = [30, 90, 365] as const
export type PeriodDays = (typeof periodDays)[number]
export function periodStart(days: PeriodDays, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS)
}
