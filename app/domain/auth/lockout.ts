/**
 * Sign-in throttling rules, as pure functions (the MongoDB side is in throttle.server.ts; the
 * design in docs/decisions/016-origins-redirects-throttling.md). Nothing here locks an owner out:
 * failures are counted per account *and* network pair, so guesses from elsewhere never slow the
 * owner down; and a browser the owner signed in with before has its own budget.
 *
 * Back-off: the first `free` failures of a key within `windowMs` cost nothing; after that, each
 * new try must wait from the latest failure, twice as long each time, from `firstDelayMs` up to
 * `maxDelayMs`. Failures older than the window are forgotten.
 */
export type ThrottleRule = { free: number; firstDelayMs: number; maxDelayMs: number; windowMs: number }

export const THROTTLE_WINDOW_MS = 60 * 60 * 1000
const backOff = { firstDelayMs: 60_000, maxDelayMs: 15 * 60_000, windowMs: THROTTLE_WINDOW_MS }

/** One account from one network (an IPv4 address or an IPv6 /64), or from one browser the owner used before. */
export const pairThrottle: ThrottleRule = { free: 5, ...backOff }
/** One network across accounts (password spraying); room for a company behind one proxy. */
export const networkThrottle: ThrottleRule = { free: 20, ...backOff }
/**
 * One account across networks (guesses spread over many addresses), for browsers the owner never
 * signed in with. The owner still gets in from a known browser, or by resetting the password.
 */
export const accountThrottle: ThrottleRule = { free: 50, ...backOff }

/** Given the earlier failures of one key, when may it try again? `null`: now. */
export function retryAfter(failures: readonly Date[], rule: ThrottleRule, now: Date): Date | null {
  const windowStart = now.getTime() - rule.windowMs
  const recent = failures.map((at) => at.getTime()).filter((at) => at > windowStart)
  if (recent.length < rule.free) return null
  const delay = Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (recent.length - rule.free))
  const at = Math.max(...recent) + delay
  return at > now.getTime() ? new Date(at) : null
}

/** Whole minutes to wait, rounded up, never 0 (the message says "in N minutes"). */
export function minutesUntil(when: Date, now: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / 60_000))
}
