import { requirePermission } from '~/http/actor.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { followUpList } from '~/domain/moderation/insights.server'
import { recommendFormSchema } from '~/domain/moderation/schema'
import { recommendOrganisation } from '~/domain/moderation/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button } from '~/ui/button'
import { FormErrors, TextareaField, TextField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { invalidRow, rowRefusal, type RowReply } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'moderation.followUp.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  return { items: await followUpList(actor) }
}

/** "Mise en relation" from the follow-up list: recommend an organisation for a flagged need. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: recommendFormSchema() })
  const itemId = String(formData.get('needId') ?? '')
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  try {
    await recommendOrganisation(actor, submission.value, { mailer: context.mailer, publicUrl: context.publicUrl })
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  return redirectWithToast('/animation/suivi', { kind: 'success', message: t('moderation.recommend.done') })
}

export default function FollowUp() {
  const { t } = useTranslation()
  const { items } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="follow-up-title" className="animation-page">
      <h1 id="follow-up-title">{t('moderation.followUp.title')}</h1>
      <p className="lead">{t('moderation.followUp.lead')}</p>
      {!items.length ? (
        <EmptyState title={t('moderation.followUp.empty')} />
      ) : (
        <ol className="queue">
          {items.map((item) => {
            const errors = reply?.itemId === item.id ? reply : undefined
            return (
              <li key={item.id} className="card queue-item">
                <h2 className="queue-title">
                  <a href={`/besoins/${item.id}`}>{item.title}</a>
                </h2>
                <p className="muted">
                  {item.company} · {t(`needs.status.${item.status}` as never)} · {t('moderation.followUp.idle', { count: item.idleDays })}
                </p>
                <ul className="follow-up-flags">
                  {item.flags.map((flag) => (
                    <li key={flag} className={`badge follow-up-${flag}`}>
                      {t(`moderation.followUp.flags.${flag}`)}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary>{t('moderation.recommend.title')}</summary>
                  <FormErrors errors={errors?.formErrors} />
                  <Form method="post">
                    <input type="hidden" name="needId" value={item.id} />
                    <TextField label={t('moderation.recommend.org')} name="orgSlug" maxLength={120} errors={errors?.fieldErrors.orgSlug} />
                    <TextareaField label={t('moderation.recommend.note')} name="note" rows={2} maxLength={1000} errors={errors?.fieldErrors.note} />
                    <Button type="submit">{t('moderation.recommend.submit')}</Button>
                  </Form>
                </details>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
