import { describe, expect, it } from 'vitest'
import { accountLockout, ipLockout, minutesUntil, retryAfter } from '~/domain/auth/lockout'

const now = new Date('2025-03-10T10:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('sign-in lockout rule', () => {
  it('allows up to 5 failures per account in 15 minutes, then locks', () => {
    expect(accountLockout).toEqual({ limit: 5, windowMs: 15 * 60_000 })
    expect(retryAfter([1, 2, 3, 4].map(minutesAgo), accountLockout, now)).toBeNull()
    expect(retryAfter([1, 2, 3, 4, 5].map(minutesAgo), accountLockout, now)).toEqual(new Date(minutesAgo(5).getTime() + 15 * 60_000))
  })

  it('opens again when enough of the oldest failures have left the window', () => {
    // 7 failures: the 3 oldest must expire before a new try; the 3rd oldest (6 min ago) sets the time.
    const failures = [1, 2, 3, 4, 5, 6, 7].map(minutesAgo)
    expect(retryAfter(failures, accountLockout, now)).toEqual(new Date(minutesAgo(5).getTime() + 15 * 60_000))
  })

  it('forgets failures older than the window', () => {
    expect(retryAfter([16, 20, 30, 1, 2].map(minutesAgo), accountLockout, now)).toBeNull()
    expect(retryAfter([14, 13, 12, 11, 10].map(minutesAgo), accountLockout, now)).toEqual(new Date(minutesAgo(14).getTime() + 15 * 60_000))
  })

  it('gives an IP more room (several people behind one company proxy)', () => {
    expect(ipLockout.limit).toBe(20)
    expect(retryAfter(Array.from({ length: 19 }, (_, i) => minutesAgo(i % 14)), ipLockout, now)).toBeNull()
    expect(retryAfter(Array.from({ length: 20 }, (_, i) => minutesAgo(i % 14)), ipLockout, now)).not.toBeNull()
  })

  it('tells whole minutes to wait, at least one', () => {
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2)
    expect(minutesUntil(new Date(now.getTime() + 10_000), now)).toBe(1)
    expect(minutesUntil(new Date(now.getTime() - 10_000), now)).toBe(1)
  })
})
