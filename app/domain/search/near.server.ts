import { communeLabel } from '../places/commune'
import { resolveCommuneText } from '../places/communes.server'
import { placeGeo } from '../places/coordinates.server'
import type { NearQuery } from './query'
import type { GeoScope } from './service.server'

/**
 * The "près de" text of a search, resolved like a commune field typed without JavaScript: one
 * commune → its point (its département's centre when it has none) and the radius; otherwise a
 * few suggestions to pick from. The text itself never reaches Meilisearch.
 */
export type NearResolution =
  | { status: 'found'; label: string; radiusKm: number; scope: GeoScope }
  | { status: 'ambiguous' | 'unknown'; place: string; suggestions: string[] }

export function resolveNear(near: NearQuery): NearResolution {
  const resolution = resolveCommuneText(near.place)
  if (resolution.status === 'found') {
    const geo = placeGeo(resolution.location)
    const point = geo.commune ?? geo.departement
    const label = communeLabel(resolution.location)
    if (point) return { status: 'found', label, radiusKm: near.radiusKm, scope: { point, radiusKm: near.radiusKm } }
    return { status: 'unknown', place: near.place, suggestions: [] }
  }
  return { status: resolution.status, place: near.place, suggestions: resolution.suggestions.map((commune) => communeLabel(commune)) }
}
