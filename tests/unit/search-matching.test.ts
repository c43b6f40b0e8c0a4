import { describe, expect, it } from 'vitest'
import { distancePoints, explainMatch, proximity, rankMatches, roundDistance, trlFit } from '~/domain/search/matching'

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

describe('distance', () => {
  const saintClaude = { lat: 46.38679, lng: 5.86473 }
  const oyonnax = { lat: 46.25917, lng: 5.65727 }
  const cholet = { lat: 47.05893, lng: -0.87974 }
  const explain = (candidatePlace: Parameters<typeof explainMatch>[0]['candidatePlace'], needPlace: Parameters<typeof explainMatch>[0]['needPlace'] = { departement: 'Jura', region: 'BFC', point: saintClaude }) =>
    explainMatch({ needDomains: ['robotics'], candidateDomains: ['robotics'], trlTarget: null, trlMin: null, trlMax: null, needPlace, candidatePlace, textRank: 0 })

  it('rounds to 5 km, to the kilometre under 10 km, never to 0', () => {
    expect(roundDistance(21.3)).toBe(20)
    expect(roundDistance(23)).toBe(25)
    expect(roundDistance(7.4)).toBe(7)
    expect(roundDistance(0.2)).toBe(1)
  })

  it('gives points within a short drive and a day trip', () => {
    expect(distancePoints(20)).toBe(2)
    expect(distancePoints(120)).toBe(1)
    expect(distancePoints(500)).toBe(0)
  })

  it('explains the distance between points, approximate when one is a département’s centre', () => {
    expect(explain({ departement: 'Ain', region: 'ARA', point: oyonnax })).toMatchObject({ distanceKm: 20, distanceApproximate: false })
    expect(explain({ departement: 'Ain', region: 'ARA', point: oyonnax, approximate: true })).toMatchObject({ distanceKm: 20, distanceApproximate: true })
    expect(explain({ departement: 'Jura', region: 'BFC' })).toMatchObject({ distanceKm: null, proximity: 'departement' })
  })

  it('ranks a partner 20 km away in another région above one 500 km away, where the régions alone would not', () => {
    const near = explain({ departement: 'Ain', region: 'ARA', point: oyonnax })
    const far = explain({ departement: 'Maine-et-Loire', region: 'PDL', point: cholet })
    expect(near.score).toBeGreaterThan(far.score)
  })
})
