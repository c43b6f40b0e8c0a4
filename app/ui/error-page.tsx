import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import type { Translate } from '~/i18n/translator'
import { useTranslation } from '~/i18n/react'
import { ButtonLink } from './button'

/** Each status a route may answer with, in words a person understands; 5xx say it is on us. */
function messagesFor(status: number, t: Translate): [string, string] {
  switch (status) {
    case 400:
      return [t('errors.badRequestTitle'), t('errors.badRequest')]
    case 403:
      return [t('errors.forbiddenTitle'), t('errors.forbidden')]
    case 404:
      return [t('errors.notFoundTitle'), t('errors.notFound')]
    case 409:
      return [t('errors.conflictTitle'), t('errors.conflict')]
    case 429:
      return [t('errors.tooManyTitle'), t('errors.tooMany')]
    case 503:
      return [t('errors.unavailableTitle'), t('errors.unavailable')]
    default:
      return [t('errors.title'), t('errors.generic')]
  }
}

/** The error boundary of every route: a French message per status, a reference for 5xx. */
export function RouteErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const rootData = useRouteLoaderData('root') as { requestId?: string } | undefined
  const status = isRouteErrorResponse(error) ? error.status : 500
  const [title, text] = messagesFor(status, t)
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
