import { refuse, formRefusal } from '~/http/domain-response.server'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { z } from 'zod'
import { requireActor } from '~/http/actor.server'
import { NeedStatusBadge } from '~/ui/needs/need-display'
import { objectIdSchema } from '~/domain/needs/schema'
import { ProposalCard } from '~/ui/proposals/proposal-display'
import { myProposals, withdrawProposal } from '~/domain/proposals/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button, ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors } from '~/ui/field'
import { EmptyState } from '~/ui/states'
import { needsForOrganisationId } from '~/domain/search/matching.server'
import { NeedsForYou } from '~/ui/search/suggestions-display'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/proposals'

export const handle: PageHandle = { titleKey: 'proposals.mine.title' }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const mine = await myProposals(actor)
  // "Besoins pour vous": open needs matching the competencies of the person's first lab/centre.
  const firstOrg = mine.organisations[0]
  const forYou = firstOrg ? await needsForOrganisationId(context.search, firstOrg.id) : null
  return { ...mine, forYou }
}

const withdrawSchema = z.object({ intent: z.literal('withdraw'), proposalId: objectIdSchema })

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: withdrawSchema })
  if (submission.status !== 'success') refuse('invalid')
  try {
    await withdrawProposal(actor, submission.value.proposalId)
  } catch (error) {
    // A proposal decided meanwhile is said next to it; anything else is the error page.
    const { status, formErrors } = formRefusal(t, error)
    return data({ proposalId: submission.value.proposalId, message: formErrors[0]! }, { status })
  }
  return redirectWithToast('/mes-propositions', { kind: 'success', message: t('proposals.decisions.withdrawn') })
}

export default function MyProposals() {
  const { t } = useTranslation()
  const { proposals, forYou } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <section aria-labelledby="my-proposals-title" className="need-page">
      <div className="page-head">
        <div>
          <h1 id="my-proposals-title">{t('proposals.mine.title')}</h1>
          <p className="lead">{t('proposals.mine.lead')}</p>
        </div>
        <ButtonLink href="/besoins" variant="secondary">
          {t('proposals.mine.browse')}
        </ButtonLink>
      </div>
      {forYou ? <NeedsForYou suggestions={forYou.suggestions} /> : null}
      {proposals.length ? (
        <ul className="proposal-list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <section className="my-proposal" aria-labelledby={`need-${proposal.id}`}>
                <h2 id={`need-${proposal.id}`} className="my-proposal-need">
                  <Link to={`/besoins/${proposal.needId}`}>{proposal.need.title}</Link>{' '}
                  <NeedStatusBadge status={proposal.need.status} closedReason={proposal.need.closedReason} />
                </h2>
                <ProposalCard proposal={proposal}>
                  <p className="need-next">{t(`proposals.mine.whatNext.${proposal.status}`)}</p>
                  {actionData && actionData.proposalId === proposal.id ? <FormErrors errors={[actionData.message]} /> : null}
                  <div className="need-actions-list">
                    {proposal.projectId ? <ButtonLink href={`/projets/${proposal.projectId}`}>{t('proposals.mine.openProject')}</ButtonLink> : null}
                    {proposal.availableActions.includes('edit') ? (
                      <ButtonLink href={`/besoins/${proposal.needId}/propositions/${proposal.id}/modifier`} variant="secondary">
                        {t('proposals.decisions.edit')}
                      </ButtonLink>
                    ) : null}
                    {proposal.availableActions.includes('withdraw') ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="withdraw" />
                        <input type="hidden" name="proposalId" value={proposal.id} />
                        <Button type="submit" variant="ghost" pending={navigation.state === 'submitting' && navigation.formData?.get('proposalId') === proposal.id}>
                          {t('proposals.decisions.withdraw')}
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                </ProposalCard>
              </section>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState illustration="needs" title={t('proposals.mine.emptyTitle')} action={<ButtonLink href="/besoins">{t('proposals.mine.browse')}</ButtonLink>}>
          <p>{t('proposals.mine.emptyText')}</p>
        </EmptyState>
      )}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
