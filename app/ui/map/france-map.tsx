import { useTranslation } from '~/i18n/react'
import { BOUNDARIES_CREDIT, departementShapes, MAP_VIEWBOX } from '~/domain/map/geometry'
import type { MapLayer } from '~/domain/map/filters'
import type { MapArea } from '~/domain/map/types'
import type { ScaleClass } from '~/domain/map/scale'
import { areaLabel } from './area-label'
import '~/i18n/areas/map'

/**
 * The map of metropolitan France, drawn on the server as SVG (no tiles, no outside request):
 * every département is a link to the filtered search, reachable with Tab, named with its
 * counts (« Jura : 12 besoins, 3 organisations »); a gap is hatched on top of its colour.
 * Reusable as it is on a territory page, with the data of `mapFor`.
 */
export function FranceMap({ layer, areas, scale, id = 'france-map' }: { layer: MapLayer; areas: readonly MapArea[]; scale: readonly ScaleClass[]; id?: string }) {
  const { t } = useTranslation()
  const byCode = new Map(areas.map((area) => [area.code, area]))
  const hatch = `${id}-gap-hatch`
  return (
    <svg className="france-map" viewBox={MAP_VIEWBOX} role="group" aria-label={t('map.figure')} id={id}>
      <defs>
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="transparent" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#a4161a" strokeWidth="2.5" />
        </pattern>
      </defs>
      {departementShapes.map((shape) => {
        const area = byCode.get(shape.code)
        if (!area) return null
        const label = areaLabel(t, layer, area)
        const href = layer === 'competences' ? area.competencesHref : area.needsHref
        return (
          <a key={shape.code} href={href} aria-label={label} className={area.gap ? 'map-area map-area-gap' : 'map-area'} data-code={shape.code}>
            <title>{label}</title>
            <path d={shape.path} fill={scale[area.colourClass]?.colour ?? scale[0]?.colour} />
            {area.gap ? <path d={shape.path} fill={`url(#${hatch})`} className="map-gap-overlay" /> : null}
          </a>
        )
      })}
    </svg>
  )
}

/** The colour classes and the gap hatching, with what they mean. */
export function MapLegend({ layer, scale, gaps }: { layer: MapLayer; scale: readonly ScaleClass[]; gaps: number }) {
  const { t } = useTranslation()
  return (
    <div className="map-legend">
      <h2 className="map-legend-title">{t('map.legend.title')}</h2>
      <p>{t(`map.legend.colouredBy.${layer}`)}</p>
      <ul>
        {scale.map((item) => (
          <li key={item.index}>
            <svg className="map-swatch" viewBox="0 0 10 10" aria-hidden="true">
              <rect width="10" height="10" fill={item.colour} />
            </svg>
            {item.index === 0 ? t('map.fewer') : item.from === item.to ? t('map.legend.single', { from: item.from }) : t('map.legend.range', { from: item.from, to: item.to })}
          </li>
        ))}
        {layer !== 'competences' ? (
          <li>
            <span className="map-swatch map-swatch-gap" aria-hidden="true" />
            {t('map.legend.gap')} — {t('map.legend.gapCount', { count: gaps })}
          </li>
        ) : null}
      </ul>
    </div>
  )
}

/** The boundaries' licence notice (CC BY 4.0 asks for attribution). */
export function MapCredit() {
  const { t } = useTranslation()
  return (
    <p className="map-credit muted">
      {t('map.credit', { author: BOUNDARIES_CREDIT.author })}{' '}
      <a href={BOUNDARIES_CREDIT.licenceUrl} rel="license">
        {BOUNDARIES_CREDIT.licence}
      </a>
      .
    </p>
  )
}
