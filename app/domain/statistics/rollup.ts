import { answeredWithin, median, HOUR_MS } from './kpi'
import { maskSmallCounts, type GroupFigures, type MaskedFigures } from './small-counts'

/**
 * MongoDB groups the needs (and the projects) by month × territory × filière × domains; these pure
 * functions roll those groups up into the published series, with the shared KPI rules (./kpi.ts).
 */
export type GroupKeys = { month: string; territory: string | null; filiere: string | null; domains: string[] }
/** Needs of one group: how many, and the delays (ms) from publication to first proposal of those answered. */
export type NeedGroup = GroupKeys & { needs: number; delaysMs: number[] }
export type ProjectGroup = GroupKeys & { projects: number }

export type Dimension = 'month' | 'territory' | 'filiere' | 'domain'
const keysOf: Record<Dimension, (group: GroupKeys) => ReadonlyArray<string | null>> = {
  month: (group) => [group.month],
  territory: (group) => [group.territory],
  filiere: (group) => [group.filiere],
  // A need in two domains counts once in each.
  domain: (group) => [...new Set(group.domains)],
}

export function figuresOf(needs: number, delaysMs: readonly number[], projectsStarted: number): GroupFigures {
  const within = (days: number) => delaysMs.filter((delay) => answeredWithin(delay, days)).length
  const answeredWithin3Days = within(3)
  const answeredWithin5Days = within(5)
  const middle = median(delaysMs)
  return {
    needs,
    answeredWithin3Days,
    answeredWithin5Days,
    answered: delaysMs.length,
    shareAnsweredWithin3Days: needs ? answeredWithin3Days / needs : null,
    shareAnsweredWithin5Days: needs ? answeredWithin5Days / needs : null,
    medianHoursToFirstProposal: middle === null ? null : middle / HOUR_MS,
    projectsStarted,
  }
}

/** One row per key of `keys` (in that order, zeros included), from the groups. */
export function rollUp(dimension: Dimension, keys: readonly string[], needGroups: readonly NeedGroup[], projectGroups: readonly ProjectGroup[]): Array<{ key: string } & GroupFigures> {
  const totals = new Map(keys.map((key) => [key, { needs: 0, delaysMs: [] as number[], projects: 0 }]))
  for (const group of needGroups) {
    for (const key of keysOf[dimension](group)) {
      const total = key === null ? undefined : totals.get(key)
      if (!total) continue
      total.needs += group.needs
      for (const delay of group.delaysMs) total.delaysMs.push(delay)
    }
  }
  for (const group of projectGroups) {
    for (const key of keysOf[dimension](group)) {
      const total = key === null ? undefined : totals.get(key)
      if (total) total.projects += group.projects
    }
  }
  return keys.map((key) => {
    const total = totals.get(key)!
    return { key, ...figuresOf(total.needs, total.delaysMs, total.projects) }
  })
}

/** A breakdown as it may be published: the small-count rule on every row. */
export const masked = (rows: ReadonlyArray<{ key: string } & GroupFigures>): Array<{ key: string } & MaskedFigures> =>
  rows.map(({ key, ...figures }) => ({ key, ...maskSmallCounts(figures) }))
