import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { orgKinds } from '~/domain/orgs/kinds'
import { domainName } from '~/domain/orgs/labels'
import { listOrganisations } from '~/domain/orgs/profile.server'
import { communeArea, communeDisplayName } from '~/domain/places/commune'
import type { Language } from '~/i18n/config'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { SelectField } from '~/ui/field'
import { OrgBadges } from '~/ui/org-badges'
import { EmptyState, LoadingState } from '~/ui/states'
import { Avatar } from '~/ui/avatar'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/orgs'

export const handle: PageHandle = { titleKey: 'orgs.directory.title' }

/** Unknown or malformed filters fall back to "all", page 1: a shared link never breaks. */
const directoryQuery = z.object({
  kind: z.enum(orgKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const { kind, page } = directoryQuery.parse({ kind: params.get('type') ?? undefined, page: params.get('page') ?? undefined })
  return { ...(await listOrganisations({ kind, page })), kind: kind ?? null }
}

export default function OrganisationsDirectory() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { items, total, page, pages, kind } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/organisations'
  const pageHref = (target: number) => `/organisations?${new URLSearchParams({ ...(kind ? { type: kind } : {}), page: String(target) })}`

  return (
    <section aria-labelledby="orgs-title" className="org-directory">
      <div className="org-page-head">
        <div>
          <h1 id="orgs-title">{t('orgs.directory.title')}</h1>
          <p className="lead">{t('orgs.directory.lead')}</p>
        </div>
        <ButtonLink href="/organisations/nouvelle">{t('orgs.directory.create')}</ButtonLink>
      </div>

      <Form method="get" className="org-filter" aria-label={t('orgs.directory.filterLabel')}>
        <SelectField
          name="type"
          label={t('orgs.directory.filterLabel')}
          defaultValue={kind ?? ''}
          options={[{ value: '', label: t('orgs.directory.allKinds') }, ...orgKinds.map((value) => ({ value, label: t(`orgKinds.${value}`) }))]}
        />
        <Button type="submit" variant="secondary">
          {t('orgs.directory.filter')}
        </Button>
      </Form>

      {loading ? <LoadingState /> : null}

      {items.length === 0 ? (
        kind ? (
          <EmptyState title={t('orgs.directory.emptyFilteredTitle')} action={<Link to="/organisations">{t('orgs.directory.showAll')}</Link>}>
            <p>{t('orgs.directory.emptyFilteredText')}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t('orgs.directory.emptyTitle')} action={<ButtonLink href="/organisations/nouvelle">{t('orgs.directory.create')}</ButtonLink>}>
            <p>{t('orgs.directory.emptyText')}</p>
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('orgs.directory.count', { count: total })}
          </p>
          <ul className="org-list" aria-busy={loading || undefined}>
            {items.map((org) => (
              <li key={org.slug} className="card org-card">
                <h2 className="org-card-title with-avatar">
                  <Avatar id={org.slug} name={org.name} organisation />
                  <Link to={`/organisations/${org.slug}`}>{org.name}</Link>
                </h2>
                <p className="org-card-meta">
                  <span className="tag tag-muted">{t(`orgKinds.${org.kind}`)}</span>
                  <OrgBadges kind={org.kind} verified={org.verified} fictional={org.fictional} />
                </p>
                {org.location ? (
                  <p className="org-card-place" lang="fr">
                    {communeDisplayName(org.location)} — {communeArea(org.location)}
                  </p>
                ) : null}
                {org.summary ? <p className="org-card-summary">{org.summary}</p> : null}
                {org.domains.length ? (
                  <ul className="tag-list" aria-label={t('orgs.profile.domains')}>
                    {org.domains.slice(0, 4).map((domain) => (
                      <li key={domain} className="tag">
                        {domainName(domain, language)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t('orgs.directory.pagination')} className="org-pagination">
              {page > 1 ? <Link to={pageHref(page - 1)}>{t('orgs.directory.previous')}</Link> : null}
              <span>{t('orgs.directory.page', { page, pages })}</span>
              {page < pages ? <Link to={pageHref(page + 1)}>{t('orgs.directory.next')}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
