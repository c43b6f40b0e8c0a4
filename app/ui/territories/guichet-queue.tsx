import { Form, Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { GuichetQueueItem } from '~/domain/territories/guichet.server'
import type { RowReply } from '~/http/domain-response.server'
import { type Language } from '~/i18n/config'
import { Button } from '~/ui/button'
import { FormErrors, SelectField, TextareaField } from '~/ui/field'
import { formatDate } from '~/ui/needs/need-display'
import '~/i18n/areas/territories'

/** One request of the guichet's queue: who asks what, what was done, and the animator's three actions. */
export function GuichetRequestCard({ request, reply }: { request: GuichetQueueItem; reply?: RowReply }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const errors = reply?.itemId === request.id ? reply : undefined
  const field = (name: string) => `${name}-${request.id}`
  return (
    <li className="card queue-item" id={`demande-${request.id}`}>
      <div className="need-card-head">
        <h2 className="queue-title" id={`demande-${request.id}-title`}>
          {request.subject}
        </h2>
        <span className={`badge badge-guichet-${request.status}`}>{t(`territories.queue.statuses.${request.status}`)}</span>
      </div>
      <p className="muted">
        <span lang="fr">{t('territories.queue.territory', { name: request.territoryName })}</span> · {t('territories.queue.receivedAt', { date: formatDate(request.createdAt, language) })}
      </p>
      <dl className="queue-facts">
        <div>
          <dt>{t('territories.queue.requester')}</dt>
          <dd>
            {request.requester.userId ? <Link to={`/membres/${request.requester.userId}`}>{request.requester.name}</Link> : request.requester.name} ({request.requester.email}) —{' '}
            {t(request.requester.hasAccount ? 'territories.queue.member' : 'territories.queue.guest')}
          </dd>
        </div>
        <div>
          <dt>{t('territories.queue.company')}</dt>
          <dd>{request.requester.company || '—'}</dd>
        </div>
        {request.commune ? (
          <div>
            <dt>{t('territories.queue.commune')}</dt>
            <dd>{request.commune}</dd>
          </div>
        ) : null}
      </dl>
      <blockquote className="guichet-message">{request.message}</blockquote>
      {request.steps.length ? (
        <>
          <h3>{t('territories.queue.history')}</h3>
          <ol className="guichet-steps">
            {request.steps.map((step, index) => (
              <li key={index}>
                {formatDate(step.at, language)} — {t(`territories.queue.steps.${step.step}`, { by: step.byName, organisation: step.orgName ?? '' })}
                {step.message ? <span className="muted"> : « {step.message} »</span> : null}
                {step.needId ? (
                  <>
                    {' '}
                    <Link to={`/besoins/${step.needId}`}>{t('territories.queue.openNeed')}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <FormErrors errors={errors?.formErrors} />
      {request.actions.length ? (
        <div className="queue-actions">
          {request.actions.includes('answer') ? (
            <Form method="post" aria-label={`${t('territories.queue.answer.title')} — ${request.subject}`}>
              <h3>{t('territories.queue.answer.title')}</h3>
              <input type="hidden" name="requestId" value={request.id} />
              <TextareaField id={field('answer')} label={t('territories.queue.answer.message')} name="message" rows={3} maxLength={3000} required errors={errors?.fieldErrors.message} />
              <Button type="submit" name="intent" value="answer">
                {t('territories.queue.answer.submit')}
              </Button>
            </Form>
          ) : null}
          {request.actions.includes('route') ? (
            <Form method="post" aria-label={`${t('territories.queue.route.title')} — ${request.subject}`}>
              <h3>{t('territories.queue.route.title')}</h3>
              <input type="hidden" name="requestId" value={request.id} />
              {request.routeChoices.length ? (
                <>
                  <SelectField
                    id={field('org')}
                    label={t('territories.queue.route.organisation')}
                    name="orgSlug"
                    required
                    errors={errors?.fieldErrors.orgSlug}
                    options={[{ value: '', label: t('territories.queue.route.choose') }, ...request.routeChoices.map((org) => ({ value: org.slug, label: `${org.name} (${t(`orgKinds.${org.kind as 'lab'}`)})` }))]}
                  />
                  <TextareaField id={field('note')} label={t('territories.queue.route.note')} name="note" rows={2} maxLength={1000} required errors={errors?.fieldErrors.note} />
                  <Button type="submit" name="intent" value="route" variant="secondary">
                    {t('territories.queue.route.submit')}
                  </Button>
                </>
              ) : (
                <p className="muted">{t('territories.queue.route.none')}</p>
              )}
            </Form>
          ) : null}
          {request.actions.includes('draft_need') ? (
            <Form method="post" aria-label={`${t('territories.queue.draft.title')} — ${request.subject}`}>
              <h3>{t('territories.queue.draft.title')}</h3>
              <input type="hidden" name="requestId" value={request.id} />
              <p className="muted">{t('territories.queue.draft.explain')}</p>
              <Button type="submit" name="intent" value="draft_need" variant="secondary">
                {t('territories.queue.draft.submit')}
              </Button>
            </Form>
          ) : request.status !== 'need_drafted' ? (
            <p className="muted">{t('territories.queue.draft.unavailable')}</p>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
