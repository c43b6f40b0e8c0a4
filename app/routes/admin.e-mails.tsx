import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { isObjectId } from '~/domain/ids'
import { deleteFailedMail, listTroubledMails, retryTroubledMail } from '~/domain/mail/outbox-admin.server'
import { requirePermission } from '~/http/actor.server'
import { formRefusal, orRefuse, refuse } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/admin'

export const handle: PageHandle = { titleKey: 'admin.mails.title' }

/**
 * The admin's view of the outbox (issue 14): mails that keep failing, and why; each can be sent
 * again now (« Renvoyer ») or deleted (« Supprimer »), after a confirmation shown on the page
 * (`?renvoyer=<id>` / `?supprimer=<id>`), so it works without JavaScript.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'read:mail-outbox:any')
  const params = new URL(request.url).searchParams
  const retry = params.get('renvoyer')
  const remove = params.get('supprimer')
  const confirm = isObjectId(retry) ? { intent: 'retry' as const, id: retry } : isObjectId(remove) ? { intent: 'delete' as const, id: remove } : null
  return { mails: await orRefuse(() => listTroubledMails(actor)), confirm }
}

const actionSchema = z.object({ intent: z.enum(['retry', 'delete']), mailId: z.string().max(24) })

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'read:mail-outbox:any')
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const parsed = actionSchema.safeParse({ intent: formData.get('intent'), mailId: formData.get('mailId') })
  if (!parsed.success) refuse('invalid')
  const { intent, mailId } = parsed.data
  try {
    await (intent === 'retry' ? retryTroubledMail(actor, mailId) : deleteFailedMail(actor, mailId))
  } catch (error) {
    // Sent, deleted or taken by a worker meanwhile: said plainly, the list shown again.
    return redirectWithToast('/admin/e-mails', { kind: 'info', message: formRefusal(t, error).formErrors[0] ?? '' })
  }
  return redirectWithToast('/admin/e-mails', { kind: 'success', message: t(intent === 'retry' ? 'admin.mails.retried' : 'admin.mails.deleted') })
}

export default function AdminMails() {
  const { t, i18n } = useTranslation()
  const { mails, confirm } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' })
  const confirming = confirm ? mails.find((mail) => mail.id === confirm.id) : undefined
  return (
    <div>
      <h1>{t('admin.mails.title')}</h1>
      <p>{t('admin.mails.lead')}</p>
      {confirm && confirming ? (
        <Form method="post" className="confirm-box" role="group" aria-labelledby="mail-confirm">
          <p id="mail-confirm">{t(confirm.intent === 'retry' ? 'admin.mails.retryConfirm' : 'admin.mails.deleteConfirm', { subject: confirming.subject, to: confirming.to })}</p>
          <input type="hidden" name="mailId" value={confirming.id} />
          <div className="form-actions">
            <Button type="submit" name="intent" value={confirm.intent} variant={confirm.intent === 'delete' ? 'danger' : 'primary'} pending={navigation.state === 'submitting'}>
              {t(confirm.intent === 'retry' ? 'admin.mails.retry' : 'admin.mails.delete')}
            </Button>
            <ButtonLink href="/admin/e-mails" variant="secondary">
              {t('admin.mails.cancel')}
            </ButtonLink>
          </div>
        </Form>
      ) : null}
      {mails.length === 0 ? (
        <EmptyState title={t('admin.mails.empty')} />
      ) : (
        <table>
          <caption>{t('admin.mails.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.mails.to')}</th>
              <th scope="col">{t('admin.mails.subject')}</th>
              <th scope="col">{t('admin.mails.status')}</th>
              <th scope="col">{t('admin.mails.attempts')}</th>
              <th scope="col">{t('admin.mails.error')}</th>
              <th scope="col">{t('admin.mails.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id}>
                <td>{mail.to}</td>
                <td>
                  {mail.subject}
                  {mail.attachments.length ? <div className="muted">{t('admin.mails.attachments', { names: mail.attachments.join(', ') })}</div> : null}
                </td>
                <td>{mail.status === 'failed' ? t('admin.mails.failed') : t('admin.mails.retrying', { date: mail.nextAttemptAt ? date(mail.nextAttemptAt) : '' })}</td>
                <td>{mail.attempts}</td>
                <td>{mail.lastError}</td>
                <td>
                  <a href={`/admin/e-mails?renvoyer=${mail.id}`} aria-label={t('admin.mails.retryLabel', { subject: mail.subject, to: mail.to })}>
                    {t('admin.mails.retry')}
                  </a>{' '}
                  ·{' '}
                  <a href={`/admin/e-mails?supprimer=${mail.id}`} aria-label={t('admin.mails.deleteLabel', { subject: mail.subject, to: mail.to })}>
                    {t('admin.mails.delete')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
