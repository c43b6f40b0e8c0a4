import type { AppLoadContext } from '@remix-run/node'
import { resolveNear } from '~/domain/search/near.server'
import { parseSearchQuery, SEARCH_QUERY_MAX } from '~/domain/search/query'
import { searchCatalogue } from '~/domain/search/service.server'

/**
 * Everything the search page shows for a URL: the parsed query, the hits with their facet
 * counts, where "près de" is centred. The page's loader (first load, no JavaScript) and the
 * JSON endpoint its client navigations use (GET /api/recherche) both answer with this.
 */
export async function searchPageData(url: URL, context: Pick<AppLoadContext, 'search' | 'logger'>) {
  const params = url.searchParams
  const query = parseSearchQuery(params)
  const near = query.near ? resolveNear(query.near) : null
  const result = await searchCatalogue(context.search, query, { geo: near?.status === 'found' ? near.scope : undefined })
  if (result.status === 'unavailable') context.logger.warn('search unavailable: Meilisearch did not answer')
  const nearShown = near?.status === 'found' ? { status: near.status, label: near.label, radiusKm: near.radiusKm } : near
  return { query, result, near: nearShown, truncated: (params.get('q') ?? '').trim().length > SEARCH_QUERY_MAX }
}

export type SearchPageData = Awaited<ReturnType<typeof searchPageData>>
