import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import type { TerritoryOrganisation, TerritoryPageData } from '~/domain/territories/page.server'
import type { OrgKind } from '~/domain/orgs/kinds'
import { type Language } from '~/i18n/config'
import { AidesPanel, DomainTags, filiereLabel, NeedCard } from '~/ui/needs/need-display'
import { OrgBadges } from '~/ui/org-badges'
import '~/i18n/areas/territories'

/**
 * The sections of a territory's page (/territoires/:slug). Each is its own component so the page
 * reads as a list of sections, and a later one (upcoming meetings) slots in without touching these.
 */
type Data = TerritoryPageData

export function TerritorySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="territory-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  )
}

export function ContactsSection({ animators }: { animators: Data['animators'] }) {
  const { t } = useTranslation()
  return (
    <TerritorySection id="contacts" title={t('territories.page.contacts.title')}>
      {animators.length ? (
        <ul className="territory-contacts">
          {animators.map((person) => (
            <li key={person.id}>
              <Link to={`/membres/${person.id}`} aria-label={t('territories.page.contacts.profile', { name: person.name })}>
                {person.name}
              </Link>
              {person.title ? <span className="muted"> — {person.title}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('territories.page.contacts.empty')}</p>
      )}
    </TerritorySection>
  )
}

export function PlacesSection({ places, filieres }: { places: Data['places']; filieres: Data['filieres'] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const list = (items: string[]) => (items.length ? <p lang="fr">{items.join(' · ')}</p> : <p className="muted">{t('territories.page.places.none')}</p>)
  return (
    <TerritorySection id="places" title={t('territories.page.places.title')}>
      <h3>{t('territories.page.places.departements')}</h3>
      {list(places.departements.map((departement) => `${departement.name} (${departement.code})`))}
      <h3>{t('territories.page.places.epci')}</h3>
      {list(places.epci.map((epci) => epci.name))}
      <h3>{t('territories.page.places.communes')}</h3>
      {list(places.communes)}
      <h3>{t('territories.page.places.filieres')}</h3>
      {filieres.length ? (
        <ul className="tag-list">
          {filieres.map((id) => (
            <li key={id} className="tag">
              {filiereLabel(id, language)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('territories.page.places.none')}</p>
      )}
      <p className="muted small">{t('territories.page.places.source')}</p>
    </TerritorySection>
  )
}

export function FiguresSection({ figures }: { figures: Data['figures'] }) {
  const { t, i18n } = useTranslation()
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value)
  const share = figures.answeredWithin5Days
  return (
    <TerritorySection id="figures" title={t('territories.page.figures.title')}>
      <dl className="territory-figures">
        <div>
          <dt>{t('territories.page.figures.openNeeds')}</dt>
          <dd>{number(figures.openNeeds)}</dd>
        </div>
        <div>
          <dt>{t('territories.page.figures.organisations')}</dt>
          <dd>{number(figures.organisations)}</dd>
        </div>
        <div>
          <dt>{t('territories.page.figures.projectsStarted')}</dt>
          <dd>{number(figures.projectsStarted)}</dd>
        </div>
        {share === null ? null : (
          <div>
            <dt>{t('territories.page.figures.answeredWithin5Days')}</dt>
            <dd>{t('territories.page.figures.percent', { value: number(Math.round(share * 100)) })}</dd>
          </div>
        )}
      </dl>
      {share === null ? <p className="muted">{t('territories.page.figures.answeredNone')}</p> : null}
    </TerritorySection>
  )
}

export function NeedsSection({ needs }: { needs: Data['needs'] }) {
  const { t } = useTranslation()
  return (
    <TerritorySection id="needs" title={t('territories.page.needs.title')}>
      {needs.status === 'unavailable' ? (
        <p className="notice" role="status">
          {t('territories.page.needs.unavailable')}
        </p>
      ) : needs.hits.length ? (
        <>
          <ul className="card-list">
            {needs.hits.map((need) => (
              <li key={need.id}>
                <NeedCard need={need} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={needs.searchHref}>{t('territories.page.needs.all', { count: needs.total })}</Link>
          </p>
        </>
      ) : (
        <p className="muted">{t('territories.page.needs.empty')}</p>
      )}
    </TerritorySection>
  )
}

function OrganisationList({ organisations, empty }: { organisations: TerritoryOrganisation[]; empty: string }) {
  const { t } = useTranslation()
  if (!organisations.length) return <p className="muted">{empty}</p>
  return (
    <ul className="card-list territory-orgs">
      {organisations.map((org) => (
        <li key={org.slug} className="card">
          <h4>
            <Link to={`/organisations/${org.slug}`}>{org.name}</Link>
          </h4>
          <p className="muted">
            {t(`orgKinds.${org.kind as OrgKind}`)}
            {org.communeName ? <span lang="fr"> · {org.communeName}</span> : null} <OrgBadges kind={org.kind as OrgKind} verified={org.verified} />
          </p>
          {org.domains.length || org.keywords.length ? (
            <>
              <p className="visually-hidden">{t('territories.page.organisations.competences')}</p>
              <DomainTags domains={org.domains} />
              {org.keywords.length ? <p className="muted small">{org.keywords.join(' · ')}</p> : null}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function OrganisationsSection({ organisations }: { organisations: Data['organisations'] }) {
  const { t } = useTranslation()
  return (
    <TerritorySection id="organisations" title={t('territories.page.organisations.title')}>
      <h3>{t('territories.page.organisations.inside')}</h3>
      <OrganisationList organisations={organisations.inside} empty={t('territories.page.organisations.empty')} />
      {organisations.insideTotal > organisations.inside.length ? (
        <p>
          <Link to={organisations.searchHref}>{t('territories.page.organisations.more')}</Link>
        </p>
      ) : null}
      <h3>{t('territories.page.organisations.around')}</h3>
      <OrganisationList organisations={organisations.around} empty={t('territories.page.organisations.emptyAround')} />
    </TerritorySection>
  )
}

export function AidesSection({ aides, region }: { aides: Data['aides']; region: string }) {
  const { t } = useTranslation()
  return (
    <div className="territory-aides">
      <p className="muted">{t('territories.page.aides.lead', { region })}</p>
      <AidesPanel matches={aides.map((service) => ({ service, matchedOn: [] }))} />
    </div>
  )
}
