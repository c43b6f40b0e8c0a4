/**
 * npm run bench:one-to-ones — how long the pure scheduler takes to plan a large brokerage event
 * (docs/decisions/031-one-to-one-scheduler.md), and a late re-plan with confirmed seats kept.
 */
import { scheduleOneToOnes, type OneToOneRequest } from '../app/domain/meetings/scheduler'

function seeded(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

for (const [people, requestCount, slotCount, tables] of [
  [100, 400, 12, 30],
  [300, 1500, 24, 60],
  [1000, 5000, 24, 200],
] as const) {
  const random = seeded(people)
  const requests: OneToOneRequest[] = Array.from({ length: requestCount }, (_, i) => {
    const a = Math.floor(random() * people)
    const b = (a + 1 + Math.floor(random() * (people - 1))) % people
    return { id: `r${i}`, people: [`p${a}`, `p${b}`], requestedAt: new Date(Date.UTC(2027, 0, 1) + i * 1000) }
  })
  let started = performance.now()
  const first = scheduleOneToOnes({ slotCount, tables, requests, confirmed: [] })
  const fullMs = performance.now() - started
  // Late change: 10 % cancelled, 10 % new requests, confirmed seats kept.
  const kept = requests.filter(() => random() > 0.1)
  const extra = requests.slice(0, requestCount / 10).map((r, i) => ({ ...r, id: `n${i}`, requestedAt: new Date(r.requestedAt.getTime() + 1e9) }))
  started = performance.now()
  const second = scheduleOneToOnes({ slotCount, tables, requests: [...kept, ...extra], confirmed: first.assignments })
  const replanMs = performance.now() - started
  console.log(
    `${people} people, ${requestCount} requests, ${slotCount} slots × ${tables} tables: plan ${fullMs.toFixed(1)} ms (${first.assignments.length} seated, ${first.unscheduled.length} unscheduled); ` +
      `re-plan ${replanMs.toFixed(1)} ms (${second.added.length} added, ${second.released.length} released)`,
  )
}
