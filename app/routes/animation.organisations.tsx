import { requirePermission } from '~/http/actor.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { verifyFormSchema } from '~/domain/moderation/schema'
import { verificationQueue, verifyOrganisationInScope } from '~/domain/moderation/service.server'
import { formatDate } from '~/ui/needs/need-display'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { FormErrors } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { invalidRow, rowRefusal, type RowReply } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'

export const handle: PageHandle = { titleKey: 'moderation.verification.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  return { orgs: await verificationQueue(actor) }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: verifyFormSchema() })
  const itemId = String(formData.get('orgId') ?? '')
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  try {
    await verifyOrganisationInScope(actor, submission.value.orgId)
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  return redirectWithToast('/animation/organisations', { kind: 'success', message: t('moderation.verification.verified') })
}

export default function VerificationQueue() {
  const { t, i18n } = useTranslation()
  const { orgs } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="verification-title" className="animation-page">
      <h1 id="verification-title">{t('moderation.verification.title')}</h1>
      <p className="lead">{t('moderation.verification.lead')}</p>
      {!orgs.length ? (
        <EmptyState title={t('moderation.verification.empty')} />
      ) : (
        <ol className="queue">
          {orgs.map((org) => (
            <li key={org.id} className="card queue-item">
              <h2 className="queue-title">
                <a href={`/organisations/${org.slug}`}>{org.name}</a>
              </h2>
              <p className="muted">
                {t(`orgKinds.${org.kind}` as never)} · {t('moderation.verification.createdOn', { date: formatDate(org.createdAt, i18n.language as Language) })} ·{' '}
                <span className="queue-age">
                  {t('moderation.ageLabel')} : {t('moderation.age', { count: org.ageDays })}
                </span>
              </p>
              <FormErrors errors={reply?.itemId === org.id ? reply.formErrors : undefined} />
              <Form method="post">
                <input type="hidden" name="orgId" value={org.id} />
                <Button type="submit">{t('moderation.verification.verify')}</Button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
