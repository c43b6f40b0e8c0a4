import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { oneToOneAnswerSchema } from '~/domain/meetings/one-to-ones.schema'
import { agendaOf, answerOneToOne, cancelOneToOne, type AgendaRequest } from '~/domain/meetings/one-to-ones.server'
import { formatParisDateTime, formatParisTime } from '~/domain/meetings/timezone'
import { requireActor } from '~/http/actor.server'
import { formRefusal, orRefuse } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { AgendaRequests, AgendaSeats, type AgendaRequestView, type AgendaRowReply } from '~/ui/business-meetings/agenda'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/brokerage'

/**
 * /rencontres/:id/mon-agenda — a participant's one-to-ones at a meeting (issue 18): the seated
 * ones in time order (Paris time, table, with whom), the requests to answer, those sent, the
 * accepted ones waiting for a slot; and the same agenda as an .ics file.
 */
export const handle: PageHandle<{ meeting: { title: string } }> = { titleKey: 'brokerage.agenda.heading', titleFrom: (data) => (data ? { key: 'brokerage.agenda.title', values: { title: data.meeting.title } } : null) }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const language = await languageFromRequest(request)
  const { t } = translatorFor(language)
  const agenda = await orRefuse(() => agendaOf(actor, meetingId))
  const note = (request: AgendaRequest): string | null =>
    request.status === 'accepted' ? t(`brokerage.unscheduled.${agenda.grid ? (request.unscheduledReason ?? 'no_table') : 'noGrid'}` as const) : null
  const view = (request: AgendaRequest): AgendaRequestView => ({ id: request.id, other: request.other, message: request.message, actions: request.actions, note: note(request) })
  return {
    meeting: { id: meetingId, title: agenda.meeting.title, startsAt: formatParisDateTime(agenda.meeting.startsAt, language) },
    seats: agenda.seats.map((seat) => ({
      id: seat.id,
      start: formatParisTime(seat.startsAt, language),
      end: formatParisTime(seat.endsAt, language),
      table: seat.table,
      other: seat.other,
      actions: agenda.open ? (['cancel'] as 'cancel'[]) : [],
    })),
    open: agenda.open,
    incoming: agenda.incoming.map(view),
    outgoing: agenda.outgoing.map(view),
    waiting: agenda.waiting.map(view),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: oneToOneAnswerSchema })
  if (submission.status !== 'success') return data({ itemId: String(formData.get('requestId') ?? ''), formErrors: [t('brokerage.errors.requestRequired')] } satisfies AgendaRowReply, { status: 400 })
  const { intent, requestId } = submission.value
  const options = { notifier: notifierFor(context) }
  const back = `/rencontres/${meetingId}/mon-agenda`
  try {
    if (intent === 'cancel') {
      const agenda = await orRefuse(() => agendaOf(actor, meetingId))
      const name = [...agenda.seats, ...agenda.incoming, ...agenda.outgoing, ...agenda.waiting].find((item) => item.id === requestId)?.other.name ?? ''
      await cancelOneToOne(actor, requestId, options)
      return redirectWithToast(back, { kind: 'success', message: t('brokerage.agenda.cancelled', { name }) })
    }
    await answerOneToOne(actor, requestId, intent, options)
    return redirectWithToast(back, { kind: 'success', message: t(intent === 'accept' ? 'brokerage.agenda.accepted' : 'brokerage.agenda.declined') })
  } catch (error) {
    const { status, formErrors } = formRefusal(t, error)
    return data({ itemId: requestId, formErrors } satisfies AgendaRowReply, { status })
  }
}

export default function MyMeetingAgenda() {
  const { t } = useTranslation()
  const { meeting, seats, incoming, outgoing, waiting } = useLoaderData<typeof loader>()
  const reply = useActionData<AgendaRowReply>()
  return (
    <div className="business-meetings-page">
      <p>
        <Link to={`/rencontres/${meeting.id}`}>{t('brokerage.nav.back')}</Link> ·{' '}
        <Link to={`/rencontres/${meeting.id}/participants`}>{t('brokerage.agenda.browse')}</Link>
      </p>
      <h1>{t('brokerage.agenda.heading')}</h1>
      <p className="lead">
        {meeting.title} — {meeting.startsAt}
      </p>
      <p>{t('brokerage.agenda.lead')}</p>
      <p>
        <ButtonLink href={`/rencontres/${meeting.id}/mon-agenda.ics`} variant="secondary" download>
          {t('brokerage.agenda.download')}
        </ButtonLink>
      </p>
      <section aria-labelledby="agenda-seats">
        <h2 id="agenda-seats">{t('brokerage.agenda.seats')}</h2>
        <AgendaSeats seats={seats} reply={reply} />
      </section>
      {incoming.length ? (
        <section aria-labelledby="agenda-incoming">
          <h2 id="agenda-incoming">{t('brokerage.agenda.incoming')}</h2>
          <AgendaRequests requests={incoming} reply={reply} />
        </section>
      ) : null}
      {waiting.length ? (
        <section aria-labelledby="agenda-waiting">
          <h2 id="agenda-waiting">{t('brokerage.agenda.waiting')}</h2>
          <AgendaRequests requests={waiting} reply={reply} />
        </section>
      ) : null}
      {outgoing.length ? (
        <section aria-labelledby="agenda-outgoing">
          <h2 id="agenda-outgoing">{t('brokerage.agenda.outgoing')}</h2>
          <AgendaRequests requests={outgoing} reply={reply} />
        </section>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
