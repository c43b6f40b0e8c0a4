import { dateTimeFormat } from '~/i18n/formats'
import { requirePermission } from '~/http/actor.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { searchAudit } from '~/domain/moderation/audit.server'
import { auditQueryFrom } from '~/domain/moderation/schema'
import type fr from '~/i18n/locales/fr/moderation'
import { Button, ButtonLink } from '~/ui/button'
import { SelectField, TextField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { AuditSentence } from '~/ui/moderation/audit-sentence'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'

export const handle: PageHandle = { titleKey: 'moderation.journal.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const url = new URL(request.url)
  const { query, search } = auditQueryFrom(url)
  return { query, rows: await searchAudit(actor, { ...search, limit: 200 }), csvHref: `/animation/journal.csv${url.search}` }
}

type ActionKey = keyof (typeof fr)['journal']['actions']

export default function Journal() {
  const { t, i18n } = useTranslation()
  const { query, rows, csvHref } = useLoaderData<typeof loader>()
  const actions = Object.keys(i18n.group('moderation.journal.actions')) as ActionKey[]
  const actionLabel = (action: string) => (actions.includes(action as ActionKey) ? t(`moderation.journal.actions.${action as ActionKey}`) : action)
  const dateTime = dateTimeFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' })
  return (
    <section aria-labelledby="journal-title" className="animation-page">
      <div className="page-head">
        <div>
          <h1 id="journal-title">{t('moderation.journal.title')}</h1>
          <p className="lead">{t('moderation.journal.lead')}</p>
        </div>
        <ButtonLink href={csvHref} variant="secondary" download>
          {t('moderation.journal.export')}
        </ButtonLink>
      </div>
      <Form method="get" className="journal-filters">
        <SelectField
          label={t('moderation.journal.action')}
          name="action"
          defaultValue={query.action ?? ''}
          options={[{ value: '', label: t('moderation.journal.anyAction') }, ...actions.map((action) => ({ value: action, label: actionLabel(action) }))]}
        />
        <TextField label={t('moderation.journal.actor')} name="actor" defaultValue={query.actor ?? ''} maxLength={24} />
        <TextField label={t('moderation.journal.from')} name="from" type="date" defaultValue={query.from ?? ''} />
        <TextField label={t('moderation.journal.to')} name="to" type="date" defaultValue={query.to ?? ''} />
        <Button type="submit">{t('moderation.journal.search')}</Button>
      </Form>
      {!rows.length ? (
        <EmptyState title={t('moderation.journal.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="journal-table">
            <thead>
              <tr>
                <th scope="col">{t('moderation.journal.columns.at')}</th>
                <th scope="col">{t('moderation.journal.whatHappened')}</th>
                <th scope="col">{t('moderation.journal.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{dateTime.format(new Date(row.at))}</td>
                  <td>
                    <AuditSentence row={row} />
                  </td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
