/**
 * Statistical secrecy for the public breakdowns (by territory, filière, technology domain): a small
 * group could point at one company, so no count below 3 is published — the cell reads « moins de 3 »
 * ("<3" in open data) — and neither is any figure derived from it (a share, a median).
 * The monthly series covers the whole platform and is published as is.
 */
export const SMALL_COUNT_THRESHOLD = 3
export const FEWER_THAN_THRESHOLD = '<3'
export type Masked<T> = T | typeof FEWER_THAN_THRESHOLD

export const isSmallCount = (count: number) => count < SMALL_COUNT_THRESHOLD

/** The figures of one group, before secrecy. `answered` is the needs with any proposal. */
export type GroupFigures = {
  needs: number
  answeredWithin3Days: number
  answeredWithin5Days: number
  answered: number
  shareAnsweredWithin3Days: number | null
  shareAnsweredWithin5Days: number | null
  medianHoursToFirstProposal: number | null
  projectsStarted: number
}

export type MaskedFigures = { [Key in keyof GroupFigures]: Masked<GroupFigures[Key]> }

/** The figures of a group as they may be published. */
export function maskSmallCounts(figures: GroupFigures): MaskedFigures {
  if (isSmallCount(figures.needs)) {
    return Object.fromEntries(Object.keys(figures).map((key) => [key, FEWER_THAN_THRESHOLD])) as MaskedFigures
  }
  const countAnd = <T>(count: number, derived: T): [Masked<number>, Masked<T>] => (isSmallCount(count) ? [FEWER_THAN_THRESHOLD, FEWER_THAN_THRESHOLD] : [count, derived])
  const [answeredWithin3Days, shareAnsweredWithin3Days] = countAnd(figures.answeredWithin3Days, figures.shareAnsweredWithin3Days)
  const [answeredWithin5Days, shareAnsweredWithin5Days] = countAnd(figures.answeredWithin5Days, figures.shareAnsweredWithin5Days)
  const [answered, medianHoursToFirstProposal] = countAnd(figures.answered, figures.medianHoursToFirstProposal)
  return {
    needs: figures.needs,
    answeredWithin3Days,
    answeredWithin5Days,
    answered,
    shareAnsweredWithin3Days,
    shareAnsweredWithin5Days,
    medianHoursToFirstProposal,
    projectsStarted: isSmallCount(figures.projectsStarted) ? FEWER_THAN_THRESHOLD : figures.projectsStarted,
  }
}
