import { describe, expect, it } from 'vitest'
import { othersClosedByAccepting, reachesTarget, shortlistComparison, summarise } from '~/domain/proposals/comparison'
import type { ProposalStatus } from '~/domain/proposals/vocabulary'

const proposal = (id: string, status: ProposalStatus, extra: Partial<{ approach: string; trlEnd: number | null }> = {}) => ({
  id,
  org: { name: `Labo ${id}` },
  approach: extra.approach ?? `Approche ${id}`,
  durationMonths: 6,
  costRange: '50k_200k',
  trlStart: 4,
  trlEnd: extra.trlEnd === undefined ? 6 : extra.trlEnd,
  partners: [],
  status,
})

describe('summarise', () => {
  it('keeps a short text whole, on one line', () => {
    expect(summarise('Une campagne\n\nd’essais   sur banc.')).toBe('Une campagne d’essais sur banc.')
  })

  it('cuts a long text on a word boundary, without trailing punctuation, and marks the cut', () => {
    const text = 'Campagne d’images sur votre ligne, puis modèle de détection entraîné sur notre banc, puis déploiement.'
    const short = summarise(text, 40)
    expect(short).toBe('Campagne d’images sur votre ligne…')
    expect(short.length).toBeLessThanOrEqual(40)
  })

  it('cuts a single very long word where it must', () => {
    expect(summarise('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`)
  })
})

describe('shortlist comparison', () => {
  it('compares only shortlisted proposals, and only when there are at least two', () => {
    expect(shortlistComparison([proposal('a', 'shortlisted'), proposal('b', 'submitted')], { trlTarget: 6 })).toEqual([])
    const rows = shortlistComparison([proposal('a', 'shortlisted'), proposal('b', 'submitted'), proposal('c', 'shortlisted', { trlEnd: 5 })], { trlTarget: 6 })
    expect(rows.map((row) => [row.orgName, row.reachesTarget])).toEqual([
      ['Labo a', true],
      ['Labo c', false],
    ])
  })

  it('says nothing about the TRL target when either side does not give it', () => {
    expect(reachesTarget({ trlEnd: null }, { trlTarget: 6 })).toBeNull()
    expect(reachesTarget({ trlEnd: 7 }, { trlTarget: null })).toBeNull()
  })
})

describe('what accepting closes', () => {
  it('counts the other undecided proposals, not the decided ones nor itself', () => {
    const proposals = [proposal('a', 'shortlisted'), proposal('b', 'submitted'), proposal('c', 'declined'), proposal('d', 'withdrawn'), proposal('e', 'shortlisted')]
    expect(othersClosedByAccepting(proposals, 'a')).toBe(2)
    expect(othersClosedByAccepting([proposal('a', 'submitted')], 'a')).toBe(0)
  })
})
