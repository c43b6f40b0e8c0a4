import { onlineStatuses } from '../needs/lifecycle'
import { needCategories, needStages } from '../needs/vocabulary'
import { orgKinds } from '../orgs/kinds'
import { territoryIds } from '../places/territories'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import type { SearchKind } from './names'

/**
 * The search page's query string, validated, and the Meilisearch filter built from it.
 * Facet names come from a whitelist; values are either from a closed list (dropped when
 * unknown) or short plain text checked by a pattern, and are always quoted and escaped:
 * user input is never spliced into a filter expression as syntax.
 */

export const SEARCH_QUERY_MAX = 200
export const SEARCH_PAGE_SIZE = 20
export const SEARCH_MAX_PAGE = 50
const MAX_VALUES_PER_FACET = 10
/** Values listed per facet on the page (the most frequent), plus any selected one. */
export const FACET_VALUES_SHOWN = 8

export type FacetDefinition = {
  /** Name in the URL (`?domain=ai&domain=robotics`). */
  param: string
  /** Attribute in the index. */
  attribute: string
  /** Allowed values; null means plain text checked by `freeText`. */
  values: readonly string[] | null
}

const trlLevels = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

export const facetsByKind: Record<SearchKind, readonly FacetDefinition[]> = {
  needs: [
    { param: 'domain', attribute: 'domains', values: technologyDomainIds },
    { param: 'category', attribute: 'category', values: needCategories },
    { param: 'filiere', attribute: 'filiere', values: filiereIds },
    { param: 'stage', attribute: 'stage', values: needStages },
    { param: 'status', attribute: 'status', values: onlineStatuses },
    { param: 'trl', attribute: 'trl', values: trlLevels },
    { param: 'region', attribute: 'region', values: null },
    { param: 'departement', attribute: 'departement', values: null },
    { param: 'territory', attribute: 'territory', values: territoryIds },
  ],
  organisations: [
    { param: 'kind', attribute: 'kind', values: orgKinds },
    { param: 'domain', attribute: 'domains', values: technologyDomainIds },
    { param: 'filiere', attribute: 'filieres', values: filiereIds },
    { param: 'trl', attribute: 'trl', values: trlLevels },
    { param: 'verified', attribute: 'verified', values: ['true'] },
    { param: 'region', attribute: 'region', values: null },
    { param: 'departement', attribute: 'departement', values: null },
    { param: 'territory', attribute: 'territories', values: territoryIds },
  ],
}

export const sortsByKind = {
  needs: { relevance: null, recent: 'publishedAt:desc', deadline: 'deadline:asc' },
  organisations: { relevance: null, recent: 'createdAt:desc', name: 'name:asc' },
} as const satisfies Record<SearchKind, Record<string, string | null>>

/** Place names and the like: letters, digits, spaces and a little punctuation, nothing else. */
const FREE_TEXT_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} '’.,()&-]*$/u
const FREE_TEXT_MAX = 80
const freeText = (value: string | null): string | null => {
  const text = value?.trim() ?? ''
  return text.length <= FREE_TEXT_MAX && FREE_TEXT_PATTERN.test(text) ? text : null
}

/** A whole number from the URL within [min, max], or null. */
const wholeNumber = (value: string | null, min: number, max: number): number | null => {
  const number = value === null || value.trim() === '' ? Number.NaN : Number(value)
  return Number.isInteger(number) && number >= min && number <= max ? number : null
}

/** "Près de": a commune as typed (name, postal or INSEE code) and a radius from a closed list. */
export const SEARCH_RADII_KM = [10, 25, 50, 100, 200] as const
export const DEFAULT_RADIUS_KM = 50
export type NearQuery = { place: string; radiusKm: number }

export type SearchQuery = {
  kind: SearchKind
  q: string
  page: number
  sort: string
  /** Facet param → selected values (only valid ones). */
  filters: Record<string, string[]>
  /** Results within a radius of a place; the text is resolved to a commune on the server, never put in a filter. */
  near: NearQuery | null
}

/**
 * Parses the URL: anything invalid falls back to a default, so a shared link never breaks.
 * Every value is checked against a closed list, a range or `freeText`'s pattern. Plain code
 * rather than zod: the page runs this in the browser on each search, and nothing here is
 * ever refused, only dropped (issue 16: zod stays out of the search page's first load).
 */
export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  const kind: SearchKind = params.get('type') === 'organisations' ? 'organisations' : 'needs'
  // Overlong queries are cut, never sent whole: Meilisearch reads only 10 words anyway.
  const q = (params.get('q') ?? '').slice(0, SEARCH_QUERY_MAX).trim()
  const page = wholeNumber(params.get('page'), 1, SEARCH_MAX_PAGE) ?? 1
  const sorts = sortsByKind[kind]
  const sortParam = params.get('sort') ?? 'relevance'
  const sort = Object.hasOwn(sorts, sortParam) ? sortParam : 'relevance'
  const filters: Record<string, string[]> = {}
  for (const facet of facetsByKind[kind]) {
    const values = [...new Set(params.getAll(facet.param))].flatMap((value) => {
      const valid = facet.values ? (facet.values.includes(value) ? value : null) : freeText(value)
      return valid === null ? [] : [valid]
    })
    if (values.length) filters[facet.param] = values.slice(0, MAX_VALUES_PER_FACET)
  }
  const place = freeText(params.get('near'))
  const radius = Number(params.get('radius') ?? DEFAULT_RADIUS_KM)
  const radiusKm = (SEARCH_RADII_KM as readonly number[]).includes(radius) ? radius : DEFAULT_RADIUS_KM
  return { kind, q, page, sort, filters, near: place ? { place, radiusKm } : null }
}

/** A value as a Meilisearch string literal: quoted, with backslashes and quotes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/**
 * `(domains = "ai" OR domains = "robotics") AND region = "Occitanie"`: OR within a facet,
 * AND across facets. Unknown facet params are ignored (the whitelist is the only source of
 * attribute names).
 */
export function buildFilter(kind: SearchKind, filters: Record<string, readonly string[]>): string | undefined {
  const groups: string[] = []
  for (const facet of facetsByKind[kind]) {
    const values = filters[facet.param]
    if (!values?.length) continue
    const clauses = values.map((value) => `${facet.attribute} = ${quoteFilterValue(value)}`)
    groups.push(clauses.length === 1 ? clauses[0]! : `(${clauses.join(' OR ')})`)
  }
  return groups.length ? groups.join(' AND ') : undefined
}

/** The query string of a search, for links (pagination, facet toggles, type switch). */
export function searchHref(query: Pick<SearchQuery, 'kind' | 'q' | 'sort' | 'filters'> & { page?: number; near?: NearQuery | null }): string {
  const params = new URLSearchParams()
  params.set('type', query.kind)
  if (query.q) params.set('q', query.q)
  for (const [param, values] of Object.entries(query.filters)) for (const value of values) params.append(param, value)
  if (query.near) {
    params.set('near', query.near.place)
    if (query.near.radiusKm !== DEFAULT_RADIUS_KM) params.set('radius', String(query.near.radiusKm))
  }
  if (query.sort !== 'relevance') params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  return `/recherche?${params}`
}

/** Adds or removes one facet value (a facet link). */
export function toggleFilter(filters: Record<string, string[]>, param: string, value: string): Record<string, string[]> {
  const current = filters[param] ?? []
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value]
  const result = { ...filters }
  if (next.length) result[param] = next
  else delete result[param]
  return result
}

/**
 * Highlight markers: private-use characters nobody types, asked of Meilisearch as pre/post
 * tags, then turned into segments the page renders as text inside <mark> — never as HTML.
 */
export const HIGHLIGHT_PRE = '\uE000'
export const HIGHLIGHT_POST = '\uE001'

export type HighlightSegment = { text: string; match: boolean }

export function splitHighlights(formatted: string): HighlightSegment[] {
  const segments: HighlightSegment[] = []
  let match = false
  let text = ''
  for (const char of formatted) {
    if (char === HIGHLIGHT_PRE || char === HIGHLIGHT_POST) {
      if (text) segments.push({ text, match })
      text = ''
      match = char === HIGHLIGHT_PRE
    } else text += char
  }
  if (text) segments.push({ text, match })
  return segments
}
