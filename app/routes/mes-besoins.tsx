import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { needStatuses } from '~/domain/needs/lifecycle'
import { formatDate, NeedCard } from '~/ui/needs/need-display'
import { needsDashboard } from '~/domain/needs/service.server'
import type { Language } from '~/i18n/config'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'needs.dashboard.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const { companies, counts, needs } = await needsDashboard(actor)
  return { companies: companies.map((company) => company.name), counts, needs }
}

export default function MyNeeds() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { companies, counts, needs } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="my-needs-title" className="need-page">
      <div className="page-head">
        <div>
          <h1 id="my-needs-title">{t('needs.dashboard.title')}</h1>
          <p className="lead">{t('needs.dashboard.lead')}</p>
          {companies.length ? <p className="muted">{t('needs.dashboard.companies', { names: companies.join(', ') })}</p> : null}
        </div>
        {companies.length ? <ButtonLink href="/besoins/nouveau">{t('needs.dashboard.newNeed')}</ButtonLink> : null}
      </div>

      {!companies.length ? (
        <EmptyState title={t('needs.form.noCompanyTitle')} action={<ButtonLink href="/organisations">{t('needs.form.noCompanyAction')}</ButtonLink>}>
          <p>{t('needs.form.noCompanyText')}</p>
        </EmptyState>
      ) : !needs.length ? (
        <EmptyState illustration="needs" title={t('needs.dashboard.emptyTitle')} action={<ButtonLink href="/besoins/nouveau">{t('needs.dashboard.newNeed')}</ButtonLink>}>
          <p>{t('needs.dashboard.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="counts-title" className="section">
            <h2 id="counts-title">{t('needs.dashboard.countsTitle')}</h2>
            <dl className="status-counts">
              {needStatuses.map((status) => (
                <div key={status} className={`status-count badge-need-${status}`}>
                  <dt>{t(`needs.status.${status}`)}</dt>
                  <dd>{counts[status] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="list-title" className="section">
            <h2 id="list-title">{t('needs.dashboard.listTitle')}</h2>
            <ul className="need-list">
              {needs.map((need) => (
                <li key={need.id}>
                  <NeedCard need={need} headingLevel={3} footer={<span> · {t('needs.dashboard.updatedOn', { date: formatDate(need.updatedAt, language) })}</span>} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
