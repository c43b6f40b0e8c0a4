import { parseWithZod } from '@conform-to/zod'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { matchAides } from '~/domain/needs/aides'
import type { ProposalAction } from '~/domain/proposals/lifecycle'
import { mayProposeOn, mayReportNeed } from '~/domain/permissions'
import { optionalActor, requireActor } from '~/http/actor.server'
import { orRefuse, replyWithRefusal, refuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { acceptsProposals, type NeedAction, type NeedStatus } from '~/domain/needs/lifecycle'
import { AidesPanel, DomainTags, Fact, filiereLabel, formatDate, formatDay, NeedStatusBadge, territoryName } from '~/ui/needs/need-display'
import { needLifecycleFormSchema, needLifecycleIntents, todayUtc, type BudgetRange, type NeedStage } from '~/domain/needs/schema'
import { closeNeed, getNeedForViewer, reopenNeed, approveNeed, retractNeed, returnNeedToDraft, submitNeed } from '~/domain/needs/service.server'
import { ProposalCard } from '~/ui/proposals/proposal-display'
import { suggestPartners } from '~/domain/search/matching.server'
import { SuggestedPartners } from '~/ui/search/suggestions-display'
import { recommendationsForNeed } from '~/domain/moderation/service.server'
import { Recommendations } from '~/ui/recommendations'
import { declineReasons, proposalDecisionSchema } from '~/domain/proposals/schema'
import {
  acceptProposal,
  declineProposal,
  organisationsThatMayPropose,
  proposalsForNeed,
  shortlistProposal,
  withdrawProposal,
} from '~/domain/proposals/service.server'
import { notifierFor } from '~/http/notifier.server'
import { createI18n, type Language } from '~/i18n/config'
import { languageFromRequest } from '~/i18n/language.server'
import { redirectWithToast } from '~/http/toast.server'
import { Button, ButtonLink } from '~/ui/button'
import { FormErrors, SelectField, TextareaField, TextField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import { institutionalServices } from '~/domain/needs/aides-catalogue'
import { readForm } from '~/http/form-data.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await optionalActor(request)
  const page = await orRefuse(() => getNeedForViewer(actor, needId))
  const { need, relation } = page
  const open = acceptsProposals(need.status)
  const proposals = await proposalsForNeed(actor, { id: needId, companyMember: relation.companyMember, open })
  const mayProposeFor = actor && mayProposeOn(actor, { companyMember: relation.companyMember, open }) ? await organisationsThatMayPropose(actor, needId) : []
  // The company's size is used for matching only when its identity is not hidden.
  const aides = matchAides(institutionalServices, { ...page.matching, companySize: need.companyHidden ? null : page.matching.companySize })
  // Suggested partners help the company (and its animators) while the need is open.
  const suggestions = open && (relation.companyMember || relation.reviewer) ? await suggestPartners(context.search, { ...need, communeCode: page.matching.communeCode }) : null
  const recommendations = await recommendationsForNeed(actor, needId)
  return {
    need,
    signedIn: Boolean(actor),
    relation: { companyMember: relation.companyMember, reviewer: relation.reviewer },
    actions: page.actions,
    editable: page.editable,
    projectId: page.projectId,
    history: page.history,
    proposals,
    open,
    mayProposeFor: mayProposeFor.map((org) => ({ id: org.id, name: org.name })),
    aides,
    suggestions,
    recommendations,
    hidden: page.hidden,
    mayReport: mayReportNeed(actor, relation),
    today: todayUtc(),
  }
}

const decisionIntents = ['shortlist', 'accept', 'decline', 'withdraw'] as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const notifier = notifierFor(context)
  const { t } = createI18n(await languageFromRequest(request))
  const formData = await readForm(request)
  const intent = String(formData.get('intent') ?? '')
  const back = async (message: string, to = `/besoins/${needId}`) => redirectWithToast(to, { kind: 'success', message })

  if ((needLifecycleIntents as readonly string[]).includes(intent)) {
    const submission = parseWithZod(formData, { schema: needLifecycleFormSchema() })
    if (submission.status !== 'success') return data({ form: 'lifecycle', proposalId: null, result: submission.reply() }, { status: 400 })
    const { reason, deadline } = submission.value
    try {
      switch (submission.value.intent) {
        case 'submit': {
          const { to } = await submitNeed(actor, needId, { notifier })
          return back(t(`needs.actionDone.${to === 'submitted' ? 'submitted' : 'published'}`))
        }
        case 'retract':
          await retractNeed(actor, needId, { notifier })
          return back(t('needs.actionDone.draft'))
        case 'approve':
          await approveNeed(actor, needId, { notifier })
          return back(t('needs.actionDone.approved'))
        case 'return_to_draft':
          await returnNeedToDraft(actor, needId, reason ?? '', { notifier })
          return back(t('needs.actionDone.draft'))
        case 'close_fulfilled':
        case 'abandon':
          await closeNeed(actor, needId, submission.value.intent === 'abandon' ? 'abandoned' : 'fulfilled', { reason, notifier })
          return back(t('needs.actionDone.closed'))
        case 'reopen': {
          const { to } = await reopenNeed(actor, needId, { deadline, notifier })
          return back(t(`needs.actionDone.${to === 'submitted' ? 'submitted' : 'published'}`))
        }
      }
    } catch (error) {
      return replyWithRefusal(t, submission, error, { form: 'lifecycle', proposalId: null })
    }
  }

  if ((decisionIntents as readonly string[]).includes(intent)) {
    const submission = parseWithZod(formData, { schema: proposalDecisionSchema() })
    const proposalId = String(formData.get('proposalId') ?? '')
    if (submission.status !== 'success') return data({ form: 'decision', proposalId, result: submission.reply() }, { status: 400 })
    const decision = submission.value
    try {
      switch (decision.intent) {
        case 'shortlist':
          await shortlistProposal(actor, decision.proposalId, { notifier })
          return back(t('needs.proposals.decisions.shortlisted'))
        case 'decline':
          await declineProposal(actor, decision.proposalId, decision.reason, decision.text, { notifier })
          return back(t('needs.proposals.decisions.declined'))
        case 'withdraw':
          await withdrawProposal(actor, decision.proposalId)
          return back(t('needs.proposals.decisions.withdrawn'))
        case 'accept': {
          const { projectId } = await acceptProposal(actor, decision.proposalId, { notifier })
          return back(t('needs.proposals.decisions.accepted'), `/projets/${projectId}`)
        }
      }
    } catch (error) {
      return replyWithRefusal(t, submission, error, { form: 'decision', proposalId })
    }
  }
  refuse('invalid')
}

type ActionResult = { form: 'lifecycle' | 'decision'; proposalId: string | null; result: { error?: Record<string, string[] | null> | null } }

export default function NeedPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { need, signedIn, relation, actions, editable, projectId, history, proposals, open, mayProposeFor, aides, suggestions, recommendations, hidden, mayReport, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionResult | undefined
  const location = useLocation()
  const lifecycleErrors = actionData?.form === 'lifecycle' ? actionData.result.error : null

  const trl = need.trlCurrent || need.trlTarget ? t('needs.detail.trlValue', { current: need.trlCurrent ?? '?', target: need.trlTarget ?? '?' }) : null
  const place = need.departementName ? [need.communeName, need.departementName, need.regionName].filter(Boolean).join(', ') : null

  return (
    <div className="need-layout">
      <article className="need-main" aria-labelledby="need-title">
        <header className="need-header">
          <p className="eyebrow">{need.category ? t(`needs.category.${need.category}`) : t('needs.browse.title')}</p>
          <h1 id="need-title">{need.title}</h1>
          <p className="need-header-meta">
            <NeedStatusBadge status={need.status} closedReason={need.closedReason} />{' '}
            {need.company ? (
              <span>{t('needs.detail.companyLine', { name: need.company.name })}</span>
            ) : need.companyHidden ? (
              <span title={t('needs.detail.anonymousHint')}>{t('needs.detail.anonymous')}</span>
            ) : null}
            {need.publishedAt ? <span className="muted"> · {t('needs.browse.publishedOn', { date: formatDate(need.publishedAt, language) })}</span> : null}
          </p>
          {need.summary ? <p className="lead">{need.summary}</p> : null}
        </header>

        {hidden ? (
          <div className="callout callout-warning" role="note">
            <p>
              {t('moderation.appeal.hiddenOn', { date: formatDate(hidden.hiddenAt, language) })} — {t('moderation.appeal.reason', { reason: hidden.reason })}
            </p>
            {relation.companyMember ? <Link to="/signaler/contestations">{t('moderation.appeal.title')}</Link> : null}
          </div>
        ) : null}

        <NextSteps status={need.status} relation={relation} projectId={projectId} />

        <Recommendations items={recommendations} />

        <section aria-labelledby="facts-title" className="section need-facts">
          <h2 id="facts-title">{t('needs.detail.facts')}</h2>
          <dl className="facts">
            <Fact term={t('needs.detail.domains')}>{need.domains.length ? <DomainTags domains={need.domains} /> : null}</Fact>
            <Fact term={t('needs.detail.stage')}>{need.stage ? t(`needs.stage.${need.stage as NeedStage}`) : null}</Fact>
            <Fact term={t('needs.detail.filiere')}>{filiereLabel(need.filiere, language)}</Fact>
            <Fact term={t('needs.detail.territory')}>{need.territory ? <span lang="fr">{territoryName(need.territory)}</span> : null}</Fact>
            <Fact term={t('needs.detail.location')}>{place ? <span lang="fr">{place}</span> : null}</Fact>
            {!need.detailsHidden ? (
              <>
                <Fact term={t('needs.detail.trl')}>{trl}</Fact>
                <Fact term={t('needs.detail.budget')}>{need.budgetRange ? t(`needs.budget.${need.budgetRange as BudgetRange}`) : null}</Fact>
                <Fact term={t('needs.detail.deadline')}>{need.deadline ? formatDay(need.deadline, language) : null}</Fact>
              </>
            ) : null}
            {relation.companyMember ? <Fact term={t('needs.detail.confidentiality')}>{t(`needs.confidentiality.${need.confidentiality}`)}</Fact> : null}
          </dl>
        </section>

        {need.detailsHidden ? (
          <div className="callout details-hidden">
            <p>{t('needs.detail.detailsHidden')}</p>
            <ButtonLink href={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`} variant="secondary">
              {t('needs.detail.signInForDetails')}
            </ButtonLink>
          </div>
        ) : need.description ? (
          <section aria-labelledby="description-title" className="section">
            <h2 id="description-title">{t('needs.detail.description')}</h2>
            <p className="preserve-lines">{need.description}</p>
          </section>
        ) : null}

        {editable || actions.length ? (
          <section aria-labelledby="actions-title" className="section need-actions">
            <h2 id="actions-title">{t('needs.detail.actionsTitle')}</h2>
            <FormErrors errors={lifecycleErrors?.[''] ?? null} />
            <div className="need-actions-list">
              {editable ? <ButtonLink href={`/besoins/${need.id}/modifier`} variant="secondary">{t('needs.detail.edit')}</ButtonLink> : null}
              {actions.map((lifecycleAction) => (
                <LifecycleForm key={lifecycleAction} action={lifecycleAction} expired={need.closedReason === 'expired'} today={today} errors={lifecycleErrors} />
              ))}
            </div>
          </section>
        ) : null}

        <ProposalsSection
          needId={need.id}
          proposals={proposals}
          companyMember={relation.companyMember}
          open={open}
          signedIn={signedIn}
          mayProposeFor={mayProposeFor}
          actionData={actionData?.form === 'decision' ? actionData : null}
        />

        {history.length ? (
          <details className="section need-history">
            <summary>{t('needs.detail.history')}</summary>
            <ol>
              {history.map((step) => (
                <li key={`${step.at}-${step.to}`}>
                  {t('needs.detail.historyItem', { date: formatDate(step.at, language), from: t(`needs.status.${step.from}`), to: t(`needs.status.${step.to}`) })}
                  {step.reason ? <span className="muted"> — {step.reason}</span> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </article>

      <div className="need-aside">
        {mayReport ? (
          <p className="report-link">
            <Link to={`/signaler?kind=need&id=${need.id}`}>{t('moderation.report.need')}</Link>
          </p>
        ) : null}
        {suggestions ? <SuggestedPartners suggestions={suggestions} /> : null}
        <AidesPanel matches={aides} />
      </div>
    </div>
  )
}

function NextSteps({ status, relation, projectId }: { status: NeedStatus; relation: { companyMember: boolean; reviewer: boolean }; projectId: string | null }) {
  const { t } = useTranslation()
  if (relation.reviewer && status === 'submitted' && !relation.companyMember) {
    return <p className="callout need-next">{t('needs.detail.reviewerNote')}</p>
  }
  if (!relation.companyMember) {
    return projectId ? (
      <p className="callout need-next">
        <Link to={`/projets/${projectId}`}>{t('needs.detail.openProject')}</Link>
      </p>
    ) : null
  }
  return (
    <div className="callout need-next">
      <p>{t(`needs.detail.nextSteps.${status}`)}</p>
      {projectId ? (
        <p>
          <Link to={`/projets/${projectId}`}>{t('needs.detail.openProject')}</Link>
        </p>
      ) : null}
    </div>
  )
}

/** One lifecycle button in its own small form; some ask for a reason or a new deadline. */
function LifecycleForm({ action, expired, today, errors }: { action: NeedAction; expired: boolean; today: string; errors: Record<string, string[] | null> | null | undefined }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state === 'submitting' && navigation.formData?.get('intent') === action
  const variant = action === 'abandon' ? 'danger' : action === 'submit' || action === 'approve' || action === 'reopen' ? 'primary' : 'secondary'
  const needsReason = action === 'return_to_draft'
  return (
    <Form method="post" className={needsReason || (action === 'reopen' && expired) ? 'lifecycle-form lifecycle-form-wide' : 'lifecycle-form'}>
      <input type="hidden" name="intent" value={action} />
      {needsReason ? <TextareaField name="reason" label={t('needs.detail.reason')} rows={3} maxLength={1000} required errors={errors?.reason ?? null} /> : null}
      {action === 'reopen' && expired ? (
        <TextField name="deadline" type="date" min={today} label={t('needs.form.deadline')} hint={t('needs.form.deadlineHint')} required errors={errors?.deadline ?? null} />
      ) : null}
      <Button type="submit" variant={variant} pending={pending}>
        {t(`needs.actions.${action as 'submit'}`)}
      </Button>
    </Form>
  )
}

type ProposalsData = ReturnType<typeof useLoaderData<typeof loader>>['proposals']

function ProposalsSection({
  needId,
  proposals,
  companyMember,
  open,
  signedIn,
  mayProposeFor,
  actionData,
}: {
  needId: string
  proposals: ProposalsData
  companyMember: boolean
  open: boolean
  signedIn: boolean
  mayProposeFor: Array<{ id: string; name: string }>
  actionData: ActionResult | null
}) {
  const { t } = useTranslation()
  const location = useLocation()
  if (companyMember) {
    return (
      <section aria-labelledby="proposals-title" className="section">
        <h2 id="proposals-title">{t('needs.detail.proposalsTitle')}</h2>
        {proposals.length ? (
          <ul className="proposal-list">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <ProposalCard proposal={proposal}>
                  {proposal.availableActions.length ? (
                    <CompanyDecisions proposalId={proposal.id} actions={proposal.availableActions} errors={actionData?.proposalId === proposal.id ? actionData.result.error : null} />
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
                  <p className="need-next">{t(`needs.proposals.mine.whatNext.${proposal.status}`)}</p>
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

function CompanyDecisions({ proposalId, actions, errors }: { proposalId: string; actions: ProposalAction[]; errors: Record<string, string[] | null> | null | undefined }) {
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
              {t('needs.proposals.decisions.shortlist')}
            </Button>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <Button type="submit" pending={pendingIntent === 'accept'} aria-describedby={`accept-hint-${proposalId}`}>
            {t('needs.proposals.decisions.accept')}
          </Button>
        </Form>
      </div>
      <p className="field-hint" id={`accept-hint-${proposalId}`}>
        {t('needs.proposals.decisions.acceptHint')}
      </p>
      <details className="decline" open={declineOpen || undefined}>
        <summary>{t('needs.proposals.decisions.decline')}</summary>
        <Form method="post" className="decline-form" aria-label={t('needs.proposals.decisions.declineTitle')}>
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <SelectField
            name="reason"
            label={t('needs.proposals.decisions.declineReason')}
            required
            errors={errors?.reason ?? null}
            options={[{ value: '', label: t('needs.form.chooseOne') }, ...declineReasons.map((reason) => ({ value: reason, label: t(`needs.proposals.declineReason.${reason}`) }))]}
          />
          <TextareaField name="text" label={t('needs.proposals.decisions.declineText')} rows={3} maxLength={1000} errors={errors?.text ?? null} />
          <Button type="submit" variant="danger" pending={pendingIntent === 'decline'}>
            {t('needs.proposals.decisions.declineConfirm')}
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
            {t('needs.proposals.decisions.edit')}
          </ButtonLink>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="proposalId" value={proposalId} />
          <Button type="submit" variant="ghost" pending={pending}>
            {t('needs.proposals.decisions.withdraw')}
          </Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
