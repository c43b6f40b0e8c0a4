import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { Button } from '../button'
import { FormErrors } from '../field'
import '~/i18n/areas/brokerage'

export type AgendaSeatView = { id: string; start: string; end: string; table: number; other: { id: string; name: string }; actions: 'cancel'[] }
export type AgendaRequestView = { id: string; other: { id: string; name: string }; message: string; actions: ('accept' | 'decline' | 'cancel')[]; note: string | null }
export type AgendaRowReply = { itemId: string; formErrors: string[] }

/** The seated one-to-ones, in time order: « 14:00 – 14:20 · table 3 », with whom. */
export function AgendaSeats({ seats, reply }: { seats: AgendaSeatView[]; reply?: AgendaRowReply }) {
  const { t } = useTranslation()
  if (!seats.length) return <p className="muted">{t('brokerage.agenda.noSeats')}</p>
  return (
    <ol className="agenda-seats">
      {seats.map((seat) => (
        <li key={seat.id} className="card agenda-seat" id={`rdv-${seat.id}`}>
          <p className="agenda-time">
            <strong>{t('brokerage.agenda.seat', { start: seat.start, end: seat.end, table: seat.table })}</strong>
          </p>
          <p>
            <Link to={`/membres/${seat.other.id}`}>{t('brokerage.agenda.with', { name: seat.other.name })}</Link>
          </p>
          <RequestActions request={seat} reply={reply} />
        </li>
      ))}
    </ol>
  )
}

/** Requests received, sent, or accepted and waiting for a slot, with the buttons each allows. */
export function AgendaRequests({ requests, reply }: { requests: AgendaRequestView[]; reply?: AgendaRowReply }) {
  const { t } = useTranslation()
  return (
    <ul className="agenda-requests">
      {requests.map((request) => (
        <li key={request.id} className="card" id={`rdv-${request.id}`}>
          <p>
            <Link to={`/membres/${request.other.id}`}>{request.other.name}</Link>
          </p>
          {request.message ? <blockquote>{t('brokerage.agenda.quote', { message: request.message })}</blockquote> : null}
          {request.note ? <p className="muted">{request.note}</p> : null}
          <RequestActions request={request} reply={reply} />
        </li>
      ))}
    </ul>
  )
}

function RequestActions({ request, reply }: { request: Pick<AgendaRequestView, 'id' | 'other' | 'actions'>; reply?: AgendaRowReply }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  if (!request.actions.length) return null
  const labels = { accept: 'acceptWith', decline: 'declineWith', cancel: 'cancelWith' } as const
  const busy = (intent: string) => navigation.state === 'submitting' && navigation.formData?.get('intent') === intent && navigation.formData?.get('requestId') === request.id
  return (
    <Form method="post" className="form-actions">
      <FormErrors errors={reply?.itemId === request.id ? reply.formErrors : undefined} />
      <input type="hidden" name="requestId" value={request.id} />
      {request.actions.map((action) => (
        <Button
          key={action}
          type="submit"
          name="intent"
          value={action}
          variant={action === 'accept' ? 'primary' : 'secondary'}
          aria-label={t(`brokerage.agenda.${labels[action]}`, { name: request.other.name })}
          pending={busy(action)}
        >
          {t(`brokerage.agenda.${action}`)}
        </Button>
      ))}
    </Form>
  )
}
