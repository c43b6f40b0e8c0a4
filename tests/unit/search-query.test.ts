import { describe, expect, it } from 'vitest'
import { buildFilter, HIGHLIGHT_POST, HIGHLIGHT_PRE, parseSearchQuery, quoteFilterValue, SEARCH_QUERY_MAX, searchHref, splitHighlights } from '~/domain/search/query'
import { resolveNear } from '~/domain/search/near.server'
import { buildSynonyms } from '~/domain/search/synonyms'

const parse = (query: string) => parseSearchQuery(new URLSearchParams(query))

describe('parseSearchQuery', () => {
  it('keeps whitelisted facets with valid values only', () => {
    const query = parse('type=organisations&kind=lab&kind=hacker&domain=ai&verified=true&unknown=1&trl=5&trl=12')
    expect(query.kind).toBe('organisations')
    expect(query.filters).toEqual({ kind: ['lab'], domain: ['ai'], verified: ['true'], trl: ['5'] })
  })

  it('drops injection attempts in closed facets and refuses syntax in free-text facets', () => {
    expect(parse('kind=lab" OR 1=1&type=organisations').filters).toEqual({})
    expect(parse('region=x" OR status = "draft').filters).toEqual({})
    expect(parse('region=Bourgogne-Franche-Comté').filters).toEqual({ region: ['Bourgogne-Franche-Comté'] })
  })

  it('cuts overlong queries and falls back on bad type, page and sort', () => {
    const query = parse(`q=${'a'.repeat(5000)}&type=evil&page=-3&sort=__proto__`)
    expect(query.q).toHaveLength(SEARCH_QUERY_MAX)
    expect(query).toMatchObject({ kind: 'needs', page: 1, sort: 'relevance' })
  })

  it('keeps a page only when it is a whole number from 1 to the last page', () => {
    expect(parse('page=3').page).toBe(3)
    expect(parse('page=50').page).toBe(50)
    for (const page of ['0', '51', '2.5', '', 'abc', 'Infinity', '1e3']) expect(parse(`page=${page}`).page, page).toBe(1)
  })

  it('trims free text, and drops it past 80 characters or when it starts with punctuation', () => {
    expect(parse('region=%20Occitanie%20&departement=Jura').filters).toEqual({ region: ['Occitanie'], departement: ['Jura'] })
    expect(parse(`region=${'a'.repeat(81)}`).filters).toEqual({})
    expect(parse('region=-Occitanie&near=(Lyon)').filters).toEqual({})
    expect(parse('near=(Lyon)').near).toBeNull()
  })

  it('keeps ten values of a facet at most, each once', () => {
    const domains = ['ai', 'ai', 'robotics', 'machine-vision', 'additive-manufacturing', 'cobotics', 'iot', 'cybersecurity', 'digital-twin', 'materials', 'energy', 'plasturgy', 'photonics']
    const values = parse(domains.map((domain) => `domain=${domain}`).join('&')).filters.domain ?? []
    expect(new Set(values).size).toBe(values.length)
    expect(values.length).toBeLessThanOrEqual(10)
    expect(values.slice(0, 2)).toEqual(['ai', 'robotics'])
  })
})

describe('buildFilter', () => {
  it('ORs values of one facet and ANDs facets, always quoted', () => {
    expect(buildFilter('needs', { domain: ['ai', 'robotics'], region: ['Occitanie'] })).toBe('(domains = "ai" OR domains = "robotics") AND region = "Occitanie"')
    expect(buildFilter('needs', {})).toBeUndefined()
  })

  it('escapes quotes and backslashes so a value can never close its string', () => {
    expect(quoteFilterValue('lab" OR 1=1')).toBe('"lab\\" OR 1=1"')
    expect(quoteFilterValue('a\\" OR x = "y')).toBe('"a\\\\\\" OR x = \\"y"')
    expect(buildFilter('organisations', { kind: ['lab" OR 1=1'] })).toBe('kind = "lab\\" OR 1=1"')
  })

  it('ignores facet names that are not whitelisted for the index', () => {
    expect(buildFilter('needs', { 'status = "draft" OR x': ['y'], kind: ['lab'] })).toBeUndefined()
  })
})

describe('splitHighlights', () => {
  it('turns markers into segments; text stays text', () => {
    expect(splitHighlights(`Une ${HIGHLIGHT_PRE}<script>${HIGHLIGHT_POST} et ${HIGHLIGHT_PRE}impression${HIGHLIGHT_POST}`)).toEqual([
      { text: 'Une ', match: false },
      { text: '<script>', match: true },
      { text: ' et ', match: false },
      { text: 'impression', match: true },
    ])
  })
})

describe('buildSynonyms', () => {
  it('links every term of a taxonomy domain to the others', () => {
    const synonyms = buildSynonyms()
    expect(synonyms['impression 3d']).toEqual(expect.arrayContaining(['fabrication additive', '3d printing']))
    expect(synonyms['fabrication additive']).toContain('impression 3d')
    expect(synonyms['ia']).toEqual(expect.arrayContaining(['ai', 'machine learning', 'intelligence artificielle']))
    expect(synonyms['cobot']).toContain('robot collaboratif')
    expect(synonyms['cobot']).not.toContain('cobot')
  })

  it('merges a term shared by two domains', () => {
    const synonyms = buildSynonyms([
      { label: { fr: 'a', en: 'a' }, synonyms: ['X', 'y'] },
      { label: { fr: 'b', en: 'b' }, synonyms: ['x', 'z'] },
    ])
    expect(synonyms.x).toEqual(['y', 'z'])
  })
})

describe('near a place', () => {
  it('reads the place and a radius from the closed list, 50 km otherwise', () => {
    expect(parseSearchQuery(new URLSearchParams('near=Saint-Claude&radius=25')).near).toEqual({ place: 'Saint-Claude', radiusKm: 25 })
    expect(parseSearchQuery(new URLSearchParams('near=Saint-Claude&radius=37')).near).toEqual({ place: 'Saint-Claude', radiusKm: 50 })
    expect(parseSearchQuery(new URLSearchParams('near=&radius=25')).near).toBeNull()
    expect(parseSearchQuery(new URLSearchParams(`near=${encodeURIComponent('x"; _geoRadius(0,0,1)')}`)).near).toBeNull()
  })

  it('keeps the place in shared links, the radius only when it is not the default', () => {
    const query = parseSearchQuery(new URLSearchParams('type=organisations&near=Cholet&radius=100&domain=robotics'))
    expect(searchHref(query)).toBe('/recherche?type=organisations&domain=robotics&near=Cholet&radius=100')
    expect(searchHref({ ...query, near: { place: 'Cholet', radiusKm: 50 } })).toBe('/recherche?type=organisations&domain=robotics&near=Cholet')
  })

  it('resolves the text to one commune and its point, or offers the communes it could mean', () => {
    const found = resolveNear({ place: 'Saint-Claude 39', radiusKm: 25 })
    expect(found).toMatchObject({ status: 'found', label: 'Saint-Claude (39)', radiusKm: 25, scope: { radiusKm: 25 } })
    expect(found.status === 'found' && found.scope.point.lat).toBeCloseTo(46.387, 2)
    expect(resolveNear({ place: 'Zzyzx', radiusKm: 50 })).toMatchObject({ status: 'unknown' })
    const ambiguous = resolveNear({ place: 'Saint-Martin', radiusKm: 50 })
    expect(ambiguous.status).toBe('ambiguous')
    expect(ambiguous.status !== 'found' && ambiguous.suggestions.length).toBeGreaterThan(1)
  })
})
