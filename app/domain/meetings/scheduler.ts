/**
 * Business meetings (one-to-ones) placed into an event's slot grid — pure, no database, no clock.
 *
 * The grid is `slotCount` consecutive slots of `slotMinutes`, each with `tables` tables. The
 * scheduler takes the accepted requests, the assignments already confirmed and each person's
 * unavailable slots, and answers where every request sits, or why it cannot.
 *
 * Rules (docs/decisions/031-one-to-one-scheduler.md):
 * - nobody is in two one-to-ones in the same slot, no table is used twice in a slot;
 * - early slots fill first, then low table numbers;
 * - first come, first served: new requests are placed in order of `requestedAt` (then id), so
 *   the answer never depends on the order of the input arrays;
 * - stability: a confirmed assignment never moves. Adding or cancelling a request only places
 *   the new ones into seats nobody holds (a cancelled request's seat is free again).
 */

export type SlotGrid = {
  slotMinutes: number
  firstSlotAt: Date
  lastSlotEndsAt: Date
  tables: number
}

export type EventWindow = { startsAt: Date; endsAt: Date }

export const gridLimits = { minSlotMinutes: 5, maxSlotMinutes: 240, maxTables: 500, maxSlots: 200 } as const

export const gridRefusals = [
  'slot_length', // slotMinutes is not a whole number between the limits
  'tables', // tables is not a whole number between 1 and the limit
  'order', // the first slot does not start before the last one ends
  'before_event', // the first slot starts before the event
  'after_event', // the last slot ends after the event
  'whole_slots', // the span is not a whole number of slots
  'too_many_slots', // more slots than the limit
] as const
export type GridRefusal = (typeof gridRefusals)[number]

export type GridCheck = { ok: true; slotCount: number } | { ok: false; reason: GridRefusal }

const minute = 60_000

/** Whether the grid is well formed and fits inside the event; the number of slots if it does. */
export function validateSlotGrid(grid: SlotGrid, event: EventWindow): GridCheck {
  const { slotMinutes, tables } = grid
  if (!Number.isInteger(slotMinutes) || slotMinutes < gridLimits.minSlotMinutes || slotMinutes > gridLimits.maxSlotMinutes) {
    return { ok: false, reason: 'slot_length' }
  }
  if (!Number.isInteger(tables) || tables < 1 || tables > gridLimits.maxTables) return { ok: false, reason: 'tables' }
  const first = grid.firstSlotAt.getTime()
  const last = grid.lastSlotEndsAt.getTime()
  if (!Number.isFinite(first) || !Number.isFinite(last) || first >= last) return { ok: false, reason: 'order' }
  if (first < event.startsAt.getTime()) return { ok: false, reason: 'before_event' }
  if (last > event.endsAt.getTime()) return { ok: false, reason: 'after_event' }
  const span = last - first
  if (span % (slotMinutes * minute) !== 0) return { ok: false, reason: 'whole_slots' }
  const slotCount = span / (slotMinutes * minute)
  if (slotCount > gridLimits.maxSlots) return { ok: false, reason: 'too_many_slots' }
  return { ok: true, slotCount }
}

/** Start and end of slot `slotIndex` (0-based). */
export function slotTimes(grid: SlotGrid, slotIndex: number): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(grid.firstSlotAt.getTime() + slotIndex * grid.slotMinutes * minute)
  return { startsAt, endsAt: new Date(startsAt.getTime() + grid.slotMinutes * minute) }
}

export type OneToOneRequest = {
  id: string
  /** The two people meeting (requester first; the order does not matter to the scheduler). */
  people: readonly [string, string]
  requestedAt: Date
}

export type Assignment = { requestId: string; slotIndex: number; table: number }

export const unscheduledReasons = [
  'no_common_slot', // in every slot at least one of the two is busy or unavailable
  'no_table', // both are free in some slot, but every table there is taken
  'invalid_request', // someone meeting themselves
] as const
export type UnscheduledReason = (typeof unscheduledReasons)[number]

export type ScheduleInput = {
  slotCount: number
  tables: number
  /** Accepted requests: every one of them should end up placed or unscheduled. */
  requests: readonly OneToOneRequest[]
  /** Assignments from the previous plan. Those whose request is still accepted stay where they are. */
  confirmed: readonly Assignment[]
  /** Slots a person cannot attend (person id → slot indexes). */
  unavailable?: Readonly<Record<string, readonly number[]>>
}

export type SchedulePlan = {
  /** Every placed request, confirmed ones included, ordered by slot then table. */
  assignments: Assignment[]
  /** Assignments made by this run (not in `confirmed`). */
  added: Assignment[]
  /** Confirmed assignments dropped because their request is no longer accepted (their seats are free). */
  released: Assignment[]
  unscheduled: { requestId: string; reason: UnscheduledReason }[]
}

const byArrival = (a: OneToOneRequest, b: OneToOneRequest) =>
  a.requestedAt.getTime() - b.requestedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const bySeat = (a: Assignment, b: Assignment) => a.slotIndex - b.slotIndex || a.table - b.table

export function scheduleOneToOnes(input: ScheduleInput): SchedulePlan {
  const { slotCount, tables } = input
  const requests = new Map(input.requests.map((request) => [request.id, request]))
  // Per slot: the tables taken and the people busy.
  const tablesTaken = Array.from({ length: slotCount }, () => new Set<number>())
  const peopleBusy = Array.from({ length: slotCount }, () => new Set<string>())
  const unavailable = new Map(Object.entries(input.unavailable ?? {}).map(([person, slots]) => [person, new Set(slots)]))

  const kept: Assignment[] = []
  const released: Assignment[] = []
  const placed = new Set<string>()
  // Confirmed first, in seat order: they are never moved. One that no longer holds (its request
  // was cancelled, the grid shrank under it, or it clashes with an earlier one) is released and
  // its request, if still accepted, is placed again like a new one.
  for (const assignment of [...input.confirmed].sort(bySeat)) {
    const request = requests.get(assignment.requestId)
    const fits =
      request !== undefined &&
      !placed.has(request.id) &&
      Number.isInteger(assignment.slotIndex) &&
      assignment.slotIndex >= 0 &&
      assignment.slotIndex < slotCount &&
      Number.isInteger(assignment.table) &&
      assignment.table >= 1 &&
      assignment.table <= tables &&
      !tablesTaken[assignment.slotIndex]!.has(assignment.table) &&
      !request.people.some((person) => peopleBusy[assignment.slotIndex]!.has(person))
    if (!fits) {
      released.push(assignment)
      continue
    }
    tablesTaken[assignment.slotIndex]!.add(assignment.table)
    for (const person of request.people) peopleBusy[assignment.slotIndex]!.add(person)
    placed.add(request.id)
    kept.push({ ...assignment })
  }

  const added: Assignment[] = []
  const unscheduled: SchedulePlan['unscheduled'] = []
  for (const request of [...requests.values()].filter((r) => !placed.has(r.id)).sort(byArrival)) {
    const [a, b] = request.people
    if (a === b) {
      unscheduled.push({ requestId: request.id, reason: 'invalid_request' })
      continue
    }
    let bothFreeSomewhere = false
    let seat: Assignment | null = null
    for (let slotIndex = 0; slotIndex < slotCount && !seat; slotIndex++) {
      const free = (person: string) => !peopleBusy[slotIndex]!.has(person) && !unavailable.get(person)?.has(slotIndex)
      if (!free(a) || !free(b)) continue
      bothFreeSomewhere = true
      for (let table = 1; table <= tables; table++) {
        if (!tablesTaken[slotIndex]!.has(table)) {
          seat = { requestId: request.id, slotIndex, table }
          break
        }
      }
    }
    if (!seat) {
      unscheduled.push({ requestId: request.id, reason: bothFreeSomewhere ? 'no_table' : 'no_common_slot' })
      continue
    }
    tablesTaken[seat.slotIndex]!.add(seat.table)
    peopleBusy[seat.slotIndex]!.add(a).add(b)
    placed.add(request.id)
    added.push(seat)
  }

  return { assignments: [...kept, ...added].sort(bySeat), added, released, unscheduled }
}
