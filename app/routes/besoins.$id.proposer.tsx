import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { orRefuse, replyWithRefusal } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { acceptsProposals } from '~/domain/needs/lifecycle'
import { objectIdSchema } from '~/domain/needs/schema'
import { getNeedForViewer } from '~/domain/needs/service.server'
import { ProposalForm } from '~/ui/proposals/proposal-form'
import { proposalFormSchema } from '~/domain/proposals/schema'
import { notifierFor } from '~/http/notifier.server'
import { createProposal, organisationsThatMayPropose } from '~/domain/proposals/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { EmptyState } from '~/ui/states'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/proposals'

export const handle: PageHandle = { titleKey: 'proposals.form.title' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { need } = await orRefuse(() => getNeedForViewer(actor, needId))
  if (!acceptsProposals(need.status)) {
    const { t } = translatorFor(await languageFromRequest(request))
    throw redirectWithToast(`/besoins/${needId}`, { kind: 'info', message: t('proposals.refusals.needClosed') })
  }
  const organisations = (await organisationsThatMayPropose(actor, needId)).map((org) => ({ id: org.id, name: org.name }))
  const wanted = objectIdSchema.safeParse(new URL(request.url).searchParams.get('organisation'))
  const orgId = organisations.find((org) => wanted.success && org.id === wanted.data)?.id ?? organisations[0]?.id ?? ''
  // A fresh id per rendered form: the same form sent twice is one proposal.
  return { need: { id: need.id, title: need.title, summary: need.summary }, organisations, defaults: { submissionId: crypto.randomUUID(), orgId } }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: proposalFormSchema('create') })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { submissionId, orgId, ...input } = submission.value
  try {
    const organisations = await organisationsThatMayPropose(actor, needId)
    await createProposal(actor, needId, orgId ?? organisations[0]?.id ?? '', submissionId!, input, { notifier: notifierFor(context) })
    return redirectWithToast(`/besoins/${needId}`, { kind: 'success', message: t('proposals.form.sent') })
  } catch (error) {
    return replyWithRefusal(t, submission, error)
  }
}

export default function ProposeAnswer() {
  const { t } = useTranslation()
  const { need, organisations, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="propose-title" className="need-page">
      <h1 id="propose-title">{t('proposals.form.title')}</h1>
      <p className="lead">{t('proposals.form.need', { title: need.title })}</p>
      {need.summary ? <p className="muted">{need.summary}</p> : null}
      {organisations.length || actionData ? (
        <>
          <p>{t('proposals.form.lead')}</p>
          <ProposalForm mode="create" lastResult={actionData?.result} defaultValue={defaults} organisations={organisations} cancelHref={`/besoins/${need.id}`} />
        </>
      ) : (
        <EmptyState title={t('proposals.form.noOrgTitle')} action={<ButtonLink href={`/besoins/${need.id}`}>{t('proposals.mine.browse')}</ButtonLink>}>
          <p>{t('proposals.form.noOrgText')}</p>
        </EmptyState>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
