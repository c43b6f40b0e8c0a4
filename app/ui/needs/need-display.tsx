import { dateTimeFormat } from '~/i18n/formats'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import type { Language } from '~/i18n/config'
import { demoTerritories } from '~/domain/places/territories'
import { domainLabel, type TechnologyDomainId } from '~/domain/taxonomy/domains'
import { filieres } from '~/domain/taxonomy/filieres'
import type { AideMatch } from '~/domain/needs/aides'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import '~/i18n/areas/needs'

/**
 * Presentational pieces of the needs pages (status badge, summary card, facts, aides panel).
 * They live beside the domain they show because app/ui is shared with other areas.
 */

/** Dates are shown in French time whatever the server's or browser's zone, so both render alike. */
export function formatDate(iso: string, language: Language) {
  return dateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso))
}

/** A calendar day (YYYY-MM-DD) as written, without any time-zone shift. */
export function formatDay(day: string, language: Language) {
  return dateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
}

export function NeedStatusBadge({ status, closedReason }: { status: NeedStatus; closedReason?: string | null }) {
  const { t } = useTranslation()
  const label = status === 'closed' && closedReason ? t(`needs.closedReason.${closedReason as 'fulfilled' | 'abandoned' | 'expired'}`) : t(`needs.status.${status}`)
  return <span className={`badge badge-need-${status}`}>{label}</span>
}

export const territoryName = (id: string | null) => demoTerritories.find((territory) => territory.id === id)?.name ?? null

export function filiereLabel(id: string | null, language: Language) {
  return filieres.find((filiere) => filiere.id === id)?.label[language] ?? null
}

export function DomainTags({ domains }: { domains: readonly string[] }) {
  const { i18n } = useTranslation()
  if (!domains.length) return null
  return (
    <ul className="tag-list">
      {domains.map((domain) => (
        <li key={domain} className="tag">
          {domainLabel(domain as TechnologyDomainId, i18n.language as Language)}
        </li>
      ))}
    </ul>
  )
}

export type NeedCardData = {
  id: string
  title: string
  summary: string
  category: string | null
  domains: string[]
  status: NeedStatus
  closedReason: string | null
  departementName: string | null
  regionName: string | null
  publishedAt: string | null
  proposalsReceived?: number
  company: { name: string } | null
  companyHidden: boolean
}

/** One need in a list: what anyone may see of it, and a link to the page. */
export function NeedCard({ need, headingLevel = 2, footer }: { need: NeedCardData; headingLevel?: 2 | 3; footer?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="card need-card">
      <div className="need-card-head">
        <Heading className="need-card-title">
          <Link to={`/besoins/${need.id}`}>{need.title}</Link>
        </Heading>
        <NeedStatusBadge status={need.status} closedReason={need.closedReason} />
      </div>
      <p className="need-card-meta muted">
        {need.company ? need.company.name : need.companyHidden ? t('needs.browse.anonymousCompany') : null}
        {need.departementName ? ` · ${need.departementName}, ${need.regionName}` : null}
        {need.category ? ` · ${t(`needs.category.${need.category as 'technical'}`)}` : null}
      </p>
      {need.summary ? <p>{need.summary}</p> : null}
      <DomainTags domains={need.domains} />
      {need.publishedAt || footer ? (
        <p className="need-card-foot muted">
          {need.publishedAt ? t('needs.browse.publishedOn', { date: formatDate(need.publishedAt, language) }) : null}
          {need.proposalsReceived ? ` · ${t('needs.browse.proposalsCount', { count: need.proposalsReceived })}` : null}
          {footer}
        </p>
      ) : null}
    </article>
  )
}

/** A term and its value in a facts list; unknown values say so instead of leaving a hole. */
export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children === null || children === undefined || children === '' ? <span className="muted">{t('needs.detail.notSpecified')}</span> : children}</dd>
    </div>
  )
}

/** The "aides possibles" panel: who to ask about which scheme. */
export function AidesPanel({ matches }: { matches: AideMatch[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  return (
    <aside className="aides-panel" aria-labelledby="aides-title">
      <h2 id="aides-title">{t('needs.aides.title')}</h2>
      {matches.length ? (
        <>
          <p className="muted">{t('needs.aides.lead')}</p>
          <ul className="aides-list">
            {matches.map(({ service }) => (
              <li key={service.id} className="aide">
                <h3 lang="fr">{service.name}</h3>
                <dl className="aide-facts">
                  <div>
                    <dt>{t('needs.aides.forWhom')}</dt>
                    <dd>{service.forWhom[language]}</dd>
                  </div>
                  <div>
                    <dt>{t('needs.aides.funds')}</dt>
                    <dd>{service.funds[language]}</dd>
                  </div>
                  <div>
                    <dt>{t('needs.aides.contact')}</dt>
                    <dd>
                      <span lang="fr">{service.contact.body}</span> —{' '}
                      <a href={`https://${service.contact.website}`} rel="noopener noreferrer">
                        {service.contact.website}
                      </a>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('needs.aides.empty')}</p>
      )}
    </aside>
  )
}
