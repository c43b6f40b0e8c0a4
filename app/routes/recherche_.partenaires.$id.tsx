import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { idParam, optionalActor, orRefuse } from '~/domain/needs/http.server'
import { getNeedForViewer } from '~/domain/needs/service.server'
import { suggestPartners } from '~/domain/search/matching.server'
import { SuggestedPartners } from '~/ui/search/suggestions-display'
import { RouteErrorPage } from '~/ui/error-page'

/**
 * "Partenaires suggérés" for a need, on its own page until the need page shows the same
 * component. The need is read as this viewer may see it (a need they may not see is a 404).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = idParam(params, 'id')
  const actor = await optionalActor(request)
  const { need } = await orRefuse(() => getNeedForViewer(actor, id))
  const suggestions = await suggestPartners(context.search, {
    title: need.title,
    domains: need.domains,
    trlTarget: need.trlTarget,
    departementName: need.departementName,
    regionName: need.regionName,
  })
  return { need: { id: need.id, title: need.title }, suggestions }
}

export default function SuggestedPartnersPage() {
  const { t } = useTranslation()
  const { need, suggestions } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="partners-title" className="search-page">
      <p>
        <Link to={`/besoins/${need.id}`}>{t('search.matching.backToNeed')}</Link>
      </p>
      <h1 id="partners-title">{t('search.matching.partnersPageTitle', { title: need.title })}</h1>
      <SuggestedPartners suggestions={suggestions} />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
