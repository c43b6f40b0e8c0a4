import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { useId } from 'react'
import { useTranslation } from '~/i18n/react'
import '~/i18n/areas/moderation'

/**
 * A horizontal bar chart rendered on the server as plain SVG (visx scales and shapes), styled
 * by CSS classes only: the CSP forbids style attributes, so no @visx/axis/@visx/text (they set
 * inline styles) — labels and values are plain <text>. The data table below is the chart's
 * text alternative.
 */
export type BarDatum = { label: string; value: number }

const WIDTH = 480
const LABEL_WIDTH = 190
const VALUE_WIDTH = 40
const BAR_HEIGHT = 28

export function BarChart({ title, data }: { title: string; data: readonly BarDatum[] }) {
  const { t } = useTranslation()
  const titleId = useId()
  const height = Math.max(1, data.length) * BAR_HEIGHT + 8
  const innerWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const y = scaleBand<string>({ domain: data.map((datum) => datum.label), range: [0, height], padding: 0.2 })
  const x = scaleLinear<number>({ domain: [0, Math.max(1, ...data.map((datum) => datum.value))], range: [0, innerWidth] })
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      {!data.length ? (
        <p className="muted">{t('moderation.dashboard.noData')}</p>
      ) : (
        <>
          <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
            <Group left={LABEL_WIDTH}>
              {data.map((datum) => {
                const top = y(datum.label) ?? 0
                const barWidth = x(datum.value)
                return (
                  <g key={datum.label}>
                    <text className="chart-label" x={-8} y={top + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
                      {datum.label.length > 26 ? `${datum.label.slice(0, 25)}…` : datum.label}
                    </text>
                    <Bar className="chart-bar" x={0} y={top} width={barWidth} height={y.bandwidth()} rx={3} />
                    <text className="chart-value" x={barWidth + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
                      {datum.value}
                    </text>
                  </g>
                )
              })}
            </Group>
          </svg>
          <details className="chart-data">
            <summary>{t('moderation.dashboard.chartTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('moderation.dashboard.label')}</th>
                  <th scope="col">{t('moderation.dashboard.count')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((datum) => (
                  <tr key={datum.label}>
                    <th scope="row">{datum.label}</th>
                    <td>{datum.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  )
}
