import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '~/domain/messaging/rate-limit'

describe('message rate limit', () => {
  const setup = () => {
    let time = 1_000_000
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1, now: () => time })
    return { limiter, advance: (ms: number) => (time += ms) }
  }

  it('allows a burst up to the capacity, then refuses', () => {
    const { limiter } = setup()
    expect([1, 2, 3, 4].map(() => limiter.take('alice'))).toEqual([true, true, true, false])
  })

  it('refills over time at the given rate, never above the capacity', () => {
    const { limiter, advance } = setup()
    for (let i = 0; i < 3; i++) limiter.take('alice')
    advance(999)
    expect(limiter.take('alice')).toBe(false)
    advance(1)
    expect(limiter.take('alice')).toBe(true)
    advance(60_000)
    expect([1, 2, 3, 4].map(() => limiter.take('alice'))).toEqual([true, true, true, false])
  })

  it('counts each person separately', () => {
    const { limiter } = setup()
    for (let i = 0; i < 3; i++) limiter.take('alice')
    expect(limiter.take('alice')).toBe(false)
    expect(limiter.take('bob')).toBe(true)
  })
})
