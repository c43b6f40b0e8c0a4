import type { LoaderFunctionArgs } from '@remix-run/node'
import { agendaCalendar } from '~/domain/meetings/calendar.server'
import { agendaOf } from '~/domain/meetings/one-to-ones.server'
import { requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import '~/i18n/areas/brokerage'

/** /rencontres/:id/mon-agenda.ics — the person's seated one-to-ones as an iCalendar file (Europe/Paris). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const agenda = await orRefuse(() => agendaOf(actor, meetingId))
  const body = agendaCalendar(
    agenda.seats.map((seat) => ({ id: seat.id, startsAt: seat.startsAt, endsAt: seat.endsAt, table: seat.table, icsSequence: seat.icsSequence, otherName: seat.other.name })),
    { t, meetingTitle: agenda.meeting.title, place: agenda.meeting.place ?? null, agendaUrl: new URL(`/rencontres/${meetingId}/mon-agenda`, request.url).toString(), now: new Date() },
  )
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('brokerage.ics.fileName')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
