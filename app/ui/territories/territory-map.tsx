import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { MapData } from '~/domain/map/types'
import { FranceMap, MapCredit, MapLegend } from '~/ui/map/france-map'
import { MapTable } from '~/ui/map/map-table'
import '~/i18n/areas/map'
import '~/i18n/areas/territories'

/** The territory page's map: the map of /recherche/carte limited to this territory's needs and competences. */
export function TerritoryMap({ map, territoryId }: { map: MapData; territoryId: string }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="territory-map-title" className="territory-map">
      <h2 id="territory-map-title">{t('territories.page.map.title')}</h2>
      <p className="muted">{t('territories.page.map.lead')}</p>
      {map.status === 'unavailable' ? (
        <p role="status" className="muted">
          {t('map.unavailable')}
        </p>
      ) : (
        <>
          <div className="map-layout">
            <FranceMap id={`territory-map-${territoryId}`} layer={map.layer} areas={map.areas} scale={map.scale} />
            <div>
              <MapLegend layer={map.layer} scale={map.scale} gaps={map.gaps} />
              <p className="muted">{t('map.smallCounts')}</p>
            </div>
          </div>
          <MapTable layer={map.layer} areas={map.areas} />
          <MapCredit />
        </>
      )}
      <p>
        <Link to="/recherche/carte">{t('territories.page.map.full')}</Link>
      </p>
    </section>
  )
}
