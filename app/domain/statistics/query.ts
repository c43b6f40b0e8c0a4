import { z } from 'zod'
import { invalid } from '../errors'
import { FIRST_STATISTICS_YEAR, monthKey, monthsEndingWith, parseMonthKey, type MonthKey } from './months'
import '~/i18n/areas/statistics'

/**
 * The query string of /statistiques and of the statistics datasets: only `mois=YYYY-MM` (the last
 * of the 12 months shown, default the current month). Anything else is a 400 with a sentence saying
 * what is wrong — a bookmarked link must not silently show other figures than it says.
 */
export const MAX_QUERY_LENGTH = 200

/**
 * The windows one may ask for: those ending in one of the last 24 months (the page's picker).
 * Each new window costs a year-long aggregation; a closed list keeps that cost bounded (ADR 033).
 */
export const STATISTICS_MONTHS_OFFERED = 24
export const offeredMonths = (now: Date) => monthsEndingWith(monthKey(now), STATISTICS_MONTHS_OFFERED).filter((month) => Number(month.slice(0, 4)) >= FIRST_STATISTICS_YEAR)

export const statisticsQuerySchema = (now: Date) =>
  z
    .object({
      mois: z
        .string()
        .regex(/^\d{4}-\d{2}$/, 'statistics.errors.monthFormat')
        .refine((value) => {
          const { year, month } = parseMonthKey(value)
          return month >= 1 && month <= 12 && year >= FIRST_STATISTICS_YEAR
        }, 'statistics.errors.monthOutOfRange')
        .refine((value) => value <= monthKey(now), 'statistics.errors.monthInFuture')
        .refine((value) => value >= offeredMonths(now)[0]!, 'statistics.errors.monthTooOld')
        .optional(),
    })
    .strict('statistics.errors.unknownParameter')

/** The last month asked for, or a DomainError('invalid') naming the problem. */
export function parseStatisticsQuery(search: URLSearchParams, rawLength: number, now = new Date()): { lastMonth: MonthKey; asked: boolean } {
  if (rawLength > MAX_QUERY_LENGTH) throw invalid('statistics.errors.queryTooLong')
  const entries = [...search]
  if (new Set(entries.map(([key]) => key)).size !== entries.length) throw invalid('statistics.errors.repeatedParameter')
  const parsed = statisticsQuerySchema(now).safeParse(Object.fromEntries(entries))
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? 'statistics.errors.unknownParameter')
  return { lastMonth: (parsed.data.mois as MonthKey | undefined) ?? monthKey(now), asked: Boolean(parsed.data.mois) }
}
