import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { listMeetings } from '~/domain/meetings/queries.server'
import { mayCreateMeeting } from '~/domain/permissions'
import { optionalActor } from '~/http/actor.server'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { MeetingList } from '~/ui/meetings/meeting-list'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/meetings'

export const handle: PageHandle = { titleKey: 'meetings.list.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request)
  return { ...(await listMeetings()), canCreate: mayCreateMeeting(actor) }
}

export default function Meetings() {
  const { t } = useTranslation()
  const { upcoming, past, canCreate } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="meetings-title" className="need-page">
      <h1 id="meetings-title">{t('meetings.list.title')}</h1>
      <p className="lead">{t('meetings.list.lead')}</p>
      {canCreate ? (
        <p>
          <ButtonLink href="/rencontres/nouvelle">{t('meetings.list.create')}</ButtonLink>
        </p>
      ) : null}
      <MeetingList headingId="meetings-upcoming" heading={t('meetings.list.upcoming')} empty={t('meetings.list.noUpcoming')} meetings={upcoming} />
      <MeetingList headingId="meetings-past" heading={t('meetings.list.past')} empty={t('meetings.list.noPast')} meetings={past} />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
