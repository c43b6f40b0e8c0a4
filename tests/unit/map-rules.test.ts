import { describe, expect, it } from 'vitest'
import { computeAdjacency, neighboursOf } from '~/domain/map/adjacency'
import { mapHref, noMapFilters, parseMapQuery, type MapFilters } from '~/domain/map/filters'
import { isCompetenceGap } from '~/domain/map/gaps'
import { departementShapes, pathVertices } from '~/domain/map/geometry'
import { colourScale, SCALE_COLOURS } from '~/domain/map/scale'
import { isShowable, shownCount, SMALL_COUNT_THRESHOLD } from '~/domain/map/small-counts'
import { DomainError } from '~/domain/errors'

describe('the small-count rule', () => {
  it('shows no count below 3: 0, 1 and 2 all read « fewer than 3 »', () => {
    expect(SMALL_COUNT_THRESHOLD).toBe(3)
    for (const count of [0, 1, 2, -1, Number.NaN]) expect(shownCount(count)).toEqual({ kind: 'fewer', than: 3 })
    expect(shownCount(3)).toEqual({ kind: 'exact', value: 3 })
    expect(shownCount(1204)).toEqual({ kind: 'exact', value: 1204 })
    expect(isShowable(2)).toBe(false)
    expect(isShowable(3)).toBe(true)
  })
})

describe('the colour scale', () => {
  it('has only the « fewer than 3 » class when nothing reaches 3', () => {
    const scale = colourScale(2)
    expect(scale.classes).toEqual([{ index: 0, colour: SCALE_COLOURS[0], from: 0, to: 2 }])
    expect(scale.classOf(2).index).toBe(0)
  })

  it('splits 3…max into equal classes, darker for more, and puts small counts in the first class', () => {
    const scale = colourScale(42)
    expect(scale.classes.map(({ from, to }) => [from, to])).toEqual([
      [0, 2],
      [3, 12],
      [13, 22],
      [23, 32],
      [33, 42],
    ])
    expect(new Set(scale.classes.map((item) => item.colour)).size).toBe(5)
    expect(scale.classOf(0).index).toBe(0)
    expect(scale.classOf(2).index).toBe(0)
    expect(scale.classOf(3).index).toBe(1)
    expect(scale.classOf(13).index).toBe(2)
    expect(scale.classOf(42).index).toBe(4)
  })

  it('uses fewer classes than steps when the range is narrow, each of one value', () => {
    const scale = colourScale(4)
    expect(scale.classes.map(({ from, to }) => [from, to])).toEqual([
      [0, 2],
      [3, 3],
      [4, 4],
    ])
  })
})

describe('département adjacency from the boundaries', () => {
  it('reads the package paths as absolute points (relative m, implicit line-tos, z)', () => {
    expect(pathVertices('m 10,10 5,0 0,5 z m 1,1 2,0 z')).toEqual([
      [10, 10],
      [15, 10],
      [15, 15],
      [11, 11],
      [13, 11],
    ])
  })

  it('finds the real neighbours of known départements', () => {
    expect([...neighboursOf('39')].sort()).toEqual(['01', '21', '25', '70', '71'])
    expect([...neighboursOf('33')].sort()).toEqual(['17', '24', '40', '47'])
    expect([...neighboursOf('75')].sort()).toEqual(['92', '93', '94'])
    expect([...neighboursOf('2A')]).toEqual(['2B'])
    expect(neighboursOf('39').has('32')).toBe(false)
    expect(neighboursOf('971').size).toBe(0)
  })

  it('is symmetric and leaves no metropolitan département alone', () => {
    const adjacency = computeAdjacency(departementShapes)
    expect(adjacency.size).toBe(96)
    for (const [code, neighbours] of adjacency) {
      expect(neighbours.size, code).toBeGreaterThan(0)
      for (const other of neighbours) expect(adjacency.get(other)?.has(code), `${code}–${other}`).toBe(true)
    }
  })
})

describe('needs with no competence nearby', () => {
  const neighbours = (code: string) => new Set(({ '39': ['01', '25'], '01': ['39'], '25': ['39'] } as Record<string, string[]>)[code] ?? [])
  const gap = (needs: Record<string, number>, competences: Record<string, number>, code = '39') =>
    isCompetenceGap(code, new Map(Object.entries(needs)), new Map(Object.entries(competences)), neighbours)

  it('is a gap when showable needs have no competence here or next door', () => {
    expect(gap({ '39': 5 }, {})).toBe(true)
    expect(gap({ '39': 5 }, { '32': 10 })).toBe(true)
  })
  it('is no gap when a competence is in the département or a neighbour', () => {
    expect(gap({ '39': 5 }, { '39': 1 })).toBe(false)
    expect(gap({ '39': 5 }, { '25': 1 })).toBe(false)
  })
  it('never highlights fewer than 3 needs (the highlight would reveal them)', () => {
    expect(gap({ '39': 2 }, {})).toBe(false)
    expect(gap({}, {})).toBe(false)
  })
})

describe('the map query string', () => {
  const parse = (query: string) => parseMapQuery(new URLSearchParams(query))
  const refusal = (query: string) => {
    try {
      parse(query)
    } catch (error) {
      return error instanceof DomainError ? `${error.code} ${error.message}` : String(error)
    }
    return 'accepted'
  }

  it('reads the layer and the search filters, without duplicates', () => {
    expect(parse('')).toEqual(noMapFilters)
    expect(parse('layer=needs&domain=ai&domain=ai&domain=robotics&trl=5&status=published&kind=lab&filiere=automobile')).toEqual({
      layer: 'needs',
      domain: ['ai', 'robotics'],
      filiere: ['automobile'],
      trl: ['5'],
      status: ['published'],
      kind: ['lab'],
    })
  })

  it('refuses unknown filters, unknown values, out-of-range TRL and overlong addresses', () => {
    expect(refusal('colour=red')).toBe('invalid map.errors.unknownFilter')
    expect(refusal('domain=astrology')).toBe('invalid map.errors.badValue')
    expect(refusal('trl=10')).toBe('invalid map.errors.badValue')
    expect(refusal('trl=0')).toBe('invalid map.errors.badValue')
    expect(refusal('status=draft')).toBe('invalid map.errors.badValue')
    expect(refusal('layer=needs&layer=both')).toBe('invalid map.errors.badValue')
    expect(refusal(`domain=${'a'.repeat(5000)}`)).toBe('invalid map.errors.tooLong')
    expect(refusal('__proto__=x')).toBe('invalid map.errors.unknownFilter')
  })

  it('writes links without defaults that read back the same', () => {
    expect(mapHref('/recherche/carte', noMapFilters)).toBe('/recherche/carte')
    const filters: MapFilters = { ...noMapFilters, layer: 'competences', domain: ['ai'], trl: ['4', '5'] }
    const href = mapHref('/recherche/carte', filters)
    expect(href).toBe('/recherche/carte?layer=competences&domain=ai&trl=4&trl=5')
    expect(parse(href.split('?')[1]!)).toEqual(filters)
  })
})
