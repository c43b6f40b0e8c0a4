import { distanceKm, type GeoPoint } from './geo'

/**
 * Positions as grid cells (docs/decisions/014, issue 16). A document in the search indexes
 * carries the cell it falls in at each of a few nested levels (`geoCells`, plain filterable
 * strings); "within R km of P" becomes "in one of the cells covering that circle". Meilisearch
 * then needs no geo index, whose upkeep made every write to a 100,000-need index cost ~650 ms.
 *
 * Cells are latitude × longitude rectangles, each level twice the size of the one below, so a
 * cell's four children tile it exactly. A level's height is its size in km; its width is the
 * same size at 46.5° N (mainland France), narrower in km further south (overseas), which only
 * changes how many cells a circle needs there, never whether a point is inside.
 */

const KM_PER_DEGREE_OF_LATITUDE = 111.2
const WIDTH_FACTOR = Math.cos((46.5 * Math.PI) / 180)

/** Cell sizes in km, finest first: 1.25, 2.5, 5 … 160 km. */
export const CELL_LEVELS = [1.25, 2.5, 5, 10, 20, 40, 80, 160] as const

type Cell = { level: number; row: number; column: number }

const heightOf = (level: number) => CELL_LEVELS[level]! / KM_PER_DEGREE_OF_LATITUDE
const widthOf = (level: number) => CELL_LEVELS[level]! / (KM_PER_DEGREE_OF_LATITUDE * WIDTH_FACTOR)
const cellId = ({ level, row, column }: Cell) => `${level}:${row}:${column}`

function cellAt(point: GeoPoint, level: number): Cell {
  return { level, row: Math.floor(point.lat / heightOf(level)), column: Math.floor(point.lng / widthOf(level)) }
}

/** The cells a point falls in, one per level: what a document stores. */
export function cellsOf(point: GeoPoint): string[] {
  return CELL_LEVELS.map((_, level) => cellId(cellAt(point, level)))
}

function bounds({ level, row, column }: Cell) {
  const height = heightOf(level)
  const width = widthOf(level)
  return { south: row * height, north: (row + 1) * height, west: column * width, east: (column + 1) * width }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** Whether a cell lies outside the circle, wholly inside it, or across its edge. */
function relation(cell: Cell, center: GeoPoint, radiusKm: number): 'outside' | 'inside' | 'edge' {
  const box = bounds(cell)
  const nearest = { lat: clamp(center.lat, box.south, box.north), lng: clamp(center.lng, box.west, box.east) }
  if (distanceKm(center, nearest) > radiusKm) return 'outside'
  // Seen from a point, the farthest point of a small rectangle is one of its corners.
  const corners = [
    { lat: box.south, lng: box.west },
    { lat: box.south, lng: box.east },
    { lat: box.north, lng: box.west },
    { lat: box.north, lng: box.east },
  ]
  return corners.every((corner) => distanceKm(center, corner) <= radiusKm) ? 'inside' : 'edge'
}

function children({ level, row, column }: Cell): Cell[] {
  const below = level - 1
  return [0, 1].flatMap((dr) => [0, 1].map((dc) => ({ level: below, row: row * 2 + dr, column: column * 2 + dc })))
}

/** The finest level whose cells are at most a tenth of the radius (the first level otherwise). */
function finestLevelFor(radiusKm: number): number {
  let level = 0
  while (level + 1 < CELL_LEVELS.length && CELL_LEVELS[level + 1]! <= radiusKm / 10) level++
  return level
}

/**
 * The cells covering a circle: large cells where they lie wholly inside it, cells of the finest
 * level along its edge. Nothing inside the circle is left out; what is let in beyond it is at
 * most one finest cell’s diagonal away (mainland: at most 17 % of the radius; near the equator, where cells are wider, 22 %), and the distance the app shows
 * for each hit is computed exactly.
 */
export function coverCircle(center: GeoPoint, radiusKm: number): string[] {
  if (!Number.isFinite(center.lat) || !Number.isFinite(center.lng) || !(radiusKm > 0)) throw new Error('coverCircle: a point and a positive radius')
  const finest = finestLevelFor(radiusKm)
  const coarsest = Math.min(CELL_LEVELS.length - 1, finest + 3)
  // Start from every coarse cell of the circle's bounding box.
  const dLat = radiusKm / KM_PER_DEGREE_OF_LATITUDE
  const dLng = radiusKm / (KM_PER_DEGREE_OF_LATITUDE * Math.max(0.05, Math.cos((center.lat * Math.PI) / 180)))
  const from = cellAt({ lat: center.lat - dLat, lng: center.lng - dLng }, coarsest)
  const to = cellAt({ lat: center.lat + dLat, lng: center.lng + dLng }, coarsest)
  const covering: string[] = []
  const visit = (cell: Cell) => {
    const seen = relation(cell, center, radiusKm)
    if (seen === 'outside') return
    if (seen === 'inside' || cell.level === finest) covering.push(cellId(cell))
    else children(cell).forEach(visit)
  }
  for (let row = from.row; row <= to.row; row++) for (let column = from.column; column <= to.column; column++) visit({ level: coarsest, row, column })
  return covering
}

/** Meilisearch's filter for "within R km of P": the covering cells, as quoted strings. */
export function cellsFilter(center: GeoPoint, radiusKm: number): string {
  return `geoCells IN [${coverCircle(center, radiusKm)
    .map((cell) => `"${cell}"`)
    .join(', ')}]`
}
