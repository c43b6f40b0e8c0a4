/**
 * The small-count rule: no area of the map, its table or its links ever shows a count below
 * `SMALL_COUNT_THRESHOLD` — 0, 1 and 2 all read « moins de 3 », so a count cannot point at one
 * company (and an empty area cannot be told from one with a single need).
 */
export const SMALL_COUNT_THRESHOLD = 3

export type ShownCount = { kind: 'exact'; value: number } | { kind: 'fewer'; than: number }

export function shownCount(count: number): ShownCount {
  if (!Number.isFinite(count) || count < SMALL_COUNT_THRESHOLD) return { kind: 'fewer', than: SMALL_COUNT_THRESHOLD }
  return { kind: 'exact', value: Math.floor(count) }
}

/** True when the count may be shown as it is. */
export const isShowable = (count: number) => shownCount(count).kind === 'exact'
