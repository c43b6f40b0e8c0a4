/**
 * When the outbox tries a mail again after a failed attempt: 15 s, 30 s, 1 min, 2 min… doubling up
 * to an hour, each delay spread by ±20 % so that mails queued together while the SMTP server was
 * down do not all come back in the same second. After `MAX_ATTEMPTS` the mail is marked failed
 * (about a day of trying), and the admin sees it.
 */
export const MAX_ATTEMPTS = 30
export type BackoffPolicy = { baseMs: number; maxMs: number }
export const defaultBackoff: BackoffPolicy = { baseMs: 15_000, maxMs: 60 * 60 * 1000 }

/** The delay before attempt `attempts + 1`, given that `attempts` (≥ 1) have failed. */
export function retryDelayMs(attempts: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30)
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent)
  return Math.round(delay * (0.8 + 0.4 * random()))
}

/** An SMTP answer that will not change by trying again (5xx: no such mailbox, refused content). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}
