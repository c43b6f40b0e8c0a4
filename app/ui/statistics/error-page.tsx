import { isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { translateMessage } from '~/i18n/translate-message'
import { RouteErrorPage } from '../error-page'
import '~/i18n/areas/statistics'

/** The error page, plus what was wrong with the address when the statistics refused it (400). */
export function StatisticsErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const reason = isRouteErrorResponse(error) && error.status === 400 && typeof error.data === 'string' && error.data.startsWith('statistics.errors.') ? error.data : null
  return (
    <>
      <RouteErrorPage />
      {reason ? (
        <div className="error-page statistics-error" role="note">
          <p>{translateMessage(t, reason)}</p>
          <p>{t('statistics.errors.hint')}</p>
        </div>
      ) : null}
    </>
  )
}
