import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { optionalActor } from '~/http/actor.server'
import { NeedCard } from '~/ui/needs/need-display'
import { needBrowseQuerySchema } from '~/domain/needs/schema'
import { needCategories } from '~/domain/needs/vocabulary'
import { browseNeeds } from '~/domain/needs/service.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { SelectField } from '~/ui/field'
import { EmptyState, LoadingState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'needs.browse.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const query = needBrowseQuerySchema.parse(Object.fromEntries(url.searchParams))
  const actor = await optionalActor(request)
  const result = await browseNeeds(actor, query)
  return { ...result, category: query.category ?? '', signedIn: Boolean(actor) }
}

export default function BrowseNeeds() {
  const { t } = useTranslation()
  const { items, page, hasMore, category, signedIn } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/besoins'
  const pageLink = (target: number) => `/besoins?${new URLSearchParams({ ...(category ? { category } : {}), page: String(target) })}`

  return (
    <section aria-labelledby="browse-title" className="need-page">
      <div className="page-head">
        <div>
          <h1 id="browse-title">{t('needs.browse.title')}</h1>
          <p className="lead">{t('needs.browse.lead')}</p>
        </div>
        <div className="page-head-links">
          {signedIn ? (
            <>
              <Link to="/mes-besoins">{t('needs.browse.myNeeds')}</Link>
              <Link to="/mes-propositions">{t('needs.browse.myProposals')}</Link>
            </>
          ) : null}
          <ButtonLink href={signedIn ? '/besoins/nouveau' : '/connexion?redirectTo=%2Fbesoins%2Fnouveau'}>{t('needs.browse.newNeed')}</ButtonLink>
        </div>
      </div>

      <Form method="get" className="browse-filter">
        <SelectField
          name="category"
          defaultValue={category}
          label={t('needs.browse.filterLabel')}
          options={[{ value: '', label: t('needs.browse.allCategories') }, ...needCategories.map((value) => ({ value, label: t(`needs.category.${value}`) }))]}
        />
        <Button type="submit" variant="secondary">
          {t('needs.browse.filter')}
        </Button>
      </Form>

      {loading ? <LoadingState /> : null}
      {items.length ? (
        <ul className="need-list" aria-busy={loading || undefined}>
          {items.map((need) => (
            <li key={need.id}>
              <NeedCard need={need} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState illustration="needs" title={t('needs.browse.emptyTitle')}>
          <p>{category ? t('needs.browse.emptyFiltered') : t('needs.browse.emptyText')}</p>
        </EmptyState>
      )}

      {page > 1 || hasMore ? (
        <nav aria-label={t('needs.browse.pagination')} className="pagination">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} rel="prev">
              {t('needs.browse.previous')}
            </Link>
          ) : null}
          {hasMore ? (
            <Link to={pageLink(page + 1)} rel="next">
              {t('needs.browse.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
