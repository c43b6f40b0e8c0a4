import { Form } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { mapHref, mapLayers, type MapFilters } from '~/domain/map/filters'
import { onlineStatuses } from '~/domain/needs/lifecycle'
import { orgKinds } from '~/domain/orgs/kinds'
import { technologyDomainIds } from '~/domain/taxonomy/domains'
import { filiereIds } from '~/domain/taxonomy/filieres'
import { Button } from '~/ui/button'
import { CheckboxGroup } from '~/ui/checkbox-group'
import { useFacetLabel } from '~/ui/search/search-results'
import '~/i18n/areas/map'
import '~/i18n/areas/search'

const trlLevels = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

/** Needs / competences / both: links keeping the filters, so the toggle works without JavaScript. */
export function LayerToggle({ base, filters }: { base: string; filters: MapFilters }) {
  const { t } = useTranslation()
  return (
    <nav className="map-layers" aria-label={t('map.form.layer')}>
      <span className="map-layers-label" aria-hidden="true">
        {t('map.form.layer')}
      </span>
      <ul>
        {mapLayers.map((layer) => (
          <li key={layer}>
            <a href={mapHref(base, { ...filters, layer })} aria-current={filters.layer === layer ? 'page' : undefined}>
              {t(`map.layers.${layer}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The search's filters that apply to the map: a plain GET form, like the search page's. */
export function MapFilterForm({ base, filters }: { base: string; filters: MapFilters }) {
  const { t } = useTranslation()
  const label = useFacetLabel()
  const options = (param: string, values: readonly string[]) => values.map((value) => ({ value, label: label(param, value) }))
  const chosen = filters.domain.length + filters.filiere.length + filters.trl.length + filters.status.length + filters.kind.length
  return (
    <details className="map-filters" open={chosen > 0 || undefined}>
      <summary>{t('map.form.filters')}</summary>
      <Form method="get" action={base} aria-label={t('map.form.label')}>
        {filters.layer !== 'both' ? <input type="hidden" name="layer" value={filters.layer} /> : null}
        <CheckboxGroup legend={t('search.facets.domain')} name="domain" options={options('domain', technologyDomainIds)} defaultValues={filters.domain} />
        <CheckboxGroup legend={t('search.facets.filiere')} name="filiere" options={options('filiere', filiereIds)} defaultValues={filters.filiere} />
        <CheckboxGroup legend={t('search.facets.trl')} name="trl" options={options('trl', trlLevels)} defaultValues={filters.trl} />
        <CheckboxGroup legend={t('search.facets.status')} name="status" options={options('status', onlineStatuses)} defaultValues={filters.status} />
        <CheckboxGroup legend={t('search.facets.kind')} name="kind" options={options('kind', orgKinds)} defaultValues={filters.kind} />
        <div className="map-filters-actions">
          <Button type="submit">{t('map.form.submit')}</Button>
          <a href={mapHref(base, { layer: filters.layer, domain: [], filiere: [], trl: [], status: [], kind: [] })}>{t('map.form.clear')}</a>
        </div>
      </Form>
    </details>
  )
}
