import { SMALL_COUNT_THRESHOLD, shownCount, type ShownCount } from './small-counts'

/**
 * The map's colour scale: one pale class for « moins de 3 », then up to `STEPS` classes of
 * equal width from 3 to the largest count, each a darker shade of the same hue (a sequential
 * scale reads as "more"; colour is never the only carrier — every area has its count in its
 * name and in the table).
 */
export const STEPS = 4

/** Light to dark; the darker classes carry white labels in the legend. Contrast checked against white. */
export const SCALE_COLOURS = ['#eef2f7', '#c6d6ea', '#8eb0d6', '#4f7fb8', '#1f4e8c'] as const

export type ScaleClass = { index: number; colour: string; from: number; to: number | null }
export type ColourScale = { classes: ScaleClass[]; classOf(count: number): ScaleClass }

export function colourScale(maxCount: number): ColourScale {
  const fewer: ScaleClass = { index: 0, colour: SCALE_COLOURS[0], from: 0, to: SMALL_COUNT_THRESHOLD - 1 }
  const top = Math.floor(maxCount)
  const classes: ScaleClass[] = [fewer]
  if (top >= SMALL_COUNT_THRESHOLD) {
    const span = top - SMALL_COUNT_THRESHOLD + 1
    const steps = Math.min(STEPS, span)
    const width = Math.ceil(span / steps)
    for (let step = 0; step < steps; step++) {
      const from = SMALL_COUNT_THRESHOLD + step * width
      if (from > top) break
      const to = Math.min(top, from + width - 1)
      classes.push({ index: classes.length, colour: SCALE_COLOURS[classes.length]!, from, to })
    }
  }
  return {
    classes,
    classOf(count) {
      const shown: ShownCount = shownCount(count)
      if (shown.kind === 'fewer') return fewer
      return classes.find((item) => item.to !== null && shown.value >= item.from && shown.value <= item.to) ?? classes[classes.length - 1]!
    },
  }
}
