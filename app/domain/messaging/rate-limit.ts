/**
 * Per-user send limit: a token bucket (a burst of `capacity`, then `refillPerSecond`). Pure and
 * in memory: each server process keeps its own buckets, which bounds what one socket can push
 * into one process. `now` is injectable so the rule is tested without waiting.
 */
export type RateLimiter = {
  take: (key: string) => boolean
  /** Gives back a token taken for a send that was not stored (the database was unavailable): its retry is not a new message. */
  giveBack: (key: string) => void
}

export function createRateLimiter({
  capacity,
  refillPerSecond,
  now = Date.now,
  maxKeys = 50_000,
}: {
  capacity: number
  refillPerSecond: number
  now?: () => number
  maxKeys?: number
}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key) {
      const time = now()
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time }
      bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) / 1000) * refillPerSecond)
      bucket.at = time
      // Re-inserted so the Map's order is least recently used first.
      buckets.delete(key)
      buckets.set(key, bucket)
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!)
      if (bucket.tokens < 1) return false
      bucket.tokens -= 1
      return true
    },
    giveBack(key) {
      const bucket = buckets.get(key)
      if (bucket) bucket.tokens = Math.min(capacity, bucket.tokens + 1)
    },
  }
}

/** What a person may send: 20 messages at once, then one every half second. */
export const MESSAGE_RATE = { capacity: 20, refillPerSecond: 2 }
