import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { territoriesByRegion } from '~/domain/territories/catalogue'
import { filiereLabel } from '~/ui/needs/need-display'
import { territoryFilieres } from '~/domain/territories/catalogue'
import type { Language } from '~/i18n/config'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/territories'

export const handle: PageHandle = { titleKey: 'territories.list.title' }

/** /territoires: every Territoire d'industrie, grouped by region. Public. */
export function loader() {
  return { regions: territoriesByRegion().map(({ region, territories }) => ({ region, territories: territories.map((territory) => ({ id: territory.id, name: territory.name, filieres: territoryFilieres(territory, []) })) })) }
}

export default function TerritoriesPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { regions } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="territories-title" className="territories-page">
      <h1 id="territories-title" lang="fr">
        {t('territories.list.title')}
      </h1>
      <p className="lead">{t('territories.list.lead')}</p>
      {regions.map(({ region, territories }) => (
        <section key={region} aria-labelledby={`region-${territories[0]!.id}`}>
          <h2 id={`region-${territories[0]!.id}`} lang="fr">
            {region} <span className="muted small">({t('territories.list.count', { count: territories.length })})</span>
          </h2>
          <ul className="territory-list">
            {territories.map((territory) => (
              <li key={territory.id}>
                <Link to={`/territoires/${territory.id}`} lang="fr">
                  {territory.name}
                </Link>
                {territory.filieres.length ? <span className="muted"> — {territory.filieres.map((id) => filiereLabel(id, language)).join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
