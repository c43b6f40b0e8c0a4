import { describe, expect, it } from 'vitest'
import { accountThrottle, minutesUntil, networkThrottle, pairThrottle, retryAfter } from '~/domain/auth/lockout'
import { networkOf } from '~/domain/auth/throttle.server'

const now = new Date('2025-03-10T10:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const minutesFrom = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000)

describe('sign-in throttling rule', () => {
  it('lets 5 failures of one account from one network through, then backs off from the latest one', () => {
    expect(pairThrottle).toEqual({ free: 5, firstDelayMs: 60_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 })
    expect(retryAfter([0.5, 0.4, 0.3, 0.2].map(minutesAgo), pairThrottle, now)).toBeNull()
    expect(retryAfter([0.5, 0.4, 0.3, 0.2, 0.1].map(minutesAgo), pairThrottle, now)).toEqual(minutesFrom(minutesAgo(0.1), 1))
  })

  it('doubles the wait with each further failure, up to 15 minutes', () => {
    const failures = (count: number) => Array.from({ length: count }, () => minutesAgo(0))
    expect([5, 6, 7, 8, 9, 10, 20].map((count) => (retryAfter(failures(count), pairThrottle, now)!.getTime() - now.getTime()) / 60_000)).toEqual([1, 2, 4, 8, 15, 15, 15])
  })

  it('lets the next try through once the wait is over, and forgets failures older than the hour', () => {
    expect(retryAfter([10, 9, 8, 7, 6].map(minutesAgo), pairThrottle, now)).toBeNull()
    expect(retryAfter([61, 62, 63, 64, 1].map(minutesAgo), pairThrottle, now)).toBeNull()
  })

  it('gives a network more room across accounts, and an account far more across networks', () => {
    expect(networkThrottle.free).toBe(20)
    expect(accountThrottle.free).toBe(50)
    expect(retryAfter(Array.from({ length: 19 }, () => minutesAgo(0)), networkThrottle, now)).toBeNull()
    expect(retryAfter(Array.from({ length: 20 }, () => minutesAgo(0)), networkThrottle, now)).not.toBeNull()
    expect(retryAfter(Array.from({ length: 49 }, () => minutesAgo(0)), accountThrottle, now)).toBeNull()
  })

  it('tells whole minutes to wait, at least one', () => {
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2)
    expect(minutesUntil(new Date(now.getTime() + 10_000), now)).toBe(1)
    expect(minutesUntil(new Date(now.getTime() - 10_000), now)).toBe(1)
  })
})

describe('the network of an address', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['2001:db8:a:b:1:2:3:4', '2001:db8:a:b::/64'],
    ['2001:db8:a:b::99', '2001:db8:a:b::/64'],
    ['2001:0db8:000a:000b:ffff::1', '2001:db8:a:b::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['', 'unknown'],
  ])('%s is in %s', (ip, network) => {
    expect(networkOf(ip)).toBe(network)
  })
})
