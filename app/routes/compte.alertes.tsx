import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { deleteAlertSchema, updateAlertSchema } from '~/domain/alerts/schema'
import { createAlert, deleteAlert, listAlerts, updateAlert } from '~/domain/alerts/service.server'
import { isObjectId } from '~/domain/ids'
import { requireActor } from '~/http/actor.server'
import { formRefusal, invalidRow, orRefuse, refuse, rowRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { AlertList, type AlertRowReply } from '~/ui/alerts/alert-list'
import { RouteErrorPage } from '~/ui/error-page'
import { ButtonLink } from '~/ui/button'
import { EmptyState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/alerts'

/**
 * « Mon compte » → « Mes alertes » (issue 14): the saved searches whose new needs are e-mailed.
 * The search page's « M'alerter » posts here (intent `create`); each alert is renamed, given
 * another frequency, turned on or off (`update`) and deleted after a confirmation (`delete`).
 * Plain form posts: everything works without JavaScript.
 */
export const handle: PageHandle = { titleKey: 'alerts.account.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const asked = new URL(request.url).searchParams.get('supprimer')
  return { alerts: await orRefuse(() => listAlerts(actor)), confirmDelete: isObjectId(asked) ? asked : null }
}

const intentSchema = z.enum(['create', 'update', 'delete'])

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const language = await languageFromRequest(request)
  const { t } = translatorFor(language)
  const formData = await readForm(request)
  const intent = intentSchema.safeParse(formData.get('intent'))
  if (!intent.success) refuse('invalid')
  const itemId = String(formData.get('alertId') ?? '')

  switch (intent.data) {
    case 'create': {
      // Back to the search it came from, with the outcome (the search page has no form state to keep).
      const search = String(formData.get('search') ?? '').slice(0, 4000)
      const back = `/recherche?${new URLSearchParams(search)}`
      try {
        const alert = await createAlert(actor, { name: formData.get('name') ?? undefined, frequency: formData.get('frequency'), search }, { language, fallbackName: t('alerts.defaultName') })
        return redirectWithToast(back, { kind: 'success', message: t('alerts.create.created', { name: alert.name }) })
      } catch (error) {
        return redirectWithToast(back, { kind: 'error', message: formRefusal(t, error).formErrors[0] ?? t('alerts.errors.invalid') })
      }
    }
    case 'update': {
      const submission = parseWithZod(formData, { schema: updateAlertSchema })
      if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
      try {
        const alert = await updateAlert(actor, submission.value)
        return redirectWithToast(`/compte/alertes#alerte-${alert.id}`, { kind: 'success', message: t('alerts.account.saved', { name: alert.name }) })
      } catch (error) {
        return rowRefusal(t, error, itemId)
      }
    }
    case 'delete': {
      const submission = parseWithZod(formData, { schema: deleteAlertSchema })
      if (submission.status !== 'success') refuse('not_found')
      await orRefuse(() => deleteAlert(actor, submission.value))
      return redirectWithToast('/compte/alertes', { kind: 'success', message: t('alerts.account.deleted') })
    }
  }
}

export default function AccountAlerts() {
  const { t } = useTranslation()
  const { alerts, confirmDelete } = useLoaderData<typeof loader>()
  const reply = useActionData<AlertRowReply>()
  return (
    <div className="account-page">
      <p>
        <Link to="/compte">{t('alerts.account.back')}</Link>
      </p>
      <h1>{t('alerts.account.title')}</h1>
      <p className="lead">{t('alerts.account.lead')}</p>
      {alerts.length ? (
        <>
          <p className="muted">{t('alerts.account.summary', { count: alerts.length })}</p>
          <AlertList alerts={alerts} confirmDelete={confirmDelete} reply={reply} />
        </>
      ) : (
        <EmptyState title={t('alerts.account.empty')}>
          <p>{t('alerts.account.emptyHelp')}</p>
          <ButtonLink href="/recherche?type=needs">{t('alerts.account.search')}</ButtonLink>
        </EmptyState>
      )}
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
