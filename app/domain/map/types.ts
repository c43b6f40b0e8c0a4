import type { MapLayer } from './filters'
import type { ScaleClass } from './scale'
import type { ShownCount } from './small-counts'

/** What `mapFor` answers (app/domain/map/service.server.ts), plain data for the page and its components. */

/** A territory page's map: only that Territoire d'industrie's needs and organisations. */
export type MapScope = { territory: string }

export type MapArea = {
  code: string
  name: string
  overseas: boolean
  needs: ShownCount
  competences: ShownCount
  /** Needs here and no matching competence here or next door (app/domain/map/gaps.ts). */
  gap: boolean
  /** Index of its class in `scale`. */
  colourClass: number
  needsHref: string
  competencesHref: string
}

export type MapTerritory = { id: string; name: string; needs: ShownCount; competences: ShownCount; needsHref: string; competencesHref: string }

export type MapData =
  | { status: 'ok'; layer: MapLayer; areas: MapArea[]; territories: MapTerritory[]; scale: ScaleClass[]; gaps: number }
  | { status: 'unavailable' }
