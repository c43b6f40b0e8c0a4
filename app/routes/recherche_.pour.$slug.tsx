import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { orRespond } from '~/http/domain-response.server'
import { orgSlugParam } from '~/domain/orgs/http.server'
import { getOrganisationProfile } from '~/domain/orgs/service.server'
import { needsForOrganisation } from '~/domain/search/matching.server'
import { NeedsForYou } from '~/ui/search/suggestions-display'
import { RouteErrorPage } from '~/ui/error-page'

/**
 * "Besoins pour vous" for a lab, centre, cluster or pôle, on its own page until the
 * organisation dashboard shows the same component. Reads only the public profile and the
 * public needs index, so anyone may see it.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const slug = orgSlugParam(params)
  const { org } = await orRespond(() => getOrganisationProfile(null, slug))
  const suggestions = await needsForOrganisation(context.search, {
    domains: org.domains,
    keywords: org.keywords,
    trlMin: org.trlMin,
    trlMax: org.trlMax,
    departementName: org.location?.departementName,
    regionName: org.location?.regionName,
  })
  return { org: { slug: org.slug, name: org.name }, suggestions }
}

export default function NeedsForOrganisationPage() {
  const { t } = useTranslation()
  const { org, suggestions } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="needs-for-title" className="search-page">
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('search.matching.backToProfile')}</Link>
      </p>
      <h1 id="needs-for-title">{t('search.matching.needsPageTitle', { name: org.name })}</h1>
      <NeedsForYou suggestions={suggestions} />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
