import { digestDue, digestPeriod } from '../notifications/digest-schedule'
import type { AlertFrequency } from './vocabulary'

/**
 * Whether an alert's e-mail is due at `now` (pure): alerts keep the digests' schedule — from
 * 7:00 Paris time, daily ones every day, weekly ones on Mondays — once per period, and only
 * while they are on.
 */
export function alertIsDue(alert: { frequency: AlertFrequency; enabled?: boolean | null; lastPeriod?: string | null }, now: Date): boolean {
  return alert.enabled !== false && digestDue(alert.frequency, now) && alert.lastPeriod !== digestPeriod(alert.frequency, now)
}
