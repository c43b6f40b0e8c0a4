import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import { Fact, formatDate } from '~/ui/needs/need-display'
import type { BudgetRange } from '~/domain/needs/vocabulary'
import type { DeclineReason, ProposalStatus } from '~/domain/proposals/vocabulary'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'

/** Presentational pieces of proposals (beside their domain, like the needs ones). */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation()
  return <span className={`badge badge-proposal-${status}`}>{t(`proposals.status.${status}`)}</span>
}

export type ProposalCardData = {
  id: string
  org: { name: string }
  approach: string
  team: string
  durationMonths: number
  costRange: string
  trlStart: number | null
  trlEnd: number | null
  partners: string[]
  status: ProposalStatus
  declineReason: DeclineReason | null
  declineText: string
  createdAt: string
}

/** The decline reason as the proposer reads it: the reason, then the company's words. */
export function DeclineNotice({ reason, text }: { reason: DeclineReason | null; text: string }) {
  const { t } = useTranslation()
  if (!reason) return null
  const said = [t(`proposals.declineReason.${reason}`), text].filter(Boolean).join(' — ')
  return <p className="decline-notice">{t('proposals.view.declinedBecause', { reason: said })}</p>
}

export function ProposalCard({ proposal, headingLevel = 3, children }: { proposal: ProposalCardData; headingLevel?: 2 | 3; children?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const trl = proposal.trlStart || proposal.trlEnd ? t('needs.detail.trlValue', { current: proposal.trlStart ?? '?', target: proposal.trlEnd ?? '?' }) : null
  return (
    <article className="card proposal-card" aria-labelledby={`proposal-${proposal.id}`}>
      <div className="need-card-head">
        <Heading id={`proposal-${proposal.id}`} className="need-card-title">
          {t('proposals.view.from', { org: proposal.org.name })}
        </Heading>
        <ProposalStatusBadge status={proposal.status} />
      </div>
      <p className="muted">{t('proposals.view.sentOn', { date: formatDate(proposal.createdAt, language) })}</p>
      {proposal.status === 'declined' ? <DeclineNotice reason={proposal.declineReason} text={proposal.declineText} /> : null}
      <dl className="facts">
        <Fact term={t('proposals.view.approach')}>
          <span className="preserve-lines">{proposal.approach}</span>
        </Fact>
        <Fact term={t('proposals.view.team')}>
          <span className="preserve-lines">{proposal.team}</span>
        </Fact>
        <Fact term={t('proposals.view.duration')}>{t('proposals.view.durationValue', { count: proposal.durationMonths })}</Fact>
        <Fact term={t('proposals.view.cost')}>{t(`needs.budget.${proposal.costRange as BudgetRange}`)}</Fact>
        <Fact term={t('proposals.view.trl')}>{trl}</Fact>
        {proposal.partners.length ? <Fact term={t('proposals.view.partners')}>{proposal.partners.join(', ')}</Fact> : null}
      </dl>
      {children}
    </article>
  )
}
