import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import '~/i18n/areas/map'

const mapRefusals = ['map.errors.tooLong', 'map.errors.unknownFilter', 'map.errors.badValue'] as const

/** A bad map address says what was wrong with it (400); any other error is the usual page. */
export function MapErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const key = isRouteErrorResponse(error) && error.status === 400 ? mapRefusals.find((item) => item === error.data) : undefined
  if (!key) return <RouteErrorPage />
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">400</p>
      <h1 id="error-title">{t('errors.badRequestTitle')}</h1>
      <p>{t(key)}</p>
      <ButtonLink href="/recherche/carte">{t('map.errors.backToMap')}</ButtonLink>
    </section>
  )
}
