/**
 * Brute-force rule for sign-in, as a pure function (the MongoDB side is in throttle.server.ts).
 * A sliding window: at most `limit` failures within `windowMs`, per account and per IP.
 */
export type LockoutRule = { limit: number; windowMs: number }

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000
export const accountLockout: LockoutRule = { limit: 5, windowMs: LOCKOUT_WINDOW_MS }
export const ipLockout: LockoutRule = { limit: 20, windowMs: LOCKOUT_WINDOW_MS }

/**
 * Given the earlier failures of one key, when may it try again? `null`: now.
 * Locked once `limit` failures are inside the window; it opens again when the oldest of the
 * failures that must expire leaves the window.
 */
export function retryAfter(failures: readonly Date[], rule: LockoutRule, now: Date): Date | null {
  const windowStart = now.getTime() - rule.windowMs
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > windowStart)
    .sort((a, b) => a - b)
  if (recent.length < rule.limit) return null
  // Once the (n - limit + 1) oldest have left the window, limit - 1 remain and one more try is allowed.
  return new Date(recent[recent.length - rule.limit]! + rule.windowMs)
}

/** Whole minutes to wait, rounded up, never 0 (the message says "in N minutes"). */
export function minutesUntil(when: Date, now: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / 60_000))
}
