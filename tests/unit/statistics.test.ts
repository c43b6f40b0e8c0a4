import { describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { answeredWithin, DAY_MS, HOUR_MS, median, medianHoursToFirstProposal, shareAnsweredWithin } from '~/domain/statistics/kpi'
import { monthKey, monthsEndingWith, utcRangeCovering } from '~/domain/statistics/months'
import { datasetCsv, statisticsRows } from '~/domain/statistics/open-data/rows'
import { parseDatasetFile, tableSchemas } from '~/domain/statistics/open-data/table-schema'
import { parseStatisticsQuery } from '~/domain/statistics/query'
import { figuresOf, masked, rollUp, type NeedGroup, type ProjectGroup } from '~/domain/statistics/rollup'
import { FEWER_THAN_THRESHOLD, maskSmallCounts } from '~/domain/statistics/small-counts'

describe('median', () => {
  it('is the middle value, or the mean of the two middle values, whatever the order', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it('gives the dashboard the same delay as the public statistics', () => {
    const at = new Date('2026-03-01T00:00:00Z')
    const needs = [10, 30, 200].map((hours) => ({ publishedAt: at, firstProposalAt: new Date(at.getTime() + hours * HOUR_MS) }))
    expect(medianHoursToFirstProposal(needs)).toBe(30)
    expect(figuresOf(3, [10, 30, 200].map((hours) => hours * HOUR_MS), 0).medianHoursToFirstProposal).toBe(30)
  })
})

describe('answered within N days', () => {
  it('counts a first proposal exactly N days later, not a millisecond more', () => {
    expect(answeredWithin(3 * DAY_MS, 3)).toBe(true)
    expect(answeredWithin(3 * DAY_MS + 1, 3)).toBe(false)
    expect(answeredWithin(null, 3)).toBe(false)
  })
  it('is the same share on the dashboard and in the statistics', () => {
    const at = new Date('2026-03-01T00:00:00Z')
    const needs = [{ publishedAt: at, firstProposalAt: new Date(at.getTime() + 2 * DAY_MS) }, { publishedAt: at, firstProposalAt: new Date(at.getTime() + 4 * DAY_MS) }, { publishedAt: at, firstProposalAt: null }]
    const figures = figuresOf(3, [2 * DAY_MS, 4 * DAY_MS], 0)
    expect(figures.shareAnsweredWithin3Days).toBe(shareAnsweredWithin(needs, 3))
    expect(figures.shareAnsweredWithin5Days).toBe(shareAnsweredWithin(needs, 5))
    expect([figures.answeredWithin3Days, figures.answeredWithin5Days, figures.answered]).toEqual([1, 2, 2])
  })
})

describe('month bucketing', () => {
  it('puts a date in its month in French time', () => {
    expect(monthKey(new Date('2026-01-31T22:59:00Z'))).toBe('2026-01')
    // 31 January 23:30 UTC is already 1 February in Paris (UTC+1).
    expect(monthKey(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02')
    // Summer time: UTC+2.
    expect(monthKey(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07')
  })
  it('lists the 12 months ending with one, across a year boundary', () => {
    expect(monthsEndingWith('2026-03')).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])
    expect(monthsEndingWith('2026-12', 2)).toEqual(['2026-11', '2026-12'])
  })
  it('reads a UTC range covering the months in French time', () => {
    const { from, to } = utcRangeCovering(['2026-01', '2026-02'])
    expect(from.getTime()).toBeLessThanOrEqual(Date.parse('2025-12-31T23:00:00Z'))
    expect(to.toISOString()).toBe('2026-03-01T00:00:00.000Z')
  })
})

describe('small-count rule', () => {
  const figures = figuresOf(10, [HOUR_MS, 2 * HOUR_MS, 5 * DAY_MS, 9 * DAY_MS], 2)
  it('shows a group of 3 needs or more, hiding each count below 3 and what derives from it', () => {
    const shown = maskSmallCounts(figures)
    expect(shown.needs).toBe(10)
    expect(shown.answeredWithin3Days).toBe(FEWER_THAN_THRESHOLD)
    expect(shown.shareAnsweredWithin3Days).toBe(FEWER_THAN_THRESHOLD)
    expect(shown.answeredWithin5Days).toBe(3)
    expect(shown.shareAnsweredWithin5Days).toBe(0.3)
    expect(shown.answered).toBe(4)
    expect(shown.medianHoursToFirstProposal).toBeCloseTo((2 + 120) / 2)
    expect(shown.projectsStarted).toBe(FEWER_THAN_THRESHOLD)
  })
  it('hides every figure of a group of fewer than 3 needs, zero included', () => {
    for (const needs of [0, 1, 2]) {
      const shown = maskSmallCounts(figuresOf(needs, needs ? [HOUR_MS] : [], 0))
      expect(Object.values(shown).every((value) => value === FEWER_THAN_THRESHOLD)).toBe(true)
    }
  })
  it('keeps exactly 3', () => {
    expect(maskSmallCounts(figuresOf(3, [HOUR_MS, HOUR_MS, HOUR_MS], 3))).toMatchObject({ needs: 3, answeredWithin3Days: 3, medianHoursToFirstProposal: 1, projectsStarted: 3 })
  })
  it('hides the median of fewer than 3 answered needs (it would be their delay)', () => {
    expect(maskSmallCounts(figuresOf(5, [HOUR_MS, 2 * HOUR_MS], 0)).medianHoursToFirstProposal).toBe(FEWER_THAN_THRESHOLD)
  })
})

describe('rolling groups up', () => {
  const group = (month: string, territory: string | null, filiere: string | null, domains: string[], needs: number, delaysMs: number[] = []): NeedGroup => ({ month, territory, filiere, domains, needs, delaysMs })
  const needs = [group('2026-01', 'haut-jura', 'lunetterie', ['ai', 'robotics'], 2, [HOUR_MS]), group('2026-02', 'haut-jura', null, ['ai'], 3, [DAY_MS, 4 * DAY_MS]), group('2026-02', null, 'lunetterie', [], 1)]
  const projects: ProjectGroup[] = [{ month: '2026-02', territory: 'haut-jura', filiere: 'lunetterie', domains: ['ai'], projects: 1 }]
  it('sums each key, in the order given, zeros included', () => {
    expect(rollUp('month', ['2026-01', '2026-02', '2026-03'], needs, projects).map((row) => [row.key, row.needs, row.answered, row.projectsStarted])).toEqual([
      ['2026-01', 2, 1, 0],
      ['2026-02', 4, 2, 1],
      ['2026-03', 0, 0, 0],
    ])
    expect(rollUp('territory', ['haut-jura', 'ancenis'], needs, projects).map((row) => row.needs)).toEqual([5, 0])
    expect(rollUp('filiere', ['lunetterie'], needs, projects)[0]).toMatchObject({ needs: 3, projectsStarted: 1 })
  })
  it('counts a need in each of its domains', () => {
    expect(rollUp('domain', ['ai', 'robotics'], needs, projects).map((row) => row.needs)).toEqual([5, 2])
  })
  it('masks the breakdowns', () => {
    expect(masked(rollUp('domain', ['ai', 'robotics'], needs, projects)).map((row) => row.needs)).toEqual([5, FEWER_THAN_THRESHOLD])
  })
})

describe('statistics query', () => {
  const now = new Date('2026-12-07T10:00:00Z')
  const parse = (query: string) => parseStatisticsQuery(new URLSearchParams(query), query.length, now)
  const refusal = (query: string) => {
    try {
      parse(query)
    } catch (error) {
      return error instanceof DomainError ? `${error.code} ${error.message}` : error
    }
    return 'accepted'
  }
  it('defaults to the current month and accepts a past one', () => {
    expect(parse('')).toEqual({ lastMonth: '2026-12', asked: false })
    expect(parse('?mois=2025-06')).toEqual({ lastMonth: '2025-06', asked: true })
  })
  it('refuses, naming the problem, anything else', () => {
    expect(refusal('?territoire=haut-jura')).toBe('invalid statistics.errors.unknownParameter')
    expect(refusal('?mois=2026-13')).toBe('invalid statistics.errors.monthOutOfRange')
    expect(refusal('?mois=2026-00')).toBe('invalid statistics.errors.monthOutOfRange')
    expect(refusal('?mois=1999-05')).toBe('invalid statistics.errors.monthOutOfRange')
    expect(refusal('?mois=2027-01')).toBe('invalid statistics.errors.monthInFuture')
    // Only the windows of the last 24 months: each new one costs a year-long aggregation.
    expect(refusal('?mois=2025-01')).toBe('accepted')
    expect(refusal('?mois=2024-12')).toBe('invalid statistics.errors.monthTooOld')
    expect(refusal('?mois=juin')).toBe('invalid statistics.errors.monthFormat')
    expect(refusal('?mois=2026-01&mois=2026-02')).toBe('invalid statistics.errors.repeatedParameter')
    expect(refusal(`?mois=${'9'.repeat(5000)}`)).toBe('invalid statistics.errors.queryTooLong')
  })
})

describe('open data files', () => {
  it('knows each dataset file name and nothing else', () => {
    expect(parseDatasetFile('statistiques-par-mois.csv')).toEqual({ name: 'statistiques-par-mois', format: 'csv' })
    expect(parseDatasetFile('annuaire-organisations.schema.json')).toEqual({ name: 'annuaire-organisations', format: 'schema.json' })
    for (const file of ['inconnu.csv', 'statistiques-par-mois.xlsx', '../etc/passwd', 'statistiques-par-mois', 'x'.repeat(500) + '.csv']) expect(parseDatasetFile(file)).toBeNull()
  })
  it('writes the schema’s fields in order, masked cells as « <3 », no value as empty, formulas escaped', () => {
    const byTerritory = masked(rollUp('territory', ['haut-jura', 'ancenis'], [{ month: '2026-01', territory: 'haut-jura', filiere: null, domains: [], needs: 4, delaysMs: [HOUR_MS, HOUR_MS, HOUR_MS] }], []))
    const rows = statisticsRows('statistiques-par-territoire', { months: ['2026-01'], computedAt: '', byMonth: [], byTerritory, byFiliere: [], byDomain: [] })
    const [header, hautJura, ancenis] = datasetCsv('statistiques-par-territoire', rows).trim().split('\n')
    expect(header).toBe(tableSchemas['statistiques-par-territoire'].fields.map((field) => field.name).join(','))
    expect(hautJura).toBe('haut-jura,Haut-Jura,4,3,3,3,0.75,0.75,1,<3')
    expect(ancenis).toBe('ancenis,Ancenis,<3,<3,<3,<3,<3,<3,<3,<3')
    expect(datasetCsv('annuaire-organisations', [{ identifiant: 'x', nom: '=HYPERLINK("x")', type: 'lab', trl_min: null }]).split('\n')[1]).toBe(`x,"'=HYPERLINK(""x"")",lab,,,,,,,,,`)
  })
})
