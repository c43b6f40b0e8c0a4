import { describe, expect, it } from 'vitest'
import { distanceKm, type GeoPoint } from '~/domain/places/geo'
import { CELL_LEVELS, cellsFilter, cellsOf, coverCircle } from '~/domain/places/grid-cells'
import { SEARCH_RADII_KM } from '~/domain/search/query'

/** A small deterministic generator, so a failure names points that can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

const places: Array<[string, GeoPoint]> = [
  ['Saint-Claude (mainland)', { lat: 46.387, lng: 5.864 }],
  ['Brest (far west)', { lat: 48.39, lng: -4.49 }],
  ['Ajaccio (Corsica)', { lat: 41.92, lng: 8.74 }],
  ['Saint-Denis (La Réunion)', { lat: -20.88, lng: 55.45 }],
  ['Cayenne (Guyane)', { lat: 4.93, lng: -52.33 }],
  ['on the Greenwich meridian', { lat: 47.0, lng: 0.0 }],
]

describe('grid cells', () => {
  it('stores one cell per level, nested: each cell is inside its parent', () => {
    const cells = cellsOf({ lat: 46.387, lng: 5.864 })
    expect(cells).toHaveLength(CELL_LEVELS.length)
    const parsed = cells.map((cell) => cell.split(':').map(Number) as [number, number, number])
    for (let level = 1; level < parsed.length; level++) {
      const [, row, column] = parsed[level]!
      const [, childRow, childColumn] = parsed[level - 1]!
      expect([Math.floor(childRow / 2), Math.floor(childColumn / 2)]).toEqual([row, column])
    }
  })

  for (const [name, center] of places) {
    it(`covers every point within each search radius around ${name}, and lets in little beyond it`, () => {
      const next = random(7)
      for (const radiusKm of SEARCH_RADII_KM) {
        const covering = new Set(coverCircle(center, radiusKm))
        expect(covering.size).toBeLessThan(250) // a filter Meilisearch reads quickly
        const latSpan = (radiusKm / 111.2) * 1.4
        const lngSpan = latSpan / Math.max(0.2, Math.cos((center.lat * Math.PI) / 180))
        for (let i = 0; i < 3_000; i++) {
          const point = { lat: center.lat + (next() * 2 - 1) * latSpan, lng: center.lng + (next() * 2 - 1) * lngSpan }
          const distance = distanceKm(center, point)
          const found = cellsOf(point).some((cell) => covering.has(cell))
          if (distance <= radiusKm) expect(found, `${JSON.stringify(point)} at ${distance.toFixed(2)} km of a ${radiusKm} km circle`).toBe(true)
          else if (found) expect(distance - radiusKm).toBeLessThanOrEqual(radiusKm * (center.lat > 40 ? 0.17 : 0.22)) // cells are wider in km near the equator
        }
      }
    })
  }

  it('builds the filter from numbers only and refuses a point that is not one', () => {
    expect(cellsFilter({ lat: 46.387, lng: 5.864 }, 10)).toMatch(/^geoCells IN \["\d+:-?\d+:-?\d+"(, "\d+:-?\d+:-?\d+")*\]$/)
    expect(() => coverCircle({ lat: Number.NaN, lng: 5 }, 25)).toThrow()
    expect(() => coverCircle({ lat: 46, lng: 5 }, 0)).toThrow()
  })
})
