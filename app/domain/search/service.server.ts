import type { MeiliSearch } from 'meilisearch'
import { distanceKm, type GeoPoint } from '../places/geo'
import { cellsFilter } from '../places/grid-cells'
import type { NeedSearchDocument, OrganisationSearchDocument } from './documents'
import { roundDistance } from './matching'
import { searchIndexNames, type SearchIndexNames } from './names'
import {
  buildFilter,
  FACET_VALUES_SHOWN,
  facetsByKind,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  SEARCH_PAGE_SIZE,
  sortsByKind,
  splitHighlights,
  type HighlightSegment,
  type SearchQuery,
} from './query'

/**
 * Runs a search for the page. Meilisearch being down is an expected state, not an error:
 * the result says "unavailable" and the page renders everything else.
 */

export type Highlighted = Record<string, HighlightSegment[]>

export type NeedHit = Pick<
  NeedSearchDocument,
  'id' | 'title' | 'summary' | 'category' | 'domains' | 'status' | 'territory' | 'region' | 'departement' | 'companyName' | 'trl' | 'deadline' | 'publishedAt'
> & { highlighted: Highlighted } & Distance
export type OrganisationHit = Pick<
  OrganisationSearchDocument,
  'id' | 'slug' | 'name' | 'kind' | 'domains' | 'region' | 'departement' | 'communeName' | 'trlMin' | 'trlMax' | 'verified' | 'fictional'
> & { highlighted: Highlighted } & Distance

/** How far a hit is from the "près de" place (null without one); approximate when its point is a département's centre. */
type Distance = { distanceKm: number | null; distanceApproximate: boolean }

/** A search limited to a radius around a point (the commune typed, resolved on the server). */
export type GeoScope = { point: GeoPoint; radiusKm: number }

const withGeo = (filter: string | undefined, geo: GeoScope | undefined) => {
  if (!geo) return filter
  const radius = cellsFilter(geo.point, geo.radiusKm)
  return filter ? `(${filter}) AND ${radius}` : radius
}

export type FacetCounts = Record<string, { value: string; count: number }[]>

export type SearchResult =
  | { status: 'ok'; kind: 'needs'; hits: NeedHit[]; total: number; page: number; pages: number; facets: FacetCounts }
  | { status: 'ok'; kind: 'organisations'; hits: OrganisationHit[]; total: number; page: number; pages: number; facets: FacetCounts }
  | { status: 'unavailable' }

const highlightedFields = {
  needs: ['title', 'summary', 'description', 'companyName'],
  organisations: ['name', 'description', 'keywords', 'equipment'],
} as const

const needFields = ['id', 'title', 'summary', 'category', 'domains', 'status', 'territory', 'region', 'departement', 'companyName', 'trl', 'deadline', 'publishedAt'] as const
const orgFields = ['id', 'slug', 'name', 'kind', 'domains', 'region', 'departement', 'communeName', 'trlMin', 'trlMax', 'verified', 'fictional'] as const

function highlightsOf(formatted: Record<string, unknown> | undefined, fields: readonly string[]): Highlighted {
  const result: Highlighted = {}
  for (const field of fields) {
    const value = formatted?.[field]
    if (typeof value === 'string' && value) result[field] = splitHighlights(value)
    else if (Array.isArray(value)) {
      // Lists (keywords, equipment): keep only the items that matched.
      const matched = value.filter((item): item is string => typeof item === 'string' && item.includes(HIGHLIGHT_PRE))
      if (matched.length) result[field] = splitHighlights(matched.join(' · '))
    }
  }
  return result
}

const pick = <T extends Record<string, unknown>, K extends keyof T>(source: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, source[key] ?? null])) as Pick<T, K>

/** The Meilisearch request for a page of hits. */
export function searchRequest(query: SearchQuery, geo?: GeoScope) {
  const chosen = (sortsByKind[query.kind] as Record<string, string | null>)[query.sort] ?? null
  // Without words there is no relevance to rank by: needs still taking proposals come first,
  // whatever the order chosen, and the newest first among them (docs/decisions/028).
  const browsing = query.kind === 'needs' && !query.q
  // Near a place, the hits are those of the circle's grid cells, each with its distance
  // computed here from its position (no geo sort: the indexes keep no geo index, ADR 014).
  const sort = [...(browsing ? ['openRank:asc'] : []), ...(chosen ? [chosen] : []), ...(browsing && !chosen ? ['publishedAt:desc'] : [])]
  return {
    filter: withGeo(buildFilter(query.kind, query.filters), geo),
    facets: facetsByKind[query.kind].map((facet) => facet.attribute),
    sort: sort.length ? sort : undefined,
    hitsPerPage: SEARCH_PAGE_SIZE,
    page: query.page,
    attributesToRetrieve: [...(query.kind === 'needs' ? needFields : orgFields), ...(geo ? ['_geo', 'geoPrecision'] : [])],
    attributesToHighlight: [...highlightedFields[query.kind]],
    attributesToCrop: query.kind === 'needs' ? ['summary:40', 'description:30'] : ['description:40'],
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  }
}

const selectedFacetsOf = (query: SearchQuery) => facetsByKind[query.kind].filter((facet) => query.filters[facet.param]?.length)

/**
 * The whole Meilisearch request of a page query, one round trip: the page of hits, plus one
 * count-only query per facet with a selection, counted without its own filter (disjunctive
 * facets), so every value of a facet keeps its count and several can be ticked (OR).
 * bench/search.ts sends exactly this to Meilisearch directly, to compare like with like.
 */
export function catalogueQueries(query: SearchQuery, { names = searchIndexNames(), geo }: SearchOptions = {}) {
  const uid = names[query.kind]
  return [
    { indexUid: uid, q: query.q, ...searchRequest(query, geo) },
    ...selectedFacetsOf(query).map((facet) => {
      const { [facet.param]: _own, ...others } = query.filters
      return { indexUid: uid, q: query.q, filter: withGeo(buildFilter(query.kind, others), geo), facets: [facet.attribute], limit: 0 }
    }),
  ]
}

export type SearchOptions = { names?: SearchIndexNames; geo?: GeoScope }

export async function searchCatalogue(client: MeiliSearch, query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const facets = facetsByKind[query.kind]
  try {
    const selectedFacets = selectedFacetsOf(query)
    const { results } = await client.multiSearch({ queries: catalogueQueries(query, options) })
    const response = results[0]!
    const distributions = { ...response.facetDistribution }
    selectedFacets.forEach((facet, index) => {
      distributions[facet.attribute] = results[index + 1]?.facetDistribution?.[facet.attribute] ?? {}
    })
    const facetCounts: FacetCounts = {}
    for (const facet of facets) {
      const counted = Object.entries(distributions[facet.attribute] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'))
      // What the page lists: the most frequent values, then any selected one further down.
      const selected = query.filters[facet.param] ?? []
      const shown = counted.slice(0, FACET_VALUES_SHOWN)
      for (const value of selected) if (!shown.some((item) => item.value === value)) shown.push({ value, count: counted.find((item) => item.value === value)?.count ?? 0 })
      facetCounts[facet.param] = shown
    }
    const total = response.totalHits ?? 0
    const pages = Math.max(1, response.totalPages ?? 1)
    const common = { status: 'ok' as const, total, page: query.page, pages, facets: facetCounts }
    const fields = highlightedFields[query.kind]
    const hits = response.hits.map((hit) => {
      const record = hit as Record<string, unknown>
      const formatted = hit._formatted as Record<string, unknown> | undefined
      const position = record._geo as GeoPoint | undefined
      const geo = options.geo
      return {
        ...pick(record, query.kind === 'needs' ? needFields : orgFields),
        highlighted: highlightsOf(formatted, fields),
        distanceKm: geo && position ? roundDistance(distanceKm(geo.point, { lat: Number(position.lat), lng: Number(position.lng) })) : null,
        distanceApproximate: record.geoPrecision === 'departement',
      }
    })
    return query.kind === 'needs'
      ? { ...common, kind: 'needs', hits: hits as unknown as NeedHit[] }
      : { ...common, kind: 'organisations', hits: hits as unknown as OrganisationHit[] }
  } catch (error) {
    if (isUnavailable(error)) return { status: 'unavailable' }
    throw error
  }
}

/**
 * Meilisearch unreachable, timing out, or the index not created yet: "search unavailable".
 * An invalid request (our bug) is rethrown so it is seen, not hidden behind that message.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const name = error.name
  if (name === 'MeiliSearchRequestError' || name === 'MeiliSearchRequestTimeOutError' || name === 'MeiliSearchCommunicationError') return true
  const code = (error as { cause?: { code?: string } }).cause?.code
  return code === 'index_not_found'
}
