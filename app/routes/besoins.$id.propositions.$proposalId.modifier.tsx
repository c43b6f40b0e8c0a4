import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { DomainError } from '~/domain/errors'
import { requireActor } from '~/http/actor.server'
import { asResponse, replyWithRefusal, refuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { ProposalForm } from '~/ui/proposals/proposal-form'
import { proposalFormSchema } from '~/domain/proposals/schema'
import { getProposalForEditing, updateProposal } from '~/domain/proposals/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { RouteErrorPage } from '~/ui/error-page'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/proposals'

export const handle: PageHandle = { titleKey: 'proposals.form.editTitle' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const needId = idParam(params, 'id')
  const proposalId = idParam(params, 'proposalId')
  const actor = await requireActor(request)
  try {
    const proposal = await getProposalForEditing(actor, proposalId)
    if (proposal.needId !== needId) refuse('not_found')
    return {
      needId,
      org: proposal.org.name,
      values: {
        approach: proposal.approach,
        team: proposal.team,
        durationMonths: String(proposal.durationMonths),
        costRange: proposal.costRange,
        trlStart: proposal.trlStart ? String(proposal.trlStart) : '',
        trlEnd: proposal.trlEnd ? String(proposal.trlEnd) : '',
        partners: proposal.partners.join('\n'),
      },
    }
  } catch (error) {
    // Shortlisted or decided: no longer editable; back to the need, saying why.
    if (error instanceof DomainError && error.code === 'conflict') {
      const { t } = translatorFor(await languageFromRequest(request))
      throw redirectWithToast(`/besoins/${needId}`, { kind: 'info', message: t(error.message as never) })
    }
    throw asResponse(error)
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const proposalId = idParam(params, 'proposalId')
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: proposalFormSchema('edit') })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { submissionId: _submissionId, orgId: _orgId, ...input } = submission.value
  try {
    await updateProposal(actor, proposalId, input)
    return redirectWithToast(`/besoins/${needId}`, { kind: 'success', message: t('proposals.form.saved') })
  } catch (error) {
    return replyWithRefusal(t, submission, error)
  }
}

export default function EditProposal() {
  const { t } = useTranslation()
  const { needId, org, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-proposal-title" className="need-page">
      <h1 id="edit-proposal-title">{t('proposals.form.editTitle')}</h1>
      <p className="lead">{t('proposals.view.from', { org })}</p>
      <ProposalForm mode="edit" lastResult={actionData?.result} defaultValue={values} organisations={[]} cancelHref={`/besoins/${needId}`} />
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
