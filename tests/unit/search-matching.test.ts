import { describe, expect, it } from 'vitest'
import { explainMatch, proximity, rankMatches, trlFit } from '~/domain/search/matching'

describe('trlFit', () => {
  it('says whether the range covers the target', () => {
    expect(trlFit(5, 3, 6)).toBe('covers')
    expect(trlFit(7, 3, 6)).toBe('near')
    expect(trlFit(2, 3, 6)).toBe('near')
    expect(trlFit(9, 3, 6)).toBe('outside')
    expect(trlFit(null, 3, 6)).toBe('unknown')
    expect(trlFit(5, null, null)).toBe('unknown')
    expect(trlFit(8, 4, null)).toBe('covers')
  })
})

describe('proximity', () => {
  it('prefers the same département, then the same région', () => {
    expect(proximity({ departement: 'Jura', region: 'BFC' }, { departement: 'Jura', region: 'BFC' })).toBe('departement')
    expect(proximity({ departement: 'Jura', region: 'BFC' }, { departement: 'Doubs', region: 'BFC' })).toBe('region')
    expect(proximity({ departement: 'Jura', region: 'BFC' }, { departement: 'Gers', region: 'Occitanie' })).toBeNull()
  })
})

describe('explainMatch and rankMatches', () => {
  const base = { needDomains: ['robotics', 'ai'], trlTarget: 5, needPlace: { departement: 'Jura', region: 'BFC' }, textRank: 0 }
  const candidate = (name: string, overrides: Partial<Parameters<typeof explainMatch>[0]>) => ({
    name,
    explanation: explainMatch({ ...base, candidateDomains: [], trlMin: null, trlMax: null, candidatePlace: {}, ...overrides }),
  })

  it('explains matched domains, TRL fit and place', () => {
    const { explanation } = candidate('a', { candidateDomains: ['robotics', 'plastics'], trlMin: 4, trlMax: 6, candidatePlace: { departement: 'Jura', region: 'BFC' } })
    expect(explanation).toMatchObject({ matchedDomains: ['robotics'], trlFit: 'covers', proximity: 'departement' })
  })

  it('ranks more shared domains, a covering TRL and nearer first; drops no-domain and out-of-range candidates', () => {
    const ranked = rankMatches(
      [
        candidate('far, covers', { candidateDomains: ['robotics'], trlMin: 4, trlMax: 6, candidatePlace: { region: 'Occitanie' } }),
        candidate('near, covers', { candidateDomains: ['robotics'], trlMin: 4, trlMax: 6, candidatePlace: { departement: 'Jura', region: 'BFC' } }),
        candidate('two domains', { candidateDomains: ['robotics', 'ai'], trlMin: 4, trlMax: 6, candidatePlace: {} }),
        candidate('no domain', { candidateDomains: ['plastics'], trlMin: 4, trlMax: 6 }),
        candidate('outside TRL', { candidateDomains: ['robotics', 'ai'], trlMin: 8, trlMax: 9 }),
      ],
      10,
    )
    expect(ranked.map((item) => item.name)).toEqual(['two domains', 'near, covers', 'far, covers'])
  })
})
