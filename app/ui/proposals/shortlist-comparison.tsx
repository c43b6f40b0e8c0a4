import { useTranslation } from '~/i18n/react'
import type { ComparisonRow } from '~/domain/proposals/comparison'
import type { BudgetRange } from '~/domain/needs/vocabulary'
import '~/i18n/areas/needs'
import '~/i18n/areas/proposals'

/** The shortlisted proposals side by side: one row each, the organisation heading the row. */
export function ShortlistComparison({ rows }: { rows: ComparisonRow[] }) {
  const { t } = useTranslation()
  if (!rows.length) return null
  return (
    <section aria-labelledby="comparison-title" className="section shortlist-comparison">
      <h3 id="comparison-title">{t('proposals.compare.title')}</h3>
      <div className="table-scroll" role="group" aria-labelledby="comparison-title" tabIndex={0}>
        <table className="comparison-table">
          <caption className="visually-hidden">{t('proposals.compare.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.compare.org')}</th>
              <th scope="col">{t('proposals.view.approach')}</th>
              <th scope="col">{t('proposals.view.cost')}</th>
              <th scope="col">{t('proposals.view.duration')}</th>
              <th scope="col">{t('proposals.view.trl')}</th>
              <th scope="col">{t('proposals.view.partners')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <a href={`#proposal-${row.id}`}>{row.orgName}</a>
                </th>
                <td>{row.summary}</td>
                <td>{t(`needs.budget.${row.costRange as BudgetRange}`)}</td>
                <td>{t('proposals.view.durationValue', { count: row.durationMonths })}</td>
                <td>
                  {row.trlStart || row.trlEnd ? t('needs.detail.trlValue', { current: row.trlStart ?? '?', target: row.trlEnd ?? '?' }) : t('proposals.compare.unknown')}
                  {row.reachesTarget === null ? null : (
                    <span className="muted"> — {t(row.reachesTarget ? 'proposals.compare.reachesTarget' : 'proposals.compare.belowTarget')}</span>
                  )}
                </td>
                <td>{row.partners.length ? row.partners.join(', ') : t('proposals.compare.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
