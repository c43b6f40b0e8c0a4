import { describe, expect, it } from 'vitest'
import { placeGeo } from '~/domain/places/coordinates.server'
import { distanceKm } from '~/domain/places/geo'

describe('placeGeo', () => {
  it('places a commune at its own point, with its département’s centre beside it', () => {
    const saintClaude = placeGeo({ communeCode: '39478' })
    expect(saintClaude.commune!.lat).toBeCloseTo(46.387, 2)
    expect(saintClaude.commune!.lng).toBeCloseTo(5.865, 2)
    // The Jura's centre: inside the département, not Saint-Claude itself.
    expect(saintClaude.departement!.lat).toBeGreaterThan(46.2)
    expect(saintClaude.departement!.lat).toBeLessThan(47.3)
    expect(saintClaude.departement).not.toEqual(saintClaude.commune)
  })

  it('finds a merged commune through its former main town (Hauts de Bienne ← Morez)', () => {
    const hautsDeBienne = placeGeo({ communeCode: '39368' }).commune!
    expect(hautsDeBienne.lat).toBeCloseTo(46.525, 2)
  })

  it('falls back to the département’s centre for a village GeoNames does not list', () => {
    const village = placeGeo({ communeCode: '01001' })
    expect(village.commune).toBeNull()
    expect(village.departement).not.toBeNull()
  })

  it('knows nothing of an unknown code or a missing place', () => {
    expect(placeGeo({ communeCode: '00000' })).toEqual({ commune: null, departement: null })
    expect(placeGeo(null)).toEqual({ commune: null, departement: null })
  })
})

describe('distanceKm', () => {
  it('measures Saint-Claude → Oyonnax (about 21 km) and Saint-Claude → Cholet (about 520 km)', () => {
    const saintClaude = placeGeo({ communeCode: '39478' }).commune!
    expect(distanceKm(saintClaude, placeGeo({ communeCode: '01283' }).commune!)).toBeCloseTo(21.3, 0)
    const cholet = distanceKm(saintClaude, placeGeo({ communeCode: '49099' }).commune!)
    expect(cholet).toBeGreaterThan(480)
    expect(cholet).toBeLessThan(560)
  })

  it('is zero for the same point and symmetric', () => {
    const a = { lat: 46.39, lng: 5.86 }
    const b = { lat: 43.65, lng: 0.59 }
    expect(distanceKm(a, a)).toBe(0)
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9)
  })
})
