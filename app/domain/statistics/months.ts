/**
 * Months of the public statistics: keys "YYYY-MM" in French time (a need published on 31 January
 * at 23:30 in Paris belongs to January), the same in MongoDB ($dateToString with STATISTICS_TIME_ZONE)
 * and here.
 */
export const STATISTICS_TIME_ZONE = 'Europe/Paris'
export const MONTHS_SHOWN = 12
/** The platform's first year: no statistics before it. */
export const FIRST_STATISTICS_YEAR = 2020

export type MonthKey = `${number}-${string}`

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: STATISTICS_TIME_ZONE, year: 'numeric', month: '2-digit' })

/** The month (French time) a date falls in. */
export function monthKey(date: Date): MonthKey {
  const parts = Object.fromEntries(monthFormat.formatToParts(date).map((part) => [part.type, part.value]))
  return `${Number(parts.year)}-${parts.month!}`
}

export function parseMonthKey(key: string): { year: number; month: number } {
  const [year, month] = key.split('-').map(Number)
  return { year: year!, month: month! }
}

const keyOf = (year: number, month: number): MonthKey => `${year}-${String(month).padStart(2, '0')}`

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count = MONTHS_SHOWN): MonthKey[] {
  const { year, month } = parseMonthKey(last)
  return Array.from({ length: count }, (_, index) => {
    const offset = year * 12 + (month - 1) - (count - 1 - index)
    return keyOf(Math.floor(offset / 12), (offset % 12) + 1)
  })
}

/**
 * A UTC range surely covering the months (French time is UTC+1 or +2): the query reads this range
 * by index, then keeps the documents whose month key is one of the months.
 */
export function utcRangeCovering(months: readonly string[]): { from: Date; to: Date } {
  const first = parseMonthKey(months[0]!)
  const last = parseMonthKey(months[months.length - 1]!)
  return { from: new Date(Date.UTC(first.year, first.month - 1, 1) - 86_400_000), to: new Date(Date.UTC(last.year, last.month, 1)) }
}
