import { describe, expect, it } from 'vitest'
import {
  scheduleOneToOnes,
  slotTimes,
  validateSlotGrid,
  type Assignment,
  type OneToOneRequest,
  type ScheduleInput,
  type SchedulePlan,
} from '~/domain/meetings/scheduler'

const at = (iso: string) => new Date(iso)
const event = { startsAt: at('2027-03-10T08:00:00Z'), endsAt: at('2027-03-10T12:00:00Z') }
const grid = { slotMinutes: 20, firstSlotAt: at('2027-03-10T09:00:00Z'), lastSlotEndsAt: at('2027-03-10T11:00:00Z'), tables: 3 }

let clock = Date.parse('2027-02-01T10:00:00Z')
const request = (id: string, a: string, b: string, requestedAt?: Date): OneToOneRequest => ({
  id,
  people: [a, b],
  requestedAt: requestedAt ?? new Date((clock += 60_000)),
})

/** The invariants every plan must hold, whatever the input. */
function expectSound(input: ScheduleInput, plan: SchedulePlan) {
  const requests = new Map(input.requests.map((r) => [r.id, r]))
  const seats = new Set<string>()
  const busy = new Set<string>()
  for (const { requestId, slotIndex, table } of plan.assignments) {
    const request = requests.get(requestId)
    expect(request, `assignment for a request that is not accepted: ${requestId}`).toBeDefined()
    expect(slotIndex).toBeGreaterThanOrEqual(0)
    expect(slotIndex).toBeLessThan(input.slotCount)
    expect(table).toBeGreaterThanOrEqual(1)
    expect(table).toBeLessThanOrEqual(input.tables)
    const seat = `${slotIndex}/${table}`
    expect(seats.has(seat), `table used twice: ${seat}`).toBe(false)
    seats.add(seat)
    for (const person of request!.people) {
      const key = `${slotIndex}/${person}`
      expect(busy.has(key), `${person} booked twice in slot ${slotIndex}`).toBe(false)
      busy.add(key)
    }
  }
  // Every accepted request is either placed once or unscheduled once.
  const placedIds = plan.assignments.map((a) => a.requestId)
  const unscheduledIds = plan.unscheduled.map((u) => u.requestId)
  expect(new Set(placedIds).size).toBe(placedIds.length)
  expect([...placedIds, ...unscheduledIds].sort()).toEqual([...requests.keys()].sort())
}

describe('slot grid validation', () => {
  it('accepts a grid inside the event and counts its slots', () => {
    expect(validateSlotGrid(grid, event)).toEqual({ ok: true, slotCount: 6 })
    expect(validateSlotGrid({ ...grid, firstSlotAt: event.startsAt, lastSlotEndsAt: event.endsAt }, event)).toEqual({ ok: true, slotCount: 12 })
  })

  it('refuses a grid that does not fit the event, with the reason', () => {
    expect(validateSlotGrid({ ...grid, firstSlotAt: at('2027-03-10T07:40:00Z') }, event)).toEqual({ ok: false, reason: 'before_event' })
    expect(validateSlotGrid({ ...grid, lastSlotEndsAt: at('2027-03-10T12:20:00Z') }, event)).toEqual({ ok: false, reason: 'after_event' })
    expect(validateSlotGrid({ ...grid, firstSlotAt: grid.lastSlotEndsAt }, event)).toEqual({ ok: false, reason: 'order' })
    expect(validateSlotGrid({ ...grid, firstSlotAt: at('2027-03-10T11:20:00Z') }, event)).toEqual({ ok: false, reason: 'order' })
    expect(validateSlotGrid({ ...grid, firstSlotAt: new Date(Number.NaN) }, event)).toEqual({ ok: false, reason: 'order' })
  })

  it('refuses a span that is not a whole number of slots', () => {
    expect(validateSlotGrid({ ...grid, slotMinutes: 25 }, event)).toEqual({ ok: false, reason: 'whole_slots' })
  })

  it('refuses odd slot lengths and table counts', () => {
    for (const slotMinutes of [0, -20, 4, 241, 12.5]) {
      expect(validateSlotGrid({ ...grid, slotMinutes }, event)).toEqual({ ok: false, reason: 'slot_length' })
    }
    for (const tables of [0, -1, 1.5, 501]) {
      expect(validateSlotGrid({ ...grid, tables }, event)).toEqual({ ok: false, reason: 'tables' })
    }
  })

  it('refuses more slots than the limit', () => {
    const longEvent = { startsAt: at('2027-03-10T00:00:00Z'), endsAt: at('2027-03-12T00:00:00Z') }
    expect(validateSlotGrid({ ...grid, slotMinutes: 5, firstSlotAt: longEvent.startsAt, lastSlotEndsAt: longEvent.endsAt }, longEvent)).toEqual({
      ok: false,
      reason: 'too_many_slots',
    })
  })

  it('gives each slot its times', () => {
    expect(slotTimes(grid, 0)).toEqual({ startsAt: at('2027-03-10T09:00:00Z'), endsAt: at('2027-03-10T09:20:00Z') })
    expect(slotTimes(grid, 5)).toEqual({ startsAt: at('2027-03-10T10:40:00Z'), endsAt: at('2027-03-10T11:00:00Z') })
  })
})

describe('scheduling one-to-ones', () => {
  it('fills the first slot first, table by table', () => {
    const requests = [request('r1', 'ana', 'bob'), request('r2', 'cid', 'dan'), request('r3', 'eve', 'fay')]
    const plan = scheduleOneToOnes({ slotCount: 4, tables: 3, requests, confirmed: [] })
    expect(plan.assignments).toEqual([
      { requestId: 'r1', slotIndex: 0, table: 1 },
      { requestId: 'r2', slotIndex: 0, table: 2 },
      { requestId: 'r3', slotIndex: 0, table: 3 },
    ])
    expect(plan.unscheduled).toEqual([])
  })

  it('never books a person twice in a slot', () => {
    const requests = [request('r1', 'ana', 'bob'), request('r2', 'ana', 'cid'), request('r3', 'cid', 'bob')]
    const plan = scheduleOneToOnes({ slotCount: 4, tables: 5, requests, confirmed: [] })
    expect(plan.assignments).toEqual([
      { requestId: 'r1', slotIndex: 0, table: 1 },
      { requestId: 'r2', slotIndex: 1, table: 1 },
      { requestId: 'r3', slotIndex: 2, table: 1 },
    ])
  })

  it('moves to the next slot when the tables are full', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'c', 'd'), request('r3', 'e', 'f')]
    const plan = scheduleOneToOnes({ slotCount: 3, tables: 2, requests, confirmed: [] })
    expect(plan.assignments.find((a) => a.requestId === 'r3')).toEqual({ requestId: 'r3', slotIndex: 1, table: 1 })
  })

  it('skips slots where one of the two is unavailable', () => {
    const plan = scheduleOneToOnes({ slotCount: 3, tables: 1, requests: [request('r1', 'a', 'b')], confirmed: [], unavailable: { b: [0, 1] } })
    expect(plan.assignments).toEqual([{ requestId: 'r1', slotIndex: 2, table: 1 }])
  })

  it('says why a request cannot be placed', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'a', 'c'), request('r3', 'd', 'e'), request('r4', 'f', 'f')]
    const plan = scheduleOneToOnes({ slotCount: 1, tables: 1, requests, confirmed: [] })
    expect(plan.assignments).toEqual([{ requestId: 'r1', slotIndex: 0, table: 1 }])
    expect(plan.unscheduled).toEqual([
      { requestId: 'r2', reason: 'no_common_slot' },
      { requestId: 'r3', reason: 'no_table' },
      { requestId: 'r4', reason: 'invalid_request' },
    ])
    const allUnavailable = scheduleOneToOnes({ slotCount: 2, tables: 4, requests: [request('x', 'a', 'b')], confirmed: [], unavailable: { a: [0], b: [1] } })
    expect(allUnavailable.unscheduled).toEqual([{ requestId: 'x', reason: 'no_common_slot' }])
  })

  it('serves requests in the order they were made, whatever the input order', () => {
    const early = request('z-early', 'a', 'b', at('2027-01-01T09:00:00Z'))
    const late = request('a-late', 'a', 'c', at('2027-01-02T09:00:00Z'))
    for (const requests of [
      [early, late],
      [late, early],
    ]) {
      const plan = scheduleOneToOnes({ slotCount: 1, tables: 2, requests, confirmed: [] })
      expect(plan.assignments).toEqual([{ requestId: 'z-early', slotIndex: 0, table: 1 }])
      expect(plan.unscheduled).toEqual([{ requestId: 'a-late', reason: 'no_common_slot' }])
    }
  })

  it('breaks ties on the same instant by id', () => {
    const same = at('2027-01-01T09:00:00Z')
    const plan = scheduleOneToOnes({ slotCount: 1, tables: 1, requests: [request('r2', 'a', 'c', same), request('r1', 'a', 'b', same)], confirmed: [] })
    expect(plan.assignments).toEqual([{ requestId: 'r1', slotIndex: 0, table: 1 }])
  })
})

describe('stability under late changes', () => {
  it('keeps confirmed assignments where they are when a request is added', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'c', 'd')]
    const first = scheduleOneToOnes({ slotCount: 3, tables: 2, requests, confirmed: [] })
    // A new, older-looking request (e.g. a clock skew) still does not take a confirmed seat.
    const latecomer = request('r0', 'a', 'c', at('2020-01-01T00:00:00Z'))
    const second = scheduleOneToOnes({ slotCount: 3, tables: 2, requests: [...requests, latecomer], confirmed: first.assignments })
    for (const assignment of first.assignments) expect(second.assignments).toContainEqual(assignment)
    expect(second.added).toEqual([{ requestId: 'r0', slotIndex: 1, table: 1 }])
    expect(second.released).toEqual([])
  })

  it('frees the seat of a cancelled request and reuses it, moving nobody else', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'c', 'd'), request('r3', 'e', 'f')]
    const first = scheduleOneToOnes({ slotCount: 2, tables: 2, requests, confirmed: [] })
    expect(first.assignments).toContainEqual({ requestId: 'r1', slotIndex: 0, table: 1 })
    const withoutR1 = requests.filter((r) => r.id !== 'r1')
    const second = scheduleOneToOnes({ slotCount: 2, tables: 2, requests: [...withoutR1, request('r4', 'g', 'h')], confirmed: first.assignments })
    expect(second.released).toEqual([{ requestId: 'r1', slotIndex: 0, table: 1 }])
    expect(second.added).toEqual([{ requestId: 'r4', slotIndex: 0, table: 1 }])
    for (const assignment of first.assignments.filter((a) => a.requestId !== 'r1')) expect(second.assignments).toContainEqual(assignment)
  })

  it('places again only an assignment that no longer fits the grid', () => {
    const confirmed: Assignment[] = [
      { requestId: 'r1', slotIndex: 0, table: 1 },
      { requestId: 'r2', slotIndex: 5, table: 1 },
      { requestId: 'r3', slotIndex: 0, table: 4 },
    ]
    const requests = [request('r1', 'a', 'b'), request('r2', 'c', 'd'), request('r3', 'e', 'f')]
    const plan = scheduleOneToOnes({ slotCount: 2, tables: 2, requests, confirmed })
    expect(plan.assignments).toContainEqual({ requestId: 'r1', slotIndex: 0, table: 1 })
    expect(plan.released).toEqual([
      { requestId: 'r3', slotIndex: 0, table: 4 },
      { requestId: 'r2', slotIndex: 5, table: 1 },
    ])
    expectSound({ slotCount: 2, tables: 2, requests, confirmed }, plan)
  })

  it('keeps the first of two confirmed assignments that clash, and places the other again', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'a', 'c')]
    const confirmed = [
      { requestId: 'r2', slotIndex: 0, table: 2 },
      { requestId: 'r1', slotIndex: 0, table: 1 },
    ]
    const plan = scheduleOneToOnes({ slotCount: 2, tables: 2, requests, confirmed })
    expect(plan.assignments).toEqual([
      { requestId: 'r1', slotIndex: 0, table: 1 },
      { requestId: 'r2', slotIndex: 1, table: 1 },
    ])
  })

  it('gives the same plan when run again on its own output', () => {
    const requests = [request('r1', 'a', 'b'), request('r2', 'a', 'c'), request('r3', 'b', 'c')]
    const first = scheduleOneToOnes({ slotCount: 3, tables: 1, requests, confirmed: [] })
    const again = scheduleOneToOnes({ slotCount: 3, tables: 1, requests, confirmed: first.assignments })
    expect(again.assignments).toEqual(first.assignments)
    expect(again.added).toEqual([])
  })
})

/** A small seeded generator (mulberry32): the same seed gives the same cases on every run. */
function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number) => Math.floor(next() * max)
  return { next, int }
}

function randomCase(seed: number) {
  const random = randomSource(seed)
  const slotCount = 1 + random.int(8)
  const tables = 1 + random.int(4)
  const people = Array.from({ length: 2 + random.int(10) }, (_, i) => `p${i}`)
  const requests: OneToOneRequest[] = Array.from({ length: random.int(25) }, (_, i) => {
    const a = people[random.int(people.length)]!
    let b = people[random.int(people.length)]!
    if (b === a) b = people[(people.indexOf(a) + 1) % people.length]!
    return { id: `r${i}`, people: [a, b], requestedAt: new Date(Date.UTC(2027, 0, 1) + random.int(1000) * 60_000) }
  })
  const unavailable: Record<string, number[]> = {}
  for (const person of people) if (random.next() < 0.3) unavailable[person] = [random.int(slotCount)]
  return { random, slotCount, tables, requests, unavailable }
}

describe('scheduler properties over random inputs (seeded)', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => 1000 + i)

  it('never double-books a person or a table, and stays in the grid', () => {
    for (const seed of seeds) {
      const { slotCount, tables, requests, unavailable } = randomCase(seed)
      const input = { slotCount, tables, requests, confirmed: [], unavailable }
      const plan = scheduleOneToOnes(input)
      expectSound(input, plan)
      // A new placement never uses a slot its people declared unavailable.
      for (const { requestId, slotIndex } of plan.added) {
        for (const person of requests.find((r) => r.id === requestId)!.people) expect(unavailable[person] ?? []).not.toContain(slotIndex)
      }
    }
  })

  it('leaves a request out only when no seat was possible for it (early slots fill first)', () => {
    for (const seed of seeds) {
      const { slotCount, tables, requests, unavailable } = randomCase(seed)
      const plan = scheduleOneToOnes({ slotCount, tables, requests, confirmed: [], unavailable })
      const seatsUsed = (slot: number) => plan.assignments.filter((a) => a.slotIndex === slot).length
      const busy = (slot: number, person: string) =>
        (unavailable[person] ?? []).includes(slot) ||
        plan.assignments.some((a) => a.slotIndex === slot && requests.find((r) => r.id === a.requestId)!.people.includes(person))
      for (const { requestId } of plan.unscheduled) {
        const [a, b] = requests.find((r) => r.id === requestId)!.people
        for (let slot = 0; slot < slotCount; slot++) {
          expect(seatsUsed(slot) === tables || busy(slot, a) || busy(slot, b), `seed ${seed}: ${requestId} could sit in slot ${slot}`).toBe(true)
        }
      }
      // Each placement took the earliest slot open to it when it was made: no earlier slot had both free and a table.
      for (const assignment of plan.added) {
        const [a, b] = requests.find((r) => r.id === assignment.requestId)!.people
        const earlier = plan.assignments.filter((other) => other !== assignment)
        for (let slot = 0; slot < assignment.slotIndex; slot++) {
          const full = earlier.filter((o) => o.slotIndex === slot).length >= tables
          const clash = [a, b].some(
            (p) => (unavailable[p] ?? []).includes(slot) || earlier.some((o) => o.slotIndex === slot && requests.find((r) => r.id === o.requestId)!.people.includes(p)),
          )
          expect(full || clash, `seed ${seed}: ${assignment.requestId} skipped slot ${slot}`).toBe(true)
        }
      }
    }
  })

  it('is deterministic: shuffling the input changes nothing', () => {
    for (const seed of seeds) {
      const { random, slotCount, tables, requests, unavailable } = randomCase(seed)
      const shuffled = [...requests].sort(() => random.next() - 0.5)
      const plan = scheduleOneToOnes({ slotCount, tables, requests, confirmed: [], unavailable })
      expect(scheduleOneToOnes({ slotCount, tables, requests: shuffled, confirmed: [], unavailable })).toEqual(plan)
    }
  })

  it('never moves a confirmed assignment when requests are added or cancelled', () => {
    for (const seed of seeds) {
      const { random, slotCount, tables, requests, unavailable } = randomCase(seed)
      const half = Math.floor(requests.length / 2)
      const first = scheduleOneToOnes({ slotCount, tables, requests: requests.slice(0, half), confirmed: [], unavailable })
      // Late changes: a few of the first half cancelled, the second half arrives.
      const cancelled = new Set(requests.slice(0, half).filter(() => random.next() < 0.3).map((r) => r.id))
      const later = requests.filter((r) => !cancelled.has(r.id))
      const input = { slotCount, tables, requests: later, confirmed: first.assignments, unavailable }
      const second = scheduleOneToOnes(input)
      expectSound(input, second)
      for (const assignment of first.assignments) {
        if (cancelled.has(assignment.requestId)) expect(second.assignments.map((a) => a.requestId)).not.toContain(assignment.requestId)
        else expect(second.assignments, `seed ${seed}: ${assignment.requestId} moved`).toContainEqual(assignment)
      }
      expect(second.released.map((a) => a.requestId).sort()).toEqual(first.assignments.filter((a) => cancelled.has(a.requestId)).map((a) => a.requestId).sort())
    }
  })
})
