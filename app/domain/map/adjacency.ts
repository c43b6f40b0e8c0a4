import { departementShapes, pathVertices, type DepartementShape } from './geometry'

/**
 * Which départements touch, computed from the drawn boundaries: two départements are
 * neighbours when at least `MIN_SHARED_POINTS` vertices of one lie within `TOLERANCE` map
 * units (about 1.5 km) of vertices of the other — a shared stretch of border, not a corner
 * brushed by a simplified line. Corsica's two départements touch each other and nothing else.
 */
const TOLERANCE = 1
const MIN_SHARED_POINTS = 2

export function computeAdjacency(shapes: readonly DepartementShape[]): Map<string, Set<string>> {
  // A grid of cells the size of the tolerance: a point's near vertices are in its cell or the 8 around it.
  const cells = new Map<string, Array<{ code: string; x: number; y: number }>>()
  const cellOf = (x: number, y: number) => `${Math.floor(x / TOLERANCE)}:${Math.floor(y / TOLERANCE)}`
  const vertices = new Map(shapes.map((shape) => [shape.code, pathVertices(shape.path)]))
  for (const [code, points] of vertices) {
    for (const [x, y] of points) {
      const key = cellOf(x, y)
      const list = cells.get(key) ?? []
      list.push({ code, x, y })
      cells.set(key, list)
    }
  }
  const shared = new Map<string, number>()
  for (const [code, points] of vertices) {
    for (const [x, y] of points) {
      const cx = Math.floor(x / TOLERANCE)
      const cy = Math.floor(y / TOLERANCE)
      const near = new Set<string>()
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const other of cells.get(`${cx + dx}:${cy + dy}`) ?? [])
            if (other.code !== code && Math.hypot(other.x - x, other.y - y) <= TOLERANCE) near.add(other.code)
      for (const other of near) {
        const pair = code < other ? `${code}|${other}` : `${other}|${code}`
        shared.set(pair, (shared.get(pair) ?? 0) + 1)
      }
    }
  }
  const adjacency = new Map<string, Set<string>>(shapes.map((shape) => [shape.code, new Set<string>()]))
  for (const [pair, count] of shared) {
    if (count < MIN_SHARED_POINTS) continue
    const [a, b] = pair.split('|') as [string, string]
    adjacency.get(a)!.add(b)
    adjacency.get(b)!.add(a)
  }
  return adjacency
}

let adjacency: Map<string, Set<string>> | undefined

/** The départements bordering `code` (none for an overseas or unknown code); computed once per process. */
export function neighboursOf(code: string): ReadonlySet<string> {
  adjacency ??= computeAdjacency(departementShapes)
  return adjacency.get(code) ?? new Set()
}
