import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from './button'

/** The error boundary of every route: a French message per status, a reference for 5xx. */
export function RouteErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const rootData = useRouteLoaderData('root') as { requestId?: string } | undefined
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, text] =
    status === 404
      ? [t('errors.notFoundTitle'), t('errors.notFound')]
      : status === 403
        ? [t('errors.forbiddenTitle'), t('errors.forbidden')]
        : [t('errors.title'), t('errors.generic')]
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      {status >= 500 && rootData?.requestId ? <p className="muted">{t('errors.reference', { requestId: rootData.requestId })}</p> : null}
      <ButtonLink href="/">{t('errors.backHome')}</ButtonLink>
    </section>
  )
}
