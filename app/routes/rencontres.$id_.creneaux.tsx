import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { slotGridFormSchema } from '~/domain/meetings/one-to-ones.schema'
import { findMeeting, gridUsage, setSlotGrid } from '~/domain/meetings/one-to-ones.server'
import { formatParisDateTime, instantToParisLocal } from '~/domain/meetings/timezone'
import { requireActor } from '~/http/actor.server'
import { orRefuse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { SlotGridForm } from '~/ui/business-meetings/grid-form'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/brokerage'

/**
 * /rencontres/:id/creneaux — the meeting's animators set the one-to-one grid (slot length, tables,
 * first and last slot, Paris time). A grid that does not fit the event is refused with its reason;
 * saving re-plans without moving the one-to-ones already placed.
 */
export const handle: PageHandle<{ meeting: { title: string } }> = { titleKey: 'brokerage.grid.heading', titleFrom: (data) => (data ? { key: 'brokerage.grid.title', values: { title: data.meeting.title } } : null) }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const language = await languageFromRequest(request)
  const [meeting, usage] = await orRefuse(() => Promise.all([findMeeting(meetingId), gridUsage(actor, meetingId)]))
  const grid = usage.grid
  return {
    meeting: { id: meetingId, title: meeting.title, start: formatParisDateTime(meeting.startsAt, language), end: formatParisDateTime(meeting.endsAt, language) },
    grid: grid ? { count: grid.slotCount, minutes: grid.slotMinutes, tables: grid.tables } : null,
    usage: { seated: usage.seated, waiting: usage.waiting },
    defaultValue: {
      slotMinutes: String(grid?.slotMinutes ?? 20),
      tables: String(grid?.tables ?? 10),
      firstSlotAt: instantToParisLocal(grid?.firstSlotAt ?? meeting.startsAt),
      lastSlotEndsAt: instantToParisLocal(grid?.lastSlotEndsAt ?? meeting.endsAt),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: slotGridFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const { slotCount } = await setSlotGrid(actor, meetingId, submission.value, { notifier: notifierFor(context) })
    return redirectWithToast(`/rencontres/${meetingId}/creneaux`, { kind: 'success', message: t('brokerage.grid.saved', { count: slotCount }) })
  } catch (error) {
    return replyWithRefusal(t, submission, error, {}, { fieldsOnly: true })
  }
}

export default function MeetingSlotGrid() {
  const { t } = useTranslation()
  const { meeting, grid, usage, defaultValue } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <div className="business-meetings-page">
      <p>
        <Link to={`/rencontres/${meeting.id}`}>{t('brokerage.nav.back')}</Link>
      </p>
      <h1>{t('brokerage.grid.heading')}</h1>
      <p className="lead">{meeting.title}</p>
      <p>{t('brokerage.grid.event', { start: meeting.start, end: meeting.end })}</p>
      <p>{t('brokerage.grid.lead')}</p>
      <p className="muted">{grid ? t('brokerage.grid.current', grid) : t('brokerage.grid.none')}</p>
      <p className="muted">{t('brokerage.grid.usage', usage)}</p>
      <SlotGridForm lastResult={reply?.result} defaultValue={defaultValue} />
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
