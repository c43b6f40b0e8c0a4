import { useTranslation } from '~/i18n/react'
import { LICENCE } from '~/domain/statistics/open-data/table-schema'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import { DatasetsList } from '~/ui/statistics/datasets-list'
import '~/i18n/areas/statistics'

export const handle: PageHandle = { titleKey: 'statistics.openData.title' }

export default function OpenDataPage() {
  const { t } = useTranslation()
  return (
    <article aria-labelledby="open-data-title" className="statistics-page">
      <h1 id="open-data-title">{t('statistics.openData.title')}</h1>
      <p className="lead">{t('statistics.openData.lead')}</p>
      <section aria-labelledby="open-data-licence">
        <h2 id="open-data-licence">{t('statistics.openData.licenceTitle')}</h2>
        <p>{t('statistics.openData.licence')}</p>
        <p>
          <a href={LICENCE.url} rel="license">
            {t('statistics.openData.licenceLink')}
          </a>
        </p>
      </section>
      <section aria-labelledby="open-data-datasets">
        <h2 id="open-data-datasets">{t('statistics.openData.datasetsTitle')}</h2>
        <DatasetsList />
      </section>
      <section aria-labelledby="open-data-api">
        <h2 id="open-data-api">{t('statistics.openData.apiTitle')}</h2>
        <p>{t('statistics.openData.api')}</p>
      </section>
    </article>
  )
}

export const ErrorBoundary = RouteErrorPage
