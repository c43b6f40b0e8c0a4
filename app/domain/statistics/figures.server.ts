import { DomainError } from '../errors'
import { onlineStatuses } from '../needs/lifecycle'
import { Need } from '../needs/model.server'
import { notHidden } from '../moderation/hidden.server'
import { territoryIds } from '../places/territories'
import { Project } from '../projects/model.server'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import { monthKey, monthsEndingWith, STATISTICS_TIME_ZONE, utcRangeCovering, type MonthKey } from './months'
import { masked, rollUp, type NeedGroup, type ProjectGroup } from './rollup'
import type { GroupFigures, MaskedFigures } from './small-counts'

/**
 * The public statistics (issue 20): needs published in each of 12 months, how fast they got a first
 * proposal, projects started — by month, territory, filière and technology domain. Only needs that
 * went online and are not hidden by moderation count; nothing names a company or a person.
 * MongoDB groups the documents (one pass over needs joined to their first proposal, one over
 * projects); ./rollup.ts turns the groups into rows. Computed at most once per CACHE_TTL_MS per
 * window, in process (docs/decisions/033-public-statistics-and-open-data.md).
 */
export const CACHE_TTL_MS = 5 * 60 * 1000
/**
 * The aggregations read every need of a year: over the 8 s limit of a page's query at 100,000
 * needs on a busy machine. They run at most once per CACHE_TTL_MS and only the first visitor of
 * a window waits for one (later refreshes happen behind the cached figures), so they get longer.
 */
export const AGGREGATION_TIMEOUT_MS = 60_000
const longRunning = { timeoutMS: AGGREGATION_TIMEOUT_MS } as Record<string, unknown>

export type Statistics = {
  months: MonthKey[]
  computedAt: string
  byMonth: Array<{ key: string } & GroupFigures>
  byTerritory: Array<{ key: string } & MaskedFigures>
  byFiliere: Array<{ key: string } & MaskedFigures>
  byDomain: Array<{ key: string } & MaskedFigures>
}


/** Group keys every grouping shares: month (French time), territory, filière, domains. */
const groupId = (dateField: string, needPath = '') => ({
  month: { $dateToString: { format: '%Y-%m', date: `$${dateField}`, timezone: STATISTICS_TIME_ZONE } },
  territory: `$${needPath}territory`,
  filiere: `$${needPath}filiere`,
  domains: `$${needPath}domains`,
})

/**
 * Needs grouped by month × territory × filière × domains, with the delays to a first proposal. Only
 * needs with proposals (the `proposalsReceived` counter the proposal service keeps) pay for the
 * `$lookup` of their first one: at 100,000 needs the lookup of every need was most of the cost.
 */
async function needGroups(months: MonthKey[]): Promise<NeedGroup[]> {
  const { from, to } = utcRangeCovering(months)
  const online = { status: { $in: [...onlineStatuses] }, publishedAt: { $gte: from, $lt: to }, ...(await notHidden('need')) }
  const byMonth = { $match: { '_id.month': { $in: months } } }
  type Row = { _id: Omit<NeedGroup, 'needs' | 'delaysMs'>; needs: number; delays?: Array<number | null> }
  const [unanswered, answered] = await Promise.all([
    Need.aggregate<Row>([{ $match: { ...online, proposalsReceived: { $not: { $gt: 0 } } } }, { $group: { _id: groupId('publishedAt'), needs: { $sum: 1 } } }, byMonth]).option(longRunning),
    Need.aggregate<Row>([
      { $match: { ...online, proposalsReceived: { $gt: 0 } } },
      // The first proposal, read from the { needId, createdAt } index.
      {
        $lookup: {
          from: 'proposals',
          localField: '_id',
          foreignField: 'needId',
          pipeline: [{ $sort: { createdAt: 1 } }, { $limit: 1 }, { $project: { _id: 0, createdAt: 1 } }],
          as: 'firstProposal',
        },
      },
      { $group: { _id: groupId('publishedAt'), needs: { $sum: 1 }, delays: { $push: { $subtract: [{ $first: '$firstProposal.createdAt' }, '$publishedAt'] } } } },
      byMonth,
    ])
      .allowDiskUse(true)
      .option(longRunning),
  ])
  return [...unanswered, ...answered].map((row) => ({
    ...row._id,
    domains: row._id.domains ?? [],
    needs: row.needs,
    // A proposal stamped before publication (clock skew) counts as immediate.
    delaysMs: (row.delays ?? []).filter((delay): delay is number => typeof delay === 'number').map((delay) => Math.max(0, delay)),
  }))
}

async function projectGroups(months: MonthKey[]): Promise<ProjectGroup[]> {
  const { from, to } = utcRangeCovering(months)
  const hidden = (await notHidden('need'))._id?.$nin ?? []
  const rows = await Project.aggregate<{ _id: Omit<ProjectGroup, 'projects'>; projects: number }>([
    { $match: { createdAt: { $gte: from, $lt: to }, needId: { $nin: hidden } } },
    { $lookup: { from: 'needs', localField: 'needId', foreignField: '_id', pipeline: [{ $project: { territory: 1, filiere: 1, domains: 1 } }], as: 'need' } },
    { $unwind: '$need' },
    { $group: { _id: groupId('createdAt', 'need.'), projects: { $sum: 1 } } },
    { $match: { '_id.month': { $in: months } } },
  ]).option(longRunning)
  return rows.map((row) => ({ ...row._id, domains: row._id.domains ?? [], projects: row.projects }))
}

/** The statistics of the 12 months ending with `lastMonth`, computed now (no cache). */
export async function computeStatistics(lastMonth: string, now = new Date()): Promise<Statistics> {
  const months = monthsEndingWith(lastMonth)
  const [needs, projects] = await Promise.all([needGroups(months), projectGroups(months)])
  return {
    months,
    computedAt: now.toISOString(),
    byMonth: rollUp('month', months, needs, projects),
    byTerritory: masked(rollUp('territory', territoryIds, needs, projects)),
    byFiliere: masked(rollUp('filiere', filiereIds, needs, projects)),
    byDomain: masked(rollUp('domain', technologyDomainIds, needs, projects)),
  }
}

type CacheEntry = { at: number; value: Promise<Statistics>; refresh?: Promise<void> }
const cache = new Map<string, CacheEntry>()
const CACHE_WINDOWS = 26
let coldComputations = 0

/**
 * The statistics from the in-process cache. Figures older than CACHE_TTL_MS are still served while
 * one refresh computes new ones behind them (stale-while-revalidate), so only the first visitor of
 * a window waits. Concurrent requests share one computation; a failed first computation is
 * forgotten (the next request retries), a failed refresh keeps the figures it would have replaced.
 */
export function statistics(lastMonth: string, now = new Date()): Promise<Statistics> {
  const cached = cache.get(lastMonth)
  if (!cached) {
    // One cold computation at a time per process: a burst of requests for many windows must not
    // start as many year-long aggregations (the current window is computed at start-up).
    if (coldComputations > 0) return Promise.reject(new DomainError('unavailable', 'statistics.errors.busy'))
    coldComputations++
    const value = computeStatistics(lastMonth, now)
    void value.then(
      () => coldComputations--,
      () => coldComputations--,
    )
    cache.set(lastMonth, { at: now.getTime(), value })
    value.catch(() => cache.get(lastMonth)?.value === value && cache.delete(lastMonth))
    // Every window one may ask for fits (query.ts, STATISTICS_MONTHS_OFFERED); never the current one evicted.
    if (cache.size > CACHE_WINDOWS) {
      const oldest = [...cache.keys()].find((key) => key !== currentMonth(now))
      if (oldest) cache.delete(oldest)
    }
    return value
  }
  if (now.getTime() - cached.at >= CACHE_TTL_MS && !cached.refresh) {
    const next = computeStatistics(lastMonth, now)
    cached.refresh = next.then(
      () => void cache.set(lastMonth, { at: now.getTime(), value: next }),
      () => void delete cached.refresh,
    )
  }
  return cached.value
}

/** For tests: the refresh under way for a window, if any. */
export const refreshUnderWay = (lastMonth: string) => cache.get(lastMonth)?.refresh

export const currentMonth = (now = new Date()) => monthKey(now)

/** For tests: forget every cached figure. */
export function clearStatisticsCache() {
  cache.clear()
  coldComputations = 0
}
