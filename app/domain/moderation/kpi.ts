/** The dashboard's period; its figures are the shared KPI rules of app/domain/statistics/kpi.ts. */
import { DAY_MS } from '../statistics/kpi'

/** A period from GET params: the last N days (default 90), bounded to sane values. */
export const periodDays = [30, 90, 365] as const
export type PeriodDays = (typeof periodDays)[number]
export function periodStart(days: PeriodDays, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS)
}
