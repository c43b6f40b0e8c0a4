import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { orRefuse } from '~/http/domain-response.server'
import { demoTerritories } from '~/domain/places/territories'
import { statistics } from '~/domain/statistics/figures.server'
import { offeredMonths, parseStatisticsQuery } from '~/domain/statistics/query'
import { domainLabel, type TechnologyDomainId } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import { dateTimeFormat } from '~/i18n/formats'
import { Button } from '~/ui/button'
import { SelectField } from '~/ui/field'
import type { PageHandle } from '~/ui/page-title'
import { StatisticsErrorPage } from '~/ui/statistics/error-page'
import { FiguresSection, type FigureRowView } from '~/ui/statistics/figures-section'
import { monthLabel } from '~/ui/statistics/format'
import '~/i18n/areas/statistics'

export const handle: PageHandle = { titleKey: 'statistics.page.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const now = new Date()
  const { lastMonth, asked } = await orRefuse(async () => parseStatisticsQuery(url.searchParams, url.search.length, now))
  const pickable = offeredMonths(now).reverse()
  return { figures: await statistics(lastMonth, now), lastMonth, query: asked ? `?mois=${lastMonth}` : '', pickable }
}

const territoryNames = new Map<string, string>(demoTerritories.map((territory) => [territory.id, territory.name]))

export default function StatisticsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'fr'
  const { figures, lastMonth, query, pickable } = useLoaderData<typeof loader>()
  const filiereLabels = new Map<string, string>(filieres.map((filiere) => [filiere.id, filiere.label[language]]))
  const files = (dataset: string) => ({ csv: `/donnees-ouvertes/${dataset}.csv${query}`, json: `/donnees-ouvertes/${dataset}.json${query}` })
  const labelled = <Row extends { key: string }>(rows: Row[], label: (key: string) => string) => rows.map((row) => ({ ...row, label: label(row.key) }) as Row & { label: string } & FigureRowView)
  const computedAt = dateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(figures.computedAt))
  return (
    <article aria-labelledby="statistics-title" className="statistics-page">
      <h1 id="statistics-title">{t('statistics.page.title')}</h1>
      <p className="lead">{t('statistics.page.lead', { from: monthLabel(figures.months[0]!, language), to: monthLabel(figures.months[figures.months.length - 1]!, language) })}</p>
      <p>{t('statistics.page.scope', { computedAt })}</p>
      <p>{t('statistics.page.secrecy')}</p>
      <p>
        {t('statistics.page.openData')} <Link to="/donnees-ouvertes">{t('statistics.page.openDataLink')}</Link>
      </p>
      <Form method="get" className="dashboard-period">
        <SelectField label={t('statistics.page.period')} name="mois" defaultValue={lastMonth} options={pickable.map((month) => ({ value: month, label: monthLabel(month, language) }))} />
        <Button type="submit" variant="secondary">
          {t('statistics.page.apply')}
        </Button>
      </Form>
      <FiguresSection title={t('statistics.page.byMonth')} keyColumn={t('statistics.columns.month')} rows={labelled(figures.byMonth, (key) => monthLabel(key, language))} dataset={files('statistiques-par-mois')} />
      <FiguresSection
        title={t('statistics.page.byTerritory')}
        keyColumn={t('statistics.columns.territory')}
        rows={labelled(figures.byTerritory, (key) => territoryNames.get(key) ?? key)}
        dataset={files('statistiques-par-territoire')}
      />
      <FiguresSection title={t('statistics.page.byFiliere')} keyColumn={t('statistics.columns.filiere')} rows={labelled(figures.byFiliere, (key) => filiereLabels.get(key) ?? key)} dataset={files('statistiques-par-filiere')} />
      <FiguresSection
        title={t('statistics.page.byDomain')}
        keyColumn={t('statistics.columns.domain')}
        rows={labelled(figures.byDomain, (key) => domainLabel(key as TechnologyDomainId, language))}
        dataset={files('statistiques-par-domaine')}
      />
    </article>
  )
}

export const ErrorBoundary = StatisticsErrorPage
