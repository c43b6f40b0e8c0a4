import { requirePermission } from '~/http/actor.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { appealHidden, myHiddenContent } from '~/domain/moderation/appeals.server'
import { appealFormSchema } from '~/domain/moderation/schema'
import { formatDate } from '~/ui/needs/need-display'
import { requireActor } from '~/http/actor.server'
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
// The refusals and form errors its action answers with are the moderation domain's.
import '~/i18n/areas/moderation'
import '~/i18n/areas/reporting'

export const handle: PageHandle = { titleKey: 'reporting.appeal.title' }

/** /signaler/contestations: the person sees why their content was hidden and may appeal once. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  return { items: await myHiddenContent(actor) }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const itemId = String(formData.get('targetId') ?? '')
  const submission = parseWithZod(formData, { schema: appealFormSchema() })
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  try {
    await appealHidden(actor, submission.value)
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  return redirectWithToast('/signaler/contestations', { kind: 'success', message: t('reporting.appeal.sent') })
}

export default function Appeals() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { items } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="appeal-title" className="animation-page">
      <h1 id="appeal-title">{t('reporting.appeal.title')}</h1>
      <p className="lead">{t('reporting.appeal.lead')}</p>
      {!items.length ? (
        <EmptyState title={t('reporting.appeal.empty')} />
      ) : (
        <ul className="queue">
          {items.map((item) => {
            const errors = reply?.itemId === item.targetId ? reply : undefined
            return (
              <li key={`${item.targetKind}-${item.targetId}`} className="card queue-item">
                <h2 className="queue-title">
                  {t(`reporting.appeal.kind.${item.targetKind}`)}
                  {item.label ? ` : ${item.label}` : ''}
                </h2>
                <p className="muted">{t('reporting.appeal.hiddenOn', { date: formatDate(item.hiddenAt, language) })}</p>
                <p>{t('reporting.appeal.reason', { reason: item.reason })}</p>
                {item.appealDecision ? (
                  <p>{t(`reporting.appeal.decision.${item.appealDecision}`)}</p>
                ) : item.appealedAt ? (
                  <p>{t('reporting.appeal.appealed', { date: formatDate(item.appealedAt, language) })}</p>
                ) : (
                  <Form method="post">
                    <FormErrors errors={errors?.formErrors} />
                    <input type="hidden" name="targetKind" value={item.targetKind} />
                    <input type="hidden" name="targetId" value={item.targetId} />
                    <TextareaField label={t('reporting.appeal.text')} name="text" rows={3} maxLength={2000} required errors={errors?.fieldErrors.text} />
                    <Button type="submit">{t('reporting.appeal.submit')}</Button>
                  </Form>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
