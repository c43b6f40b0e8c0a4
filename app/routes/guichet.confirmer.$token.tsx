import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { confirmGuichetRequest } from '~/domain/territories/guichet.server'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/territories'

export const handle: PageHandle = { titleKey: 'territories.confirm.title' }

/** The link e-mailed to a guest: their request enters the territory's queue (once); the page says what happened. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  return confirmGuichetRequest(params.token ?? '', { mailer: context.mailer, appSecret: context.appSecret, publicUrl: context.publicUrl })
}

export default function ConfirmGuichetRequest() {
  const { t } = useTranslation()
  const outcome = useLoaderData<typeof loader>()
  const success = outcome.status === 'confirmed' || outcome.status === 'already_confirmed'
  return (
    <section aria-labelledby="confirm-title" className="narrow-page">
      <h1 id="confirm-title">{t('territories.confirm.title')}</h1>
      <div className={success ? 'notice notice-success' : 'notice'} role="status">
        <p>{t(`territories.confirm.${outcome.status}`)}</p>
      </div>
      <p>{outcome.territory ? <Link to={`/territoires/${outcome.territory}`}>{t('territories.confirm.back')}</Link> : <Link to="/territoires">{t('territories.confirm.list')}</Link>}</p>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
