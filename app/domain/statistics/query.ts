import { z } from 'zod'
import { invalid } from '../errors'
import { FIRST_STATISTICS_YEAR, monthKey, parseMonthKey, type MonthKey } from './months'

/**
 * The query string of /statistiques and of the statistics datasets: only `mois=YYYY-MM` (the last
 * of the 12 months shown, default the current month). Anything else is a 400 with a sentence saying
 * what is wrong — a bookmarked link must not silently show other figures than it says.
 */
export const MAX_QUERY_LENGTH = 200

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
