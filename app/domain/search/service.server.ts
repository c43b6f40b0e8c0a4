import type { MeiliSearch } from 'meilisearch'
import type { NeedSearchDocument, OrganisationSearchDocument } from './documents'
import { searchIndexNames, type SearchIndexNames } from './names'
import {
  buildFilter,
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
> & { highlighted: Highlighted }
export type OrganisationHit = Pick<
  OrganisationSearchDocument,
  'id' | 'slug' | 'name' | 'kind' | 'domains' | 'region' | 'departement' | 'communeName' | 'trlMin' | 'trlMax' | 'verified' | 'fictional'
> & { highlighted: Highlighted }

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
export function searchRequest(query: SearchQuery) {
  const sort = (sortsByKind[query.kind] as Record<string, string | null>)[query.sort] ?? null
  return {
    filter: buildFilter(query.kind, query.filters),
    facets: facetsByKind[query.kind].map((facet) => facet.attribute),
    sort: sort ? [sort] : undefined,
    hitsPerPage: SEARCH_PAGE_SIZE,
    page: query.page,
    attributesToRetrieve: [...(query.kind === 'needs' ? needFields : orgFields)],
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
export function catalogueQueries(query: SearchQuery, names: SearchIndexNames = searchIndexNames()) {
  const uid = names[query.kind]
  return [
    { indexUid: uid, q: query.q, ...searchRequest(query) },
    ...selectedFacetsOf(query).map((facet) => {
      const { [facet.param]: _own, ...others } = query.filters
      return { indexUid: uid, q: query.q, filter: buildFilter(query.kind, others), facets: [facet.attribute], limit: 0 }
    }),
  ]
}

export async function searchCatalogue(client: MeiliSearch, query: SearchQuery, names: SearchIndexNames = searchIndexNames()): Promise<SearchResult> {
  const facets = facetsByKind[query.kind]
  try {
    const selectedFacets = selectedFacetsOf(query)
    const { results } = await client.multiSearch({ queries: catalogueQueries(query, names) })
    const response = results[0]!
    const distributions = { ...response.facetDistribution }
    selectedFacets.forEach((facet, index) => {
      distributions[facet.attribute] = results[index + 1]?.facetDistribution?.[facet.attribute] ?? {}
    })
    const facetCounts: FacetCounts = {}
    for (const facet of facets) {
      const distribution = distributions[facet.attribute] ?? {}
      facetCounts[facet.param] = Object.entries(distribution)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'))
    }
    const total = response.totalHits ?? 0
    const pages = Math.max(1, response.totalPages ?? 1)
    const common = { status: 'ok' as const, total, page: query.page, pages, facets: facetCounts }
    const fields = highlightedFields[query.kind]
    const hits = response.hits.map((hit) => {
      const record = hit as Record<string, unknown>
      const formatted = hit._formatted as Record<string, unknown> | undefined
      return { ...pick(record, query.kind === 'needs' ? needFields : orgFields), highlighted: highlightsOf(formatted, fields) }
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
