import { requirePermission } from '~/http/actor.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { notifierFor } from '~/http/notifier.server'
import { reviewFormSchema, reviewRuleFormSchema } from '~/domain/moderation/schema'
import { approveSubmittedNeed, rejectNeed, reviewQueue, reviewSettings, sendNeedBack, setSpaceReview } from '~/domain/moderation/service.server'
import { formatDate } from '~/ui/needs/need-display'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { FormErrors, TextareaField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { invalidRow, rowRefusal, type RowReply } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'

export const handle: PageHandle = { titleKey: 'moderation.review.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const [needs, settings] = await Promise.all([reviewQueue(actor), reviewSettings(actor)])
  return { needs, settings }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  if (formData.get('intent') === 'review_rule') {
    const rule = parseWithZod(formData, { schema: reviewRuleFormSchema() })
    const ruleId = `${String(formData.get('kind'))}:${String(formData.get('ref'))}`
    if (rule.status !== 'success') return invalidRow(ruleId, rule.reply().error)
    try {
      await setSpaceReview(actor, { kind: rule.value.kind, ref: rule.value.ref }, rule.value.required === 'yes')
    } catch (error) {
      return rowRefusal(t, error, ruleId)
    }
    return redirectWithToast('/animation/besoins', { kind: 'success', message: t('moderation.settings.saved') })
  }
  const submission = parseWithZod(formData, { schema: reviewFormSchema() })
  const itemId = String(formData.get('needId') ?? '')
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  const value = submission.value
  try {
    const notifier = notifierFor(context)
    if (value.intent === 'approve') await approveSubmittedNeed(actor, value.needId, { notifier })
    else if (value.intent === 'send_back') await sendNeedBack(actor, value.needId, value.comment, { notifier })
    else await rejectNeed(actor, value.needId, value.reason, { notifier })
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  const message = t(value.intent === 'approve' ? 'moderation.review.approved' : value.intent === 'send_back' ? 'moderation.review.sentBack' : 'moderation.review.rejected')
  return redirectWithToast('/animation/besoins', { kind: 'success', message })
}

export default function ReviewQueue() {
  const { t, i18n } = useTranslation()
  const { needs, settings } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="review-title" className="animation-page">
      <h1 id="review-title">{t('moderation.review.title')}</h1>
      <p className="lead">{t('moderation.review.lead')}</p>
      {!needs.length ? (
        <EmptyState title={t('moderation.review.empty')} />
      ) : (
        <ol className="queue">
          {needs.map((need) => {
            const errors = reply?.itemId === need.id ? reply : undefined
            return (
              <li key={need.id} className="card queue-item">
                <h2 className="queue-title">
                  <a href={`/besoins/${need.id}`}>{need.title}</a>
                </h2>
                <p className="muted">
                  {t('moderation.review.company')} : {need.company} · {t('moderation.review.submittedOn', { date: formatDate(need.submittedAt, i18n.language as Language) })} ·{' '}
                  <span className="queue-age">
                    {t('moderation.ageLabel')} : {t('moderation.age', { count: need.ageDays })}
                  </span>
                </p>
                {need.summary ? <p>{need.summary}</p> : null}
                <FormErrors errors={errors?.formErrors} />
                <div className="queue-actions">
                  <Form method="post">
                    <input type="hidden" name="needId" value={need.id} />
                    <Button type="submit" name="intent" value="approve">
                      {t('moderation.review.approve')}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="needId" value={need.id} />
                    <TextareaField label={t('moderation.review.comment')} name="comment" rows={2} maxLength={1000} errors={errors?.fieldErrors.comment} />
                    <Button type="submit" name="intent" value="send_back" variant="secondary">
                      {t('moderation.review.sendBack')}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="needId" value={need.id} />
                    <TextareaField label={t('moderation.review.reason')} name="reason" rows={2} maxLength={1000} errors={errors?.fieldErrors.reason} />
                    <Button type="submit" name="intent" value="reject" variant="danger">
                      {t('moderation.review.reject')}
                    </Button>
                  </Form>
                </div>
              </li>
            )
          })}
        </ol>
      )}
      {settings.length ? (
        <section aria-labelledby="review-settings-title" className="section">
          <h2 id="review-settings-title">{t('moderation.settings.title')}</h2>
          <p>{t('moderation.settings.lead')}</p>
          <ul className="queue">
            {settings.map((space) => {
              const id = `${space.kind}:${space.ref}`
              return (
                <li key={id} className="card queue-item">
                  <p>
                    <strong>{t(space.kind === 'territory' ? 'moderation.settings.territory' : 'moderation.settings.organisation', { name: space.name })}</strong> ·{' '}
                    {t(space.required ? 'moderation.settings.required' : 'moderation.settings.notRequired')}
                  </p>
                  <FormErrors errors={reply?.itemId === id ? reply.formErrors : undefined} />
                  <Form method="post">
                    <input type="hidden" name="intent" value="review_rule" />
                    <input type="hidden" name="kind" value={space.kind} />
                    <input type="hidden" name="ref" value={space.ref} />
                    <input type="hidden" name="required" value={space.required ? 'no' : 'yes'} />
                    <Button type="submit" variant="secondary">
                      {t(space.required ? 'moderation.settings.disable' : 'moderation.settings.enable')}
                    </Button>
                  </Form>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
