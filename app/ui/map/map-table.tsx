import { useTranslation } from '~/i18n/react'
import type { MapLayer } from '~/domain/map/filters'
import type { MapArea, MapTerritory } from '~/domain/map/types'
import { countText } from './area-label'
import '~/i18n/areas/map'

/**
 * The map's figures as a table (the same counts, the same small-count rule), for screen
 * readers and anyone who prefers it, behind « Voir le tableau ». Counts link to the search.
 */
export function MapTable({ layer, areas }: { layer: MapLayer; areas: readonly MapArea[] }) {
  const { t } = useTranslation()
  const showNeeds = layer !== 'competences'
  const showCompetences = layer !== 'needs'
  return (
    <details className="map-table">
      <summary>{t('map.table.show')}</summary>
      <table>
        <caption>{t('map.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.table.departement')}</th>
            {showNeeds ? <th scope="col">{t('map.table.needs')}</th> : null}
            {showCompetences ? <th scope="col">{t('map.table.competences')}</th> : null}
            {showNeeds ? <th scope="col">{t('map.table.gap')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.code}>
              <th scope="row">
                {area.name} ({area.code})
              </th>
              {showNeeds ? (
                <td>
                  <a href={area.needsHref}>{countText(t, area.needs)}</a>
                </td>
              ) : null}
              {showCompetences ? (
                <td>
                  <a href={area.competencesHref}>{countText(t, area.competences)}</a>
                </td>
              ) : null}
              {showNeeds ? <td>{area.gap ? t('map.table.yes') : t('map.table.no')}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** Counts by Territoire d'industrie (the territories are not drawn: they are smaller than a département). */
export function TerritoryTable({ layer, territories }: { layer: MapLayer; territories: readonly MapTerritory[] }) {
  const { t } = useTranslation()
  const showNeeds = layer !== 'competences'
  const showCompetences = layer !== 'needs'
  return (
    <section className="map-territories" aria-labelledby="map-territories-title">
      <h2 id="map-territories-title">{t('map.territories.title')}</h2>
      <table>
        <caption className="visually-hidden">{t('map.territories.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.territories.territory')}</th>
            {showNeeds ? <th scope="col">{t('map.table.needs')}</th> : null}
            {showCompetences ? <th scope="col">{t('map.table.competences')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {territories.map((territory) => (
            <tr key={territory.id}>
              <th scope="row">{territory.name}</th>
              {showNeeds ? (
                <td>
                  <a href={territory.needsHref}>{countText(t, territory.needs)}</a>
                </td>
              ) : null}
              {showCompetences ? (
                <td>
                  <a href={territory.competencesHref}>{countText(t, territory.competences)}</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
