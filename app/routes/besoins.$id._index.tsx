import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { needLifecycleFormSchema } from '~/domain/needs/schema'
import { needLifecycleIntents, todayUtc, type BudgetRange, type NeedStage } from '~/domain/needs/vocabulary'
import { needPage } from '~/domain/needs/page.server'
import { approveNeed, closeNeed, reopenNeed, retractNeed, returnNeedToDraft, submitNeed } from '~/domain/needs/service.server'
import { proposalDecisionSchema } from '~/domain/proposals/schema'
import { acceptProposal, declineProposal, shortlistProposal, withdrawProposal } from '~/domain/proposals/service.server'
import { optionalActor, requireActor } from '~/http/actor.server'
import { orRefuse, refuse, replyWithRefusal } from '~/http/domain-response.server'
import { readForm } from '~/http/form-data.server'
import { notifierFor } from '~/http/notifier.server'
import { idParam } from '~/http/params.server'
import { redirectWithToast } from '~/http/toast.server'
import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { ButtonLink } from '~/ui/button'
import { RouteErrorPage } from '~/ui/error-page'
import { FormErrors } from '~/ui/field'
import { AskQuestion } from '~/ui/needs/ask-question'
import { LifecycleForm, NextSteps } from '~/ui/needs/lifecycle-actions'
import { AidesPanel, DomainTags, Fact, filiereLabel, formatDate, formatDay, NeedStatusBadge, territoryName } from '~/ui/needs/need-display'
import { ProposalsSection, type DecisionReply } from '~/ui/proposals/proposals-section'
import { Recommendations } from '~/ui/recommendations'
import { SuggestedPartners } from '~/ui/search/suggestions-display'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'
import '~/i18n/areas/reporting'

export const handle: PageHandle<{ need: { title: string } }> = { titleKey: 'layout.pageTitles.need', titleFrom: (data) => data?.need.title }

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await optionalActor(request)
  return { ...(await orRefuse(() => needPage(actor, needId, context.search))), today: todayUtc() }
}

const decisionIntents = ['shortlist', 'accept', 'decline', 'withdraw'] as const

export async function action({ request, params, context }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const notifier = notifierFor(context)
  const { t } = translatorFor(await languageFromRequest(request))
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
          return back(t('proposals.decisions.shortlisted'))
        case 'decline':
          await declineProposal(actor, decision.proposalId, decision.reason, decision.text, { notifier })
          return back(t('proposals.decisions.declined'))
        case 'withdraw':
          await withdrawProposal(actor, decision.proposalId)
          return back(t('proposals.decisions.withdrawn'))
        case 'accept': {
          const { projectId } = await acceptProposal(actor, decision.proposalId, { notifier })
          return back(t('proposals.decisions.accepted'), `/projets/${projectId}`)
        }
      }
    } catch (error) {
      return replyWithRefusal(t, submission, error, { form: 'decision', proposalId })
    }
  }
  refuse('invalid')
}

type ActionResult = DecisionReply & { form: 'lifecycle' | 'decision' }

export default function NeedPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { need, companySlug, question, signedIn, relation, actions, editable, projectId, history, proposals, open, mayProposeFor, aides, suggestions, recommendations, hidden, mayReport, today } = useLoaderData<typeof loader>()
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
              <span>
                {t('needs.detail.companyLinePrefix')}
                {companySlug ? <Link to={`/organisations/${companySlug}`}>{need.company.name}</Link> : need.company.name}
              </span>
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
              {t('reporting.appeal.hiddenOn', { date: formatDate(hidden.hiddenAt, language) })} — {t('reporting.appeal.reason', { reason: hidden.reason })}
            </p>
            {relation.companyMember ? <Link to="/signaler/contestations">{t('reporting.appeal.title')}</Link> : null}
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
            <Fact term={t('needs.detail.territory')}>{need.territory ? (
                <Link to={`/territoires/${need.territory}`} lang="fr">
                  {territoryName(need.territory)}
                </Link>
              ) : null}</Fact>
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
          needTrlTarget={need.trlTarget ?? null}
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
        <AskQuestion needId={need.id} offer={question} />
        {mayReport ? (
          <p className="report-link">
            <Link to={`/signaler?kind=need&id=${need.id}`}>{t('reporting.report.need')}</Link>
          </p>
        ) : null}
        {suggestions ? <SuggestedPartners suggestions={suggestions} /> : null}
        <AidesPanel matches={aides} />
      </div>
    </div>
  )
}

export const ErrorBoundary = RouteErrorPage
