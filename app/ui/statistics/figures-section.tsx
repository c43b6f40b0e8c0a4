import { useId } from 'react'
import { useTranslation } from '~/i18n/react'
import { BarChart } from '../charts/bar-chart'
import { countText, hoursText, shareText, type ShownValue } from './format'
import '~/i18n/areas/statistics'

/**
 * One breakdown of the public statistics: a bar chart of needs published (the dashboard's chart,
 * masked rows left out of the bars) and the full table, every figure with its « moins de 3 ».
 */
export type FigureRowView = {
  key: string
  label: string
  needs: ShownValue
  answeredWithin3Days: ShownValue
  answeredWithin5Days: ShownValue
  shareAnsweredWithin3Days: ShownValue
  shareAnsweredWithin5Days: ShownValue
  medianHoursToFirstProposal: ShownValue
  projectsStarted: ShownValue
}

export function FiguresSection({ title, keyColumn, rows, dataset }: { title: string; keyColumn: string; rows: readonly FigureRowView[]; dataset: { csv: string; json: string } }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const language = i18n.language
  const charted = rows.filter((row): row is FigureRowView & { needs: number } => typeof row.needs === 'number' && row.needs > 0)
  return (
    <section aria-labelledby={headingId} className="statistics-section">
      <h2 id={headingId}>{title}</h2>
      <BarChart title={t('statistics.page.needsChart', { dimension: title })} data={charted.map((row) => ({ label: row.label, value: row.needs }))} />
      <div className="table-scroll">
        <table className="statistics-table">
          <caption>{t('statistics.page.tableCaption', { dimension: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{keyColumn}</th>
              <th scope="col">{t('statistics.columns.needs')}</th>
              <th scope="col">{t('statistics.columns.within3')}</th>
              <th scope="col">{t('statistics.columns.within5')}</th>
              <th scope="col">{t('statistics.columns.median')}</th>
              <th scope="col">{t('statistics.columns.projects')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{countText(row.needs, t)}</td>
                <td>{shareText(row.shareAnsweredWithin3Days, row.answeredWithin3Days, t, language)}</td>
                <td>{shareText(row.shareAnsweredWithin5Days, row.answeredWithin5Days, t, language)}</td>
                <td>{hoursText(row.medianHoursToFirstProposal, t, language)}</td>
                <td>{countText(row.projectsStarted, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="statistics-downloads">
        {t('statistics.page.download', { dimension: title })} <a href={dataset.csv}>{t('statistics.openData.fileLabel', { format: 'CSV', dataset: title })}</a>
        {' · '}
        <a href={dataset.json}>{t('statistics.openData.fileLabel', { format: 'JSON', dataset: title })}</a>
      </p>
    </section>
  )
}
