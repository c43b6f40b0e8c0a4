import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { oneToOneRequestSchema } from '~/domain/meetings/one-to-ones.schema'
import { requestOneToOne } from '~/domain/meetings/one-to-ones.server'
import { meetingParticipants } from '~/domain/meetings/participants.server'
import { requireActor } from '~/http/actor.server'
import { invalidRow, orRefuse, rowRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { ParticipantList, type ParticipantRowReply } from '~/ui/business-meetings/participant-list'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import { EmptyState } from '~/ui/states'
import '~/i18n/areas/brokerage'

/**
 * /rencontres/:id/participants — « Qui vient ? » (issue 18): registered participants (and the
 * meeting's animators) see who comes, with each organisation's competences and visible open
 * needs, and ask for one-to-ones.
 */
export const handle: PageHandle<{ meeting: { title: string } }> = { titleKey: 'brokerage.participants.heading', titleFrom: (data) => (data ? { key: 'brokerage.participants.title', values: { title: data.meeting.title } } : null) }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const page = await orRefuse(() => meetingParticipants(actor, meetingId))
  return {
    meeting: { id: meetingId, title: page.meeting.title },
    participants: page.participants,
    viewerId: actor.id,
    viewerRegistered: page.viewerRegistered,
    open: page.open,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meetingId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const itemId = String(formData.get('recipientId') ?? '')
  const submission = parseWithZod(formData, { schema: oneToOneRequestSchema })
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  try {
    await requestOneToOne(actor, meetingId, submission.value, { notifier: notifierFor(context) })
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  const page = await orRefuse(() => meetingParticipants(actor, meetingId))
  const name = page.participants.find((person) => person.userId === submission.value.recipientId)?.name ?? ''
  return redirectWithToast(`/rencontres/${meetingId}/participants`, { kind: 'success', message: t('brokerage.participants.requested', { name }) })
}

export default function MeetingParticipants() {
  const { t } = useTranslation()
  const { meeting, participants, viewerId, open } = useLoaderData<typeof loader>()
  const reply = useActionData<ParticipantRowReply>()
  const agendaHref = `/rencontres/${meeting.id}/mon-agenda`
  return (
    <div className="business-meetings-page">
      <p>
        <Link to={`/rencontres/${meeting.id}`}>{t('brokerage.nav.back')}</Link> · <Link to={agendaHref}>{t('brokerage.nav.agenda')}</Link>
      </p>
      <h1>{t('brokerage.participants.heading')}</h1>
      <p className="lead">{meeting.title}</p>
      <p>{t('brokerage.participants.lead')}</p>
      {open ? null : <p className="status-line status-warning">{t('brokerage.participants.closed')}</p>}
      {participants.length ? (
        <ParticipantList participants={participants} viewerId={viewerId} agendaHref={agendaHref} reply={reply} />
      ) : (
        <EmptyState title={t('brokerage.participants.empty')} />
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
