/**
 * When digests (and saved-search alerts) go (pure): from 7:00 Paris time, weekly ones on Mondays,
 * once per period — a day (`2025-03-14`) or an ISO week (`2025-W11`).
 */
export type DigestFrequency = 'daily' | 'weekly'

const ZONE = 'Europe/Paris'
const SEND_HOUR = 7

/** The day (YYYY-MM-DD), weekday (1 = Monday) and hour of `now` in Paris. */
function parisParts(now: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  )
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday, hour: Number(parts.hour) }
}

/** The period a digest sent at `now` belongs to: `2025-03-14` (daily) or `2025-W11` (weekly, ISO). */
export function digestPeriod(frequency: DigestFrequency, now: Date): string {
  const { day } = parisParts(now)
  if (frequency === 'daily') return day
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const yearStart = new Date(Date.UTC(date.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((date.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7)
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Whether the digest is due at `now`: from 7:00 Paris time, weekly ones on Mondays. */
export function digestDue(frequency: DigestFrequency, now: Date): boolean {
  const { weekday, hour } = parisParts(now)
  return hour >= SEND_HOUR && (frequency === 'daily' || weekday === 1)
}

