import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { parseMapQuery } from '~/domain/map/filters'
import { mapFor } from '~/domain/map/service.server'
import { asResponse } from '~/http/domain-response.server'
import mapStylesHref from '~/styles/map.css?url'
import { FranceMap, MapCredit, MapLegend } from '~/ui/map/france-map'
import { MapErrorPage } from '~/ui/map/map-error'
import { LayerToggle, MapFilterForm } from '~/ui/map/map-filters'
import { MapTable, TerritoryTable } from '~/ui/map/map-table'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/map'

export const handle: PageHandle = { titleKey: 'map.title' }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: mapStylesHref }]

const BASE = '/recherche/carte'

/**
 * The map of needs and competences, apart from /recherche so the search page stays light
 * (the boundaries weigh ~120 kB before compression). Drawn on the server: it works without
 * JavaScript; every département links to the filtered search.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  let filters
  try {
    filters = parseMapQuery(new URL(request.url).searchParams)
  } catch (error) {
    throw asResponse(error)
  }
  return { filters, map: await mapFor(context.search, filters) }
}

export default function MapPage() {
  const { t } = useTranslation()
  const { filters, map } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="map-title" className="map-page">
      <h1 id="map-title">{t('map.title')}</h1>
      <p className="lead">{t('map.lead')}</p>
      <p>
        <a href="/recherche">{t('map.backToSearch')}</a>
      </p>
      <LayerToggle base={BASE} filters={filters} />
      <MapFilterForm base={BASE} filters={filters} />
      {map.status === 'unavailable' ? (
        <p role="status" className="muted">
          {t('map.unavailable')}
        </p>
      ) : (
        <>
          <div className="map-layout">
            <FranceMap layer={map.layer} areas={map.areas} scale={map.scale} />
            <div>
              <MapLegend layer={map.layer} scale={map.scale} gaps={map.gaps} />
              <p className="muted">{t('map.smallCounts')}</p>
              <p className="muted">{t('map.overseas')}</p>
            </div>
          </div>
          <MapTable layer={map.layer} areas={map.areas} />
          <TerritoryTable layer={map.layer} territories={map.territories} />
          <MapCredit />
        </>
      )}
    </section>
  )
}

export const ErrorBoundary = MapErrorPage
