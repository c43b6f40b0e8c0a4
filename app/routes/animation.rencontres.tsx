import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import { outcomesBoard } from '~/domain/meetings/outcomes.server'
import { formatParisDateTime } from '~/domain/meetings/timezone'
import { requirePermission } from '~/http/actor.server'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.outcomes.boardTitle' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'manage:meeting:scope')
  return { rows: await outcomesBoard(actor) }
}

/** Past meetings of the animator's spaces and what came out of each. */
export default function MeetingsBoard() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { rows } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="meetings-board-title">
      <h1 id="meetings-board-title">{t('meetings.outcomes.boardTitle')}</h1>
      <p>
        <Link to="/rencontres">{t('meetings.outcomes.allMeetings')}</Link>
      </p>
      {rows.length ? (
        <table>
          <caption className="visually-hidden">{t('meetings.outcomes.boardTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.outcomes.meeting')}</th>
              <th scope="col">{t('meetings.outcomes.date')}</th>
              <th scope="col">{t('meetings.outcomes.participants')}</th>
              <th scope="col">{t('meetings.outcomes.needs')}</th>
              <th scope="col">{t('meetings.outcomes.proposals')}</th>
              <th scope="col">{t('meetings.outcomes.projects')}</th>
              <th scope="col">{t('meetings.outcomes.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/rencontres/${row.id}`}>{row.title}</Link>
                </th>
                <td>{formatParisDateTime(new Date(row.startsAt), language)}</td>
                <td>{row.participants}</td>
                <td>{row.needs}</td>
                <td>{row.proposals}</td>
                <td>{row.projects}</td>
                <td>
                  <Link to={`/rencontres/${row.id}/retombees`} aria-label={t('meetings.outcomes.recordFor', { title: row.title })}>
                    {row.recorded ? t('meetings.outcomes.edit') : t('meetings.outcomes.record')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('meetings.outcomes.noneYet')}</p>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
