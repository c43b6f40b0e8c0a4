import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { DomainError } from '~/domain/errors'
import { requireActor } from '~/http/actor.server'
import { asResponse, orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { createRateLimiter, MESSAGE_RATE } from '~/domain/messaging/rate-limit'
import { conversationFormSchema, olderPage } from '~/domain/messaging/schema'
import * as messaging from '~/domain/messaging/service.server'
import { conversationTitle } from '~/domain/messaging/titles'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { translateMessage } from '~/i18n/translate-message'
import { redirectWithToast } from '~/http/toast.server'
import { usePresence } from '~/realtime/use-presence'
import { ConversationPanel } from '~/ui/conversation'
import { RouteErrorPage } from '~/ui/error-page'
import { PresenceList } from '~/ui/presence'
import { readForm } from '~/http/form-data.server'
import { returnPath } from '~/http/safe-redirect'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/messaging'

export const handle: PageHandle<{ title: string }> = { titleKey: 'layout.pageTitles.conversation', titleFrom: (data) => data?.title }

// Sends through this form (no JavaScript) have their own per-process budget, same rule as the socket.
const formLimiter = createRateLimiter(MESSAGE_RATE)

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const conversationId = idParam(params, 'conversationId')
  const actor = await requireActor(request)
  const before = olderPage.safeParse(new URL(request.url).searchParams.get('avant') ?? undefined)
  const panel = await orRefuse(() => messaging.conversationPanelData(actor, conversationId, { before: before.success ? (before.data ?? null) : null }))
  // The others in the room see the read receipt live.
  if (panel.receipt) context.realtime({ type: 'receipt:updated', receipt: panel.receipt })
  const others = panel.conversation.participants.filter((person) => person.id !== actor.id)
  return {
    ...panel,
    title: conversationTitle(panel.conversation, actor),
    others: others.map(({ id, name }) => ({ id, name })),
    olderHref: panel.olderBefore ? `/messages/${conversationId}?avant=${panel.olderBefore}` : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const conversationId = idParam(params, 'conversationId')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: conversationFormSchema })
  // Embedded in the project room, the forms come back to the room.
  const here = returnPath(request.url, `/messages/${conversationId}`)
  const atMessage = (id: string) => (here.includes('#') ? here : `${here}#m-${id}`)
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), draft: String(formData.get('body') ?? '') }, { status: 400 })
  }
  const form = submission.value
  try {
    if (form.intent === 'send') {
      const { message } = await messaging.sendMessage(actor, conversationId, { clientId: form.clientId, body: form.body }, { limiter: formLimiter })
      return redirect(atMessage(message.id))
    }
    if (form.intent === 'edit') {
      const message = await messaging.editMessage(actor, form.messageId, form.body)
      return redirectWithToast(atMessage(message.id), { kind: 'success', message: t('messaging.form.edited') })
    }
    if (form.intent === 'delete') {
      await messaging.deleteMessage(actor, form.messageId)
      return redirectWithToast(here, { kind: 'success', message: t('messaging.form.deletedToast') })
    }
    await messaging.reportMessage(actor, form.messageId, form.reason)
    return redirectWithToast(here, { kind: 'success', message: t('messaging.form.reported') })
  } catch (error) {
    // A refusal a person can act on (too fast, too long) goes back to the form; the rest is the error page.
    if (error instanceof DomainError && (error.code === 'rate_limited' || error.code === 'invalid')) {
      const field = form.intent === 'report' ? 'reason' : 'body'
      return data(
        { result: submission.reply({ fieldErrors: { [field]: [error.message] } }), draft: form.intent === 'send' ? form.body : '' },
        { status: error.code === 'rate_limited' ? 429 : 400 },
      )
    }
    throw asResponse(error)
  }
}

export default function ConversationPage() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const presence = usePresence({ conversationId: loaded.conversation.id })
  const errors = actionData?.result.error ?? {}
  const intent = actionData?.result.initialValue?.intent
  const sendErrors = intent === 'send' || !intent ? [...(errors.body ?? []), ...(errors.clientId ?? [])] : []
  const otherErrors = intent && intent !== 'send' ? Object.values(errors).flatMap((list) => list ?? []) : []
  return (
    <section aria-labelledby="conversation-title" className="conversation-page">
      <p>
        <Link to="/messages">← {t('messaging.conversation.back')}</Link>
      </p>
      <p className="eyebrow">{t(`messaging.list.kinds.${loaded.conversation.kind}`)}</p>
      <h1 id="conversation-title">{loaded.title}</h1>
      <PresenceList people={loaded.others} presence={presence} />
      <ConversationPanel
        key={loaded.conversation.id}
        conversationId={loaded.conversation.id}
        me={loaded.me}
        participants={loaded.conversation.participants}
        messages={loaded.messages}
        receipts={loaded.receipts}
        lastSeq={loaded.lastSeq}
        renderedAt={loaded.renderedAt}
        clientId={loaded.clientId}
        attachClientId={loaded.attachClientId}
        actionPath={`/messages/${loaded.conversation.id}`}
        olderHref={loaded.olderHref}
        sendErrors={sendErrors.length ? sendErrors : undefined}
        sendDraft={actionData?.draft || undefined}
        formErrors={otherErrors.map((error) => translateMessage(t, error))}
      />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
