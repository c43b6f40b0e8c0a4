import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import type { AuditTarget } from '~/domain/moderation/audit.server'
import { needStatuses, type NeedStatus } from '~/domain/needs/lifecycle'
import { proposalStatuses, type ProposalStatus } from '~/domain/proposals/vocabulary'
import type fr from '~/i18n/locales/fr/moderation'
import '~/i18n/areas/moderation'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'

type SentenceKey = keyof (typeof fr)['journal']['sentences']
export type AuditSentenceRow = { action: string; actorId: string | null; actorName: string; targetKind: string; before: string; after: string; target: AuditTarget }

// Where the target goes in the translated sentence: a character no name or title contains.
const TARGET = '\u0000'

const isNeedStatus = (value: string): value is NeedStatus => (needStatuses as readonly string[]).includes(value)
const isProposalStatus = (value: string): value is ProposalStatus => (proposalStatuses as readonly string[]).includes(value)

/**
 * One journal entry as a sentence — « Camille Roux a masqué un message de Jean Petit » — with
 * names, titles and links, never raw states or database ids (the CSV export keeps those).
 */
export function AuditSentence({ row }: { row: AuditSentenceRow }) {
  const { t, i18n } = useTranslation()
  const sentences = i18n.group('moderation.journal.sentences') as Record<SentenceKey, string>
  const key = (row.action in sentences ? row.action : 'other') as SentenceKey
  const actor = row.actorId ? row.actorName || t('moderation.journal.someone') : t('moderation.journal.system')
  const targetText =
    row.targetKind === 'message'
      ? row.target.ownerName
        ? t('moderation.journal.targets.message', { owner: row.target.ownerName })
        : t('moderation.journal.targets.messageUnknown')
      : (row.target.label ?? t('moderation.journal.targets.missing'))
  const status = (value: string) =>
    row.action === 'need.status' && isNeedStatus(value)
      ? t(`needs.status.${value}`)
      : row.action === 'proposal.status' && isProposalStatus(value)
        ? t(`proposals.status.${value}`)
        : value
  const [before = '', after = ''] = t(`moderation.journal.sentences.${key}`, { actor, target: TARGET, before: status(row.before), after: status(row.after) }).split(TARGET)
  return (
    <>
      {before}
      {row.target.href ? <Link to={row.target.href}>{targetText}</Link> : <strong>{targetText}</strong>}
      {after}
    </>
  )
}
