import { describe, expect, it } from 'vitest'
import { escapeCsvCell, toCsv } from '~/domain/moderation/csv'
import { ageInDays, followUpFlags, type FollowUpNeed } from '~/domain/moderation/follow-up'
import { countBy, medianHoursToFirstProposal, shareAnsweredWithin } from '~/domain/statistics/kpi'
import { actorOf } from '~/domain/actor'
import { spacesFilter } from '~/domain/moderation/scope'

const DAY = 86_400_000
const now = new Date('2026-06-30T12:00:00.000Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)

describe('follow-up rules', () => {
  const base: FollowUpNeed = { status: 'published', proposalsReceived: 0, publishedAt: daysAgo(10), lastActivityAt: daysAgo(1) }
  it('flags a published need with no proposal from day 10, not before', () => {
    expect(followUpFlags(base, now)).toEqual(['no_proposal'])
    expect(followUpFlags({ ...base, publishedAt: daysAgo(9.9) }, now)).toEqual([])
  })
  it('does not flag a need that received a proposal, or one in discussion, for missing proposals', () => {
    expect(followUpFlags({ ...base, proposalsReceived: 1 }, now)).toEqual([])
    expect(followUpFlags({ ...base, status: 'in_discussion' }, now)).toEqual([])
  })
  it('proposes closing an open need idle for 30 days', () => {
    expect(followUpFlags({ ...base, proposalsReceived: 2, status: 'in_discussion', lastActivityAt: daysAgo(30) }, now)).toEqual(['propose_closing'])
    expect(followUpFlags({ ...base, proposalsReceived: 2, lastActivityAt: daysAgo(29) }, now)).toEqual([])
    expect(followUpFlags({ ...base, lastActivityAt: daysAgo(31), publishedAt: daysAgo(40) }, now)).toEqual(['no_proposal', 'propose_closing'])
  })
  it('ignores needs that are not open', () => {
    for (const status of ['draft', 'submitted', 'in_project', 'closed'] as const) expect(followUpFlags({ ...base, status, lastActivityAt: daysAgo(90) }, now)).toEqual([])
  })
  it('counts whole days of waiting', () => {
    expect(ageInDays(daysAgo(2.5), now)).toBe(2)
    expect(ageInDays(new Date(now.getTime() + DAY), now)).toBe(0)
  })
})

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+33 6 00', "'+33 6 00"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Besoin publié', 'Besoin publié'],
    ['a=b', 'a=b'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeCsvCell(input)).toBe(expected)
  })
  it('writes quoted rows (BOM for spreadsheets), formulas neutralised, commas and quotes intact', () => {
    const csv = toCsv(['date', 'motif'], [['2026-01-01', '=1+1'], ['2026-01-02', 'Il a dit "non", puis…'], ['2026-01-03', null]])
    expect(csv).toBe('\uFEFF"date","motif"\n"2026-01-01","\'=1+1"\n"2026-01-02","Il a dit ""non"", puis…"\n"2026-01-03",""\n')
  })
})

describe('dashboard figures', () => {
  const published = daysAgo(20)
  const at = (hours: number) => new Date(published.getTime() + hours * 3_600_000)
  const needs = [
    { publishedAt: published, firstProposalAt: at(24) },
    { publishedAt: published, firstProposalAt: at(96) },
    { publishedAt: published, firstProposalAt: at(200) },
    { publishedAt: published, firstProposalAt: null },
    { publishedAt: null, firstProposalAt: null },
  ]
  it('shares of published needs answered within 3 and 5 days', () => {
    expect(shareAnsweredWithin(needs, 3)).toBe(1 / 4)
    expect(shareAnsweredWithin(needs, 5)).toBe(2 / 4)
    expect(shareAnsweredWithin([{ publishedAt: null, firstProposalAt: null }], 3)).toBeNull()
  })
  it('median hours to first proposal over answered needs', () => {
    expect(medianHoursToFirstProposal(needs)).toBe(96)
    expect(medianHoursToFirstProposal(needs.slice(0, 2))).toBe(60)
    expect(medianHoursToFirstProposal([])).toBeNull()
  })
  it('counts by key, largest first, ignoring empty keys', () => {
    expect(countBy([{ d: ['ai', 'vision'] }, { d: ['ai'] }, { d: [null] }], (item) => item.d)).toEqual([
      { key: 'ai', count: 2 },
      { key: 'vision', count: 1 },
    ])
  })
})

describe('moderation scope as a query', () => {
  const animator = actorOf({ id: 'a', name: 'A', role: 'animator', animates: [{ kind: 'territory', ref: 'haut-jura' }, { kind: 'organisation', ref: 'c1' }] })
  it('filters on the animator’s spaces, everything for admins, nothing for anyone else', () => {
    expect(spacesFilter(actorOf({ id: 'b', name: 'B', role: 'admin' }))).toEqual({})
    expect(spacesFilter(actorOf({ id: 'c', name: 'C', role: 'researcher', animates: [{ kind: 'territory', ref: 'haut-jura' }] }))).toEqual({ _id: { $exists: false } })
    expect(spacesFilter(actorOf({ id: 'd', name: 'D', role: 'animator' }))).toEqual({ _id: { $exists: false } })
    expect(spacesFilter(animator)).toEqual({
      $or: [{ spaces: { $elemMatch: { kind: 'territory', ref: 'haut-jura' } } }, { spaces: { $elemMatch: { kind: 'organisation', ref: 'c1' } } }],
    })
  })
})
