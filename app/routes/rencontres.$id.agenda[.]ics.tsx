import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarContentType, calendarFileName, meetingCalendar } from '~/domain/meetings/calendar.server'
import { getMeetingForCalendar } from '~/domain/meetings/queries.server'
import { optionalActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'

/** /rencontres/:id/agenda.ics — the meeting for Outlook, Google Calendar & co. (REQUEST, or CANCEL once cancelled). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await optionalActor(request)
  const meeting = await orRefuse(() => getMeetingForCalendar(actor, meetingId))
  const body = meetingCalendar(meeting, { publicUrl: context.publicUrl, organizerEmail: context.contactEmail })
  return new Response(body, {
    headers: {
      'Content-Type': calendarContentType(meeting.status),
      'Content-Disposition': `attachment; filename="${calendarFileName(meetingId)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
