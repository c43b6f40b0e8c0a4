import { Form, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { ProposalAction } from '~/domain/proposals/lifecycle'
import { declineReasons } from '~/domain/proposals/vocabulary'
import type { ProposalView } from '~/domain/proposals/service.server'
import { Button, ButtonLink } from '~/ui/button'
import { FormErrors, SelectField, TextareaField } from '~/ui/field'
import { othersClosedByAccepting, shortlistComparison } from '~/domain/proposals/comparison'
import { AcceptInPage, AcceptProposal } from './accept-proposal'
import { ProposalCard } from './proposal-display'
import { ShortlistComparison } from './shortlist-comparison'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'

/** An action's reply about one proposal: which one, and the errors of its form. */
export type DecisionReply = { proposalId: string | null; result: { error?: Record<string, string[] | null> | null } }

/** The proposals of a need: the company decides on each, a proposer sees theirs and may answer. */
export function ProposalsSection({
  needId,
  needTrlTarget,
  proposals,
  companyMember,
  open,
  signedIn,
  mayProposeFor,
  actionData,
}: {
  needId: string
  needTrlTarget: number | null
  proposals: ProposalView[]
  companyMember: boolean
  open: boolean
  signedIn: boolean
  mayProposeFor: Array<{ id: string; name: string }>
  actionData: DecisionReply | null
}) {
  const { t } = useTranslation()
  const location = useLocation()
  if (companyMember) {
    return (
      <section aria-labelledby="proposals-title" className="section">
        <h2 id="proposals-title">{t('needs.detail.proposalsTitle')}</h2>
        <ShortlistComparison rows={shortlistComparison(proposals, { trlTarget: needTrlTarget })} />
        {proposals.length ? (
          <ul className="proposal-list">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <ProposalCard proposal={proposal}>
                  {proposal.availableActions.length ? (
                    <CompanyDecisions
                      proposalId={proposal.id}
                      orgName={proposal.org.name}
                      othersClosed={othersClosedByAccepting(proposals, proposal.id)}
                      actions={proposal.availableActions}
                      errors={actionData?.proposalId === proposal.id ? actionData.result.error : null}
                    />
                  ) : null}
                </ProposalCard>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{open ? t('needs.detail.proposalsEmpty') : t('needs.detail.closedForProposals')}</p>
        )}
      </section>
    )
  }
  return (
    <section aria-labelledby="proposals-title" className="section">
      {proposals.length ? (
        <>
          <h2 id="proposals-title">{t('needs.detail.yourProposalsTitle')}</h2>
          <ul className="proposal-list">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <ProposalCard proposal={proposal}>
                  <p className="need-next">{t(`proposals.mine.whatNext.${proposal.status}`)}</p>
                  <ProposerActions needId={needId} proposalId={proposal.id} actions={proposal.availableActions} errors={actionData?.proposalId === proposal.id ? actionData.result.error : null} />
                </ProposalCard>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <h2 id="proposals-title">{t('needs.detail.proposeTitle')}</h2>
      )}
      {!open ? (
        <p className="muted">{t('needs.detail.closedForProposals')}</p>
      ) : !signedIn ? (
        <>
          <p>{t('needs.detail.proposeText')}</p>
          <ButtonLink href={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('needs.detail.signInToPropose')}</ButtonLink>
        </>
      ) : mayProposeFor.length ? (
        <>
          <p>{t('needs.detail.proposeText')}</p>
          <div className="need-actions-list">
            {mayProposeFor.map((org) => (
              <ButtonLink key={org.id} href={`/besoins/${needId}/proposer?organisation=${org.id}`}>
                {mayProposeFor.length > 1 ? t('needs.detail.proposeAs', { org: org.name }) : t('needs.detail.propose')}
              </ButtonLink>
            ))}
          </div>
        </>
      ) : proposals.length ? null : (
        <p className="muted">{t('needs.detail.noProposingOrg')}</p>
      )}
    </section>
  )
}

function CompanyDecisions({
  proposalId,
  orgName,
  othersClosed,
  actions,
  errors,
}: {
  proposalId: string
  orgName: string
  othersClosed: number
  actions: ProposalAction[]
  errors: Record<string, string[] | null> | null | undefined
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pendingIntent = navigation.state === 'submitting' && navigation.formData?.get('proposalId') === proposalId ? navigation.formData.get('intent') : null
  const declineOpen = Boolean(errors?.reason?.length || errors?.text?.length)
  return (
    <div className="proposal-decisions">
      <FormErrors errors={errors?.[''] ?? null} />
      <div className="need-actions-list">
        {actions.includes('shortlist') ? (
          <Form method="post">
            <input type="hidden" name="intent" value="shortlist" />
            <input type="hidden" name="proposalId" value={proposalId} />
            <Button type="submit" variant="secondary" pending={pendingIntent === 'shortlist'}>
              {t('proposals.decisions.shortlist')}
            </Button>
          </Form>
        ) : null}
        {actions.includes('accept') ? <AcceptProposal proposalId={proposalId} orgName={orgName} othersClosed={othersClosed} describedBy={`accept-hint-${proposalId}`} /> : null}
      </div>
      <p className="field-hint" id={`accept-hint-${proposalId}`}>
        {t('proposals.decisions.acceptHint')}
      </p>
      {actions.includes('accept') ? <AcceptInPage proposalId={proposalId} orgName={orgName} othersClosed={othersClosed} /> : null}
      <details className="decline" open={declineOpen || undefined}>
        <summary>{t('proposals.decisions.decline')}</summary>
        <Form method="post" className="decline-form" aria-label={t('proposals.decisions.declineTitle')}>
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <SelectField
            name="reason"
            label={t('proposals.decisions.declineReason')}
            required
            errors={errors?.reason ?? null}
            options={[{ value: '', label: t('needs.form.chooseOne') }, ...declineReasons.map((reason) => ({ value: reason, label: t(`proposals.declineReason.${reason}`) }))]}
          />
          <TextareaField name="text" label={t('proposals.decisions.declineText')} rows={3} maxLength={1000} errors={errors?.text ?? null} />
          <Button type="submit" variant="danger" pending={pendingIntent === 'decline'}>
            {t('proposals.decisions.declineConfirm')}
          </Button>
        </Form>
      </details>
    </div>
  )
}

function ProposerActions({ needId, proposalId, actions, errors }: { needId: string; proposalId: string; actions: ProposalAction[]; errors: Record<string, string[] | null> | null | undefined }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('proposalId') === proposalId
  if (!actions.includes('withdraw') && !actions.includes('edit')) return null
  return (
    <div className="proposal-decisions">
      <FormErrors errors={errors?.[''] ?? null} />
      <div className="need-actions-list">
        {actions.includes('edit') ? (
          <ButtonLink href={`/besoins/${needId}/propositions/${proposalId}/modifier`} variant="secondary">
            {t('proposals.decisions.edit')}
          </ButtonLink>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <Button type="submit" variant="ghost" pending={pending}>
            {t('proposals.decisions.withdraw')}
          </Button>
        </Form>
      </div>
    </div>
  )
}
