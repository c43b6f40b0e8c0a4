import { numberFormat } from '~/i18n/formats'
import { requirePermission } from '~/http/actor.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { dashboard } from '~/domain/moderation/insights.server'
import { periodDays, type PeriodDays } from '~/domain/moderation/kpi'
import { dashboardQuerySchema, searchParamsObject } from '~/domain/moderation/schema'
import { domainLabel, technologyDomains, type TechnologyDomainId } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import { Button } from '~/ui/button'
import { BarChart } from '~/ui/charts/bar-chart'
import { SelectField } from '~/ui/field'
import { RouteErrorPage } from '~/ui/error-page'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/moderation'
import '~/i18n/areas/needs'

export const handle: PageHandle = { titleKey: 'moderation.dashboard.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'moderate:content:scope')
  const { period } = dashboardQuerySchema.parse(searchParamsObject(new URL(request.url)))
  return { figures: await dashboard(actor, Number(period) as PeriodDays) }
}

const percent = (share: number | null, language: string) =>
  share === null ? null : numberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share)

export default function Dashboard() {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'fr'
  const { figures } = useLoaderData<typeof loader>()
  const none = t('moderation.dashboard.none')
  const knownDomains = new Set<string>(technologyDomains.map((domain) => domain.id))
  const filiereLabels = new Map(filieres.map((filiere) => [filiere.id as string, filiere.label[language]]))
  const kpis = [
    [t('moderation.dashboard.total'), String(figures.totalNeeds)],
    [t('moderation.dashboard.within3'), percent(figures.answeredWithin3Days, language) ?? none],
    [t('moderation.dashboard.within5'), percent(figures.answeredWithin5Days, language) ?? none],
    [t('moderation.dashboard.median'), figures.medianHoursToFirstProposal === null ? none : t('moderation.dashboard.medianValue', { hours: Math.round(figures.medianHoursToFirstProposal) })],
    [t('moderation.dashboard.accepted'), String(figures.acceptedProposals)],
    [t('moderation.dashboard.projects'), String(figures.activeProjects)],
  ] as const
  return (
    <section aria-labelledby="dashboard-title" className="animation-page">
      <h1 id="dashboard-title">{t('moderation.dashboard.title')}</h1>
      <p className="lead">{t('moderation.dashboard.lead')}</p>
      <Form method="get" className="dashboard-period">
        <SelectField
          label={t('moderation.dashboard.period')}
          name="period"
          defaultValue={String(figures.periodDays)}
          options={periodDays.map((days) => ({ value: String(days), label: t(`moderation.dashboard.periods.${days}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t('moderation.dashboard.apply')}
        </Button>
      </Form>
      <dl className="kpis">
        {kpis.map(([label, value]) => (
          <div key={label} className="kpi">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="charts">
        <BarChart title={t('moderation.dashboard.byStatus')} data={figures.byStatus.map((row) => ({ label: t(`needs.status.${row.key}` as never), value: row.count }))} />
        <BarChart
          title={t('moderation.dashboard.byDomain')}
          data={figures.byDomain.map((row) => ({ label: knownDomains.has(row.key) ? domainLabel(row.key as TechnologyDomainId, language) : row.key, value: row.count }))}
        />
        <BarChart title={t('moderation.dashboard.byFiliere')} data={figures.byFiliere.map((row) => ({ label: filiereLabels.get(row.key) ?? row.key, value: row.count }))} />
        <BarChart title={t('moderation.dashboard.mostActive')} data={figures.mostActiveOrganisations.map((row) => ({ label: row.key, value: row.count }))} />
      </div>
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
