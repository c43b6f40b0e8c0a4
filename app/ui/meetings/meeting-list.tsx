import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import type { MeetingSummary } from '~/domain/meetings/queries.server'
import { formatParisDateTime } from '~/domain/meetings/timezone'
import '~/i18n/areas/meetings'

/** One section of /rencontres: a heading and the meetings as a list of cards (date, place, seats). */
export function MeetingList({ headingId, heading, empty, meetings }: { headingId: string; heading: string; empty: string; meetings: MeetingSummary[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {meetings.length ? (
        <ul className="card-list">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="card">
              <h3>
                <Link to={`/rencontres/${meeting.id}`}>{meeting.title}</Link>
              </h3>
              <p>
                <time dateTime={meeting.startsAt}>{formatParisDateTime(new Date(meeting.startsAt), language)}</time>
                {' · '}
                {meeting.online ? t('meetings.page.online') : meeting.place}
              </p>
              <p className="muted">
                {meeting.status === 'cancelled' ? <strong>{t('meetings.status.cancelled')}</strong> : t('meetings.page.seats', { taken: meeting.registeredCount, capacity: meeting.capacity })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  )
}
