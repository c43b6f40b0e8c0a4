import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listTroubledMails } from '~/domain/mail/outbox-admin.server'
import { requirePermission } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'

export const handle: PageHandle = { titleKey: 'admin.mails.title' }

/** The admin's view of the outbox (issue 14): mails that keep failing, and why. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'read:mail-outbox:any')
  return { mails: await orRefuse(() => listTroubledMails(actor)) }
}

export default function AdminMails() {
  const { t, i18n } = useTranslation()
  const { mails } = useLoaderData<typeof loader>()
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' })
  return (
    <div>
      <h1>{t('admin.mails.title')}</h1>
      <p>{t('admin.mails.lead')}</p>
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
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id}>
                <td>{mail.to}</td>
                <td>{mail.subject}</td>
                <td>{mail.status === 'failed' ? t('admin.mails.failed') : t('admin.mails.retrying', { date: mail.nextAttemptAt ? date(mail.nextAttemptAt) : '' })}</td>
                <td>{mail.attempts}</td>
                <td>{mail.lastError}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
