/**
 * The seat rules, pure: whether a new registration gets a seat or a place on the waiting list,
 * and who moves up when seats free. The service applies them atomically (a conditional update of
 * the meeting's counter inside a transaction); these functions say what the answer must be, so
 * unit tests pin the rules without a database.
 */
export type SeatState = { capacity: number; registeredCount: number }

export const hasFreeSeat = (state: SeatState) => state.registeredCount < state.capacity

export const outcomeOfRegistration = (state: SeatState): 'registered' | 'waitlisted' => (hasFreeSeat(state) ? 'registered' : 'waitlisted')

/** How many people of the waiting list move up when the meeting now has `state`. */
export const seatsToFill = (state: SeatState, waiting: number) => Math.max(0, Math.min(waiting, state.capacity - state.registeredCount))

/** The waiting list in the order people joined it (position, then creation as a tie-break). */
export function waitlistOrder<T extends { position: number | null; createdAt: Date }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.createdAt.getTime() - b.createdAt.getTime())
}

/** The rank (1-based) a waiting person sees: how many are ahead of them, plus one. */
export function waitlistRank(entries: readonly { position: number | null; createdAt: Date; userId: string }[], userId: string): number | null {
  const index = waitlistOrder(entries).findIndex((entry) => entry.userId === userId)
  return index < 0 ? null : index + 1
}
