import { describe, expect, it } from 'vitest'
import { communeDisplayName, communeLabel } from '~/domain/places/commune'
import { resolveCommune, resolveCommuneText, searchCommunes, SEARCH_LIMIT } from '~/domain/places/communes.server'
import { normalizePlaceText } from '~/domain/places/normalize'

const names = (query: string) => searchCommunes(query).map((commune) => commune.communeName)

describe('place text', () => {
  it('ignores accents, case, punctuation and spells out "St"/"Ste"', () => {
    expect(normalizePlaceText('Saint-Étienne-du-Rouvray')).toBe('saint etienne du rouvray')
    expect(normalizePlaceText('st etienne du rouvray')).toBe('saint etienne du rouvray')
    expect(normalizePlaceText('STE-FOY-LÈS-LYON')).toBe('sainte foy les lyon')
  })
})

describe('commune search', () => {
  it('finds a commune by name with its département and région', () => {
    const [first] = searchCommunes('Cholet')
    expect(first).toMatchObject({ communeCode: '49099', communeName: 'Cholet', departementName: 'Maine-et-Loire', regionName: 'Pays de la Loire' })
  })

  it('ranks the exact name first, then names starting with the query, then the most populated', () => {
    const results = names('Laval')
    expect(results[0]).toBe('Laval')
    expect(results.indexOf('Laval')).toBeLessThan(results.findIndex((name) => name.startsWith('Laval-')))
    // Two communes named Saint-Claude: the exact matches come before Saint-Claude-de-Diray.
    const saintClaude = names('st claude')
    expect(saintClaude.slice(0, 2)).toEqual(['Saint-Claude', 'Saint-Claude'])
    expect(saintClaude).toContain('Saint-Claude-de-Diray')
  })

  it('is accent-insensitive', () => {
    expect(searchCommunes('besancon')[0]?.communeName).toBe('Besançon')
    expect(searchCommunes('ETIENNE').some((commune) => commune.communeName === 'Saint-Étienne')).toBe(true)
  })

  it('finds a former commune and leads to the current one (Morez → Hauts de Bienne)', () => {
    const [first] = searchCommunes('Morez')
    expect(first).toMatchObject({ communeCode: '39368', communeName: 'Hauts de Bienne', matchedName: 'Morez', departementName: 'Jura' })
    expect(communeLabel(first!)).toBe('Morez – Hauts de Bienne (39)')
  })

  it('finds communes by postal code and by INSEE code', () => {
    expect(searchCommunes('39200')[0]?.communeName).toBe('Saint-Claude')
    expect(searchCommunes('2A004')[0]?.communeName).toBe('Ajaccio')
  })

  it('narrows a name with a département number', () => {
    expect(searchCommunes('saint claude 39').map((commune) => commune.departementCode)).toEqual(
      expect.arrayContaining(['39']),
    )
    expect(searchCommunes('saint claude 39').every((commune) => commune.departementCode === '39')).toBe(true)
  })

  it('returns at most ten communes, and nothing for one letter', () => {
    expect(searchCommunes('sa')).toHaveLength(SEARCH_LIMIT)
    expect(searchCommunes('s')).toEqual([])
  })
})

describe('commune resolution', () => {
  it('resolves a current commune code to its full location, and nothing else', () => {
    expect(resolveCommune('39478')).toEqual({
      communeCode: '39478',
      communeName: 'Saint-Claude',
      departementCode: '39',
      departementName: 'Jura',
      regionCode: '27',
      regionName: 'Bourgogne-Franche-Comté',
      delegatedName: null,
    })
    expect(resolveCommune('00000')).toBeNull()
    expect(resolveCommune('Saint-Claude')).toBeNull()
  })

  it('takes typed text naming exactly one commune', () => {
    expect(resolveCommuneText('Cholet')).toMatchObject({ status: 'found', location: { communeCode: '49099' } })
    expect(resolveCommuneText('Saint-Claude (39)')).toMatchObject({ status: 'found', location: { communeCode: '39478' } })
    expect(resolveCommuneText('Morez – Hauts de Bienne (39)')).toMatchObject({ status: 'found', location: { communeCode: '39368' } })
  })

  it('asks which one when a name is shared, suggesting at most five', () => {
    const result = resolveCommuneText('Saint-Claude')
    expect(result.status).toBe('ambiguous')
    if (result.status === 'found') return
    expect(result.suggestions.map((commune) => commune.communeCode).sort()).toEqual(['39478', '97124'])
    const sainteColombe = resolveCommuneText('Sainte-Colombe')
    expect(sainteColombe.status === 'ambiguous' && sainteColombe.suggestions).toHaveLength(5)
  })

  it('suggests close names for an unknown one', () => {
    const result = resolveCommuneText('Saint-Clau')
    expect(result.status).toBe('unknown')
    expect(result.status !== 'found' && result.suggestions[0]?.communeName).toMatch(/^Saint-Claude/)
    expect(resolveCommuneText('Xyzzyville')).toEqual({ status: 'unknown', suggestions: [] })
  })
})

describe('a delegated commune stays visible', () => {
  it('keeps the delegated name the picker sent with the code it shares (Morez, 39368)', () => {
    const location = resolveCommune('39368', 'Morez – Hauts de Bienne (39)')
    expect(location).toMatchObject({ communeCode: '39368', communeName: 'Hauts de Bienne', delegatedName: 'Morez' })
    expect(communeDisplayName(location!)).toBe('Morez (Hauts de Bienne)')
    expect(communeLabel(location!)).toBe('Morez – Hauts de Bienne (39)')
  })

  it('is the current commune when the label names it, or names nothing known', () => {
    expect(resolveCommune('39368', 'Hauts de Bienne (39)')).toMatchObject({ delegatedName: null })
    expect(resolveCommune('39368', 'Saint-Claude (39)')).toMatchObject({ delegatedName: null })
    expect(resolveCommune('39368')).toMatchObject({ delegatedName: null })
    expect(communeDisplayName(resolveCommune('39368')!)).toBe('Hauts de Bienne')
  })

  it('keeps the delegated name typed without JavaScript', () => {
    expect(resolveCommuneText('Morez')).toMatchObject({ status: 'found', location: { communeCode: '39368', delegatedName: 'Morez' } })
    expect(resolveCommuneText('Morez – Hauts de Bienne (39)')).toMatchObject({ status: 'found', location: { delegatedName: 'Morez' } })
    expect(resolveCommuneText('Saint-Claude (39)')).toMatchObject({ status: 'found', location: { delegatedName: null } })
  })
})
