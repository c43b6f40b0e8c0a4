import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { DomainError } from '~/domain/errors'
import { parseNeedForm } from '~/http/need-form.server'
import { requireActor } from '~/http/actor.server'
import { asResponse, replyWithRefusal } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { notifierFor } from '~/http/notifier.server'
import { NeedForm } from '~/ui/needs/need-form'
import { needToFormValues } from '~/domain/needs/schema'
import { getNeedForEditing, updateNeed } from '~/domain/needs/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'needs.form.editTitle' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  try {
    const need = await getNeedForEditing(actor, needId)
    const { commune, ...values } = needToFormValues(need)
    return { id: needId, title: need.title, status: need.status, values, commune }
  } catch (error) {
    // A need in a project or closed cannot be edited: back to its page, saying why.
    if (error instanceof DomainError && error.code === 'conflict') {
      const { t } = translatorFor(await languageFromRequest(request))
      throw redirectWithToast(`/besoins/${needId}`, { kind: 'info', message: t('needs.refusals.notEditable') })
    }
    throw asResponse(error)
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const parsed = parseNeedForm(t, await readForm(request))
  if (!parsed.ok) return parsed.reply
  try {
    const { status } = await updateNeed(actor, needId, parsed.input, { submit: parsed.intent === 'submit', notifier: notifierFor(context) })
    const message =
      parsed.intent === 'submit' && status !== 'draft' ? t(`needs.actionDone.${status === 'submitted' ? 'submitted' : 'published'}`) : t('needs.form.saved')
    return redirectWithToast(`/besoins/${needId}`, { kind: 'success', message })
  } catch (error) {
    return replyWithRefusal(t, parsed.submission, error)
  }
}

export default function EditNeed() {
  const { t } = useTranslation()
  const { id, title, status, values, commune } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-need-title" className="need-page">
      <h1 id="edit-need-title">{t('needs.form.editTitle')}</h1>
      <p className="lead">{title}</p>
      <NeedForm
        mode="edit"
        lastResult={actionData?.result}
        companies={[{ id: values.orgId, name: '' }]}
        defaultValue={values}
        defaultCommune={commune}
        canSubmit={status === 'draft'}
        cancelHref={`/besoins/${id}`}
      />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
