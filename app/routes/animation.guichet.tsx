import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { actOnGuichetRequest, guichetQueue } from '~/domain/territories/guichet.server'
import { guichetActionSchema } from '~/domain/territories/guichet-schema'
import { requirePermission } from '~/http/actor.server'
import { invalidRow, orRefuse, rowRefusal, type RowReply } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { languageFromRequest } from '~/i18n/language.server'
import { translatorFor } from '~/i18n/translators'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import { EmptyState } from '~/ui/states'
import { GuichetRequestCard } from '~/ui/territories/guichet-queue'
import '~/i18n/areas/territories'

export const handle: PageHandle = { titleKey: 'territories.queue.title' }

/** /animation/guichet: the requests sent to the guichet of the territories the animator runs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'handle:guichet:scope')
  return { requests: await orRefuse(() => guichetQueue(actor)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'handle:guichet:scope')
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const itemId = String(formData.get('requestId') ?? '')
  const submission = parseWithZod(formData, { schema: guichetActionSchema() })
  if (submission.status !== 'success') return invalidRow(itemId, submission.reply().error)
  let message: string
  try {
    const outcome = await actOnGuichetRequest(actor, submission.value, { mailer: context.mailer, appSecret: context.appSecret, publicUrl: context.publicUrl })
    message =
      outcome.step === 'answer'
        ? t('territories.queue.answer.done', { name: outcome.requesterName })
        : outcome.step === 'route'
          ? t('territories.queue.route.done', { organisation: outcome.orgName ?? '' })
          : t('territories.queue.draft.done', { name: outcome.requesterName })
  } catch (error) {
    return rowRefusal(t, error, itemId)
  }
  return redirectWithToast(`/animation/guichet#demande-${itemId}`, { kind: 'success', message })
}

export default function GuichetQueuePage() {
  const { t } = useTranslation()
  const { requests } = useLoaderData<typeof loader>()
  const reply = useActionData<RowReply>()
  return (
    <section aria-labelledby="guichet-queue-title" className="animation-page">
      <h1 id="guichet-queue-title">{t('territories.queue.title')}</h1>
      <p className="lead">{t('territories.queue.lead')}</p>
      {requests.length ? (
        <ol className="queue">
          {requests.map((item) => (
            <GuichetRequestCard key={item.id} request={item} reply={reply} />
          ))}
        </ol>
      ) : (
        <EmptyState title={t('territories.queue.empty')} />
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
