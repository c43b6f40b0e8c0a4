import { Link } from '@remix-run/react'
import { Fragment, useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import { DomainTags, formatDate, NeedStatusBadge } from '~/ui/needs/need-display'
import type { NeedCategory, NeedStage } from '~/domain/needs/vocabulary'
import type { OrgKind } from '~/domain/orgs/kinds'
import { domainName, filiereName, territoryName } from '~/domain/orgs/labels'
import type { SearchKind } from '~/domain/search/names'
import { DEFAULT_RADIUS_KM, facetsByKind, searchHref, type HighlightSegment, type SearchQuery } from '~/domain/search/query'
import type { FacetCounts, NeedHit, OrganisationHit } from '~/domain/search/service.server'
import type { SearchPageData } from '~/http/search-page.server'
import type { Language } from '~/i18n/config'
import { Avatar } from '~/ui/avatar'
import { Button } from '~/ui/button'
import { OrgBadges } from '~/ui/org-badges'
import { EmptyState } from '~/ui/states'
import '~/i18n/areas/needs'
import '~/i18n/areas/search'

/** The parts of the search page (app/routes/recherche.tsx): results, facets, the place filter's status, paging. */

const SUGGESTIONS = ['impression 3D', 'cobot', 'vision industrielle', 'IA', 'composites']

export function NearStatus({ near, query }: { near: SearchPageData['near']; query: SearchQuery }) {
  const { t } = useTranslation()
  if (!near) return <p id="search-near-status" className="field-hint">{t('search.near.hint')}</p>
  if (near.status === 'found') {
    return (
      <p id="search-near-status" className="field-hint" role="status">
        {t('search.near.around', { place: near.label, count: near.radiusKm })}
      </p>
    )
  }
  return (
    <div id="search-near-status" className="field-error" role="alert">
      <p>{t(near.status === 'ambiguous' ? 'search.near.ambiguous' : 'search.near.unknown', { place: near.place })}</p>
      {near.suggestions.length ? (
        <ul>
          {near.suggestions.map((label) => (
            <li key={label}>
              <Link to={searchHref({ ...query, near: { place: label, radiusKm: query.near?.radiusKm ?? DEFAULT_RADIUS_KM }, page: 1 })}>{label}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** "À 20 km" when the search is near a place. */
function DistanceNote({ hit }: { hit: { distanceKm: number | null; distanceApproximate: boolean } }) {
  const { t } = useTranslation()
  if (hit.distanceKm === null) return null
  return <> · {t(hit.distanceApproximate ? 'search.matching.distanceAbout' : 'search.matching.distance', { count: hit.distanceKm })}</>
}

/**
 * Uncontrolled controls (the browser owns their state while a click submits the form) kept in
 * line with the URL when it changes by other means: back/forward, links, a kind switch.
 */
export function SyncedInput({ checked, ...props }: { type: 'radio' | 'checkbox'; name: string; value: string; checked: boolean; id?: string }) {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.checked = checked
  }, [checked])
  return <input ref={ref} {...props} defaultChecked={checked} />
}

export function SyncedSelect({ value, children, ...props }: { id: string; name: string; value: string; children: ReactNode }) {
  const ref = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.value = value
  }, [value])
  return (
    <select ref={ref} {...props} defaultValue={value}>
      {children}
    </select>
  )
}

/** Meilisearch's matches, rendered as text inside <mark>: never as HTML. */
function Highlight({ segments, fallback }: { segments?: HighlightSegment[]; fallback: string }) {
  if (!segments?.length) return <>{fallback}</>
  return (
    <>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))}
    </>
  )
}

export function NeedResult({ hit }: { hit: NeedHit }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  return (
    <article className="card search-hit">
      <div className="need-card-head">
        <h2 className="search-hit-title">
          <Link to={`/besoins/${hit.id}`}>
            <Highlight segments={hit.highlighted.title} fallback={hit.title} />
          </Link>
        </h2>
        <NeedStatusBadge status={hit.status as NeedStatus} />
      </div>
      <p className="search-hit-meta muted">
        {hit.companyName ? t('search.results.company', { name: hit.companyName }) : t('search.results.anonymous')}
        {hit.departement ? ` · ${hit.departement}, ${hit.region}` : null}
        {hit.category ? ` · ${t(`needs.category.${hit.category as NeedCategory}`)}` : null}
        {hit.trl ? ` · ${t('search.results.trlTarget', { level: hit.trl })}` : null}
        {hit.deadline ? ` · ${t('search.results.deadline', { date: formatDate(new Date(hit.deadline).toISOString(), language) })}` : null}
        <DistanceNote hit={hit} />
      </p>
      {hit.summary ? (
        <p>
          <Highlight segments={hit.highlighted.summary} fallback={hit.summary} />
        </p>
      ) : null}
      {hit.highlighted.description?.some((segment) => segment.match) ? (
        <p className="search-hit-excerpt">
          <Highlight segments={hit.highlighted.description} fallback="" />
        </p>
      ) : null}
      <DomainTags domains={hit.domains} />
    </article>
  )
}

export function OrganisationResult({ hit }: { hit: OrganisationHit }) {
  const { t } = useTranslation()
  const matchedLists = [hit.highlighted.keywords, hit.highlighted.equipment].filter((segments) => segments?.some((segment) => segment.match))
  return (
    <article className="card search-hit">
      <h2 className="search-hit-title with-avatar">
        <Avatar id={hit.slug} name={hit.name} organisation />
        <Link to={`/organisations/${hit.slug}`}>
          <Highlight segments={hit.highlighted.name} fallback={hit.name} />
        </Link>
      </h2>
      <p className="search-hit-meta">
        <span className="tag tag-muted">{t(`orgKinds.${hit.kind as OrgKind}`)}</span>
        <OrgBadges kind={hit.kind as OrgKind} verified={hit.verified} fictional={hit.fictional} />
      </p>
      <p className="search-hit-meta muted">
        {hit.communeName ? (
          <span lang="fr">
            {hit.communeName} — {hit.departement}, {hit.region}
          </span>
        ) : null}
        {hit.trlMin && hit.trlMax ? ` · ${t('search.results.trlRange', { min: hit.trlMin, max: hit.trlMax })}` : null}
        <DistanceNote hit={hit} />
      </p>
      {hit.highlighted.description ? (
        <p>
          <Highlight segments={hit.highlighted.description} fallback="" />
        </p>
      ) : null}
      {matchedLists.map((segments, index) => (
        <p key={index} className="search-hit-excerpt">
          <Highlight segments={segments} fallback="" />
        </p>
      ))}
      <DomainTags domains={hit.domains} />
    </article>
  )
}

export function useFacetLabel() {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  return (param: string, value: string): string => {
    switch (param) {
      case 'domain':
        return domainName(value, language)
      case 'filiere':
        return filiereName(value, language)
      case 'territory':
        return territoryName(value)
      case 'category':
        return t(`needs.category.${value as NeedCategory}`)
      case 'stage':
        return t(`needs.stage.${value as NeedStage}`)
      case 'status':
        return t(`needs.status.${value as NeedStatus}`)
      case 'kind':
        return t(`orgKinds.${value as OrgKind}`)
      case 'verified':
        return t('search.facets.verifiedTrue')
      case 'trl':
        return t('search.facets.trlLevel', { level: value })
      default:
        return value
    }
  }
}

/** Facet checkboxes with their counts; selected values stay listed even when they count 0. */
export function Facets({ kind, query, facets }: { kind: SearchKind; query: SearchQuery; facets: FacetCounts }) {
  const { t } = useTranslation()
  const label = useFacetLabel()
  const hasFilters = Object.keys(query.filters).length > 0
  return (
    <aside className="search-facets" id="search-facets" aria-labelledby="search-facets-title">
      <h2 id="search-facets-title">{t('search.facets.title')}</h2>
      {facetsByKind[kind].map((facet) => {
        const selected = query.filters[facet.param] ?? []
        // The answer lists the most frequent values and the selected ones; a value ticked while
        // the next answer is on its way stays listed meanwhile.
        const values = [...(facets[facet.param] ?? [])]
        for (const value of selected) if (!values.some((item) => item.value === value)) values.push({ value, count: 0 })
        if (facet.param === 'trl') values.sort((a, b) => Number(a.value) - Number(b.value))
        if (!values.length) return null
        return (
          <fieldset key={facet.param} className="search-facet">
            <legend>{t(`search.facets.${facet.param as 'domain'}`)}</legend>
            <ul>
              {values.map(({ value, count }) => {
                const id = `facet-${facet.param}-${value.replace(/[^\w-]/g, '_')}`
                return (
                  <li key={value}>
                    <SyncedInput type="checkbox" id={id} name={facet.param} value={value} checked={selected.includes(value)} />
                    <label htmlFor={id}>{t('search.facets.count', { label: label(facet.param, value), count })}</label>
                  </li>
                )
              })}
            </ul>
          </fieldset>
        )
      })}
      <div className="search-facet-actions">
        <Button type="submit" variant="secondary">
          {t('search.form.apply')}
        </Button>
        {hasFilters ? <Link to={searchHref({ ...query, filters: {}, page: 1 })}>{t('search.form.clear')}</Link> : null}
      </div>
    </aside>
  )
}

export function NoResults({ query }: { query: SearchQuery }) {
  const { t } = useTranslation()
  const other: SearchKind = query.kind === 'needs' ? 'organisations' : 'needs'
  const hasFilters = Object.keys(query.filters).length > 0
  return (
    <EmptyState illustration="search" title={t('search.empty.title')}>
      <p>{t('search.empty.text')}</p>
      <ul className="search-suggestions">
        {hasFilters ? (
          <li>
            <Link to={searchHref({ ...query, filters: {} })}>{t('search.empty.clearFilters')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={searchHref({ kind: other, q: query.q, sort: 'relevance', filters: {} })}>
            {t('search.empty.switchType', { type: t(`search.types.${other}`).toLowerCase() })}
          </Link>
        </li>
      </ul>
      <p>{t('search.empty.suggestions')}</p>
      <ul className="search-suggestions tag-list">
        {SUGGESTIONS.map((suggestion) => (
          <li key={suggestion}>
            <Link to={searchHref({ kind: query.kind, q: suggestion, sort: 'relevance', filters: {} })} lang="fr">
              {suggestion}
            </Link>
          </li>
        ))}
      </ul>
    </EmptyState>
  )
}

export function Pagination({ query, page, pages }: { query: SearchQuery; page: number; pages: number }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('search.pagination.label')} className="pagination">
      {page > 1 ? (
        <Link to={searchHref({ ...query, page: page - 1 })} rel="prev">
          {t('search.pagination.previous')}
        </Link>
      ) : null}
      <span>{t('search.pagination.page', { page, pages })}</span>
      {page < pages ? (
        <Link to={searchHref({ ...query, page: page + 1 })} rel="next">
          {t('search.pagination.next')}
        </Link>
      ) : null}
    </nav>
  )
}

export function Unavailable() {
  const { t } = useTranslation()
  return (
    <div className="search-unavailable" role="alert">
      <h2>{t('search.unavailable.title')}</h2>
      <p>{t('search.unavailable.text')}</p>
      <ul>
        <li>
          <Link to="/besoins">{t('search.unavailable.browseNeeds')}</Link>
        </li>
        <li>
          <Link to="/organisations">{t('search.unavailable.browseOrganisations')}</Link>
        </li>
      </ul>
    </div>
  )
}
