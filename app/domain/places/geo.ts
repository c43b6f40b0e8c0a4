/** A point on the map, as Meilisearch's `_geo` wants it. */
export type GeoPoint = { lat: number; lng: number }

/** What is known of a place's position: its commune's point and its département's centre. */
export type PlaceGeo = { commune: GeoPoint | null; departement: GeoPoint | null }

export const noPlaceGeo: PlaceGeo = { commune: null, departement: null }

const EARTH_RADIUS_KM = 6371

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}
