import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import '~/i18n/areas/brokerage'

/** On a meeting's page: its business meetings — who comes and my agenda (registered), the slot grid (its managers). */
export function BusinessMeetingsLinks({ meetingId, registered, canManage }: { meetingId: string; registered: boolean; canManage: boolean }) {
  const { t } = useTranslation()
  if (!registered && !canManage) return null
  return (
    <nav aria-label={t('brokerage.nav.label')}>
      <ul className="button-row">
        <li>
          <Link to={`/rencontres/${meetingId}/participants`}>{t('brokerage.nav.participants')}</Link>
        </li>
        {registered ? (
          <li>
            <Link to={`/rencontres/${meetingId}/mon-agenda`}>{t('brokerage.nav.agenda')}</Link>
          </li>
        ) : null}
        {canManage ? (
          <li>
            <Link to={`/rencontres/${meetingId}/creneaux`}>{t('brokerage.nav.grid')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
