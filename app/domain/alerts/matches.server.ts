import type { MeiliSearch } from 'meilisearch'
import { ModerationState } from '../moderation/model.server'
import { Need } from '../needs/model.server'
import { needDocument, type NeedSource } from '../search/documents'
import { searchIndexNames, type SearchIndexNames } from '../search/names'
import { resolveNear } from '../search/near.server'
import { cellsFilter } from '../places/grid-cells'
import { buildFilter, type SearchQuery } from '../search/query'
import type { AlertNeed } from './mail'
import { ALERT_MAIL_MAX_NEEDS } from './mail'

/**
 * The new needs of an alert: its saved search sent to Meilisearch with the search page's own
 * filter (search/query.ts) and "près de" resolution, restricted to needs published in
 * (since, until] — then checked again against MongoDB with the index's own rule (a need is shown
 * only as its public search document: needDocument, minus needs hidden by moderation), so an
 * e-mail never lists a need the search page would not, even if the index lags behind.
 */
export type AlertSearch = { client: MeiliSearch; names?: SearchIndexNames }
type Window = { since: Date; until: Date }

/** One Meilisearch query of a multi-search: the alert's query and filters, newest first. */
export function alertSearchRequest(query: SearchQuery, { since, until }: Window, indexUid: string) {
  const near = query.near ? resolveNear(query.near) : null
  const clauses = [buildFilter('needs', query.filters), `publishedAt > ${since.getTime()} AND publishedAt <= ${until.getTime()}`]
  // As on the page: a place that resolves to one commune limits the results; another is ignored.
  if (near?.status === 'found') clauses.push(cellsFilter(near.scope.point, near.scope.radiusKm))
  return {
    indexUid,
    q: query.q,
    filter: clauses.filter(Boolean).map((clause) => `(${clause})`).join(' AND '),
    sort: ['publishedAt:desc'],
    limit: ALERT_MAIL_MAX_NEEDS,
    attributesToRetrieve: ['id'],
  }
}

/** For each query, the ids found (newest first) and how many match in all. */
export async function searchNewNeeds(search: AlertSearch, queries: Array<{ query: SearchQuery; window: Window }>) {
  if (!queries.length) return []
  const uid = (search.names ?? searchIndexNames()).needs
  const { results } = await search.client.multiSearch({ queries: queries.map(({ query, window }) => alertSearchRequest(query, window, uid)) })
  return results.map((result) => ({ ids: result.hits.map((hit) => String(hit.id)), total: result.estimatedTotalHits ?? result.hits.length }))
}

/** The needs among `ids` that are in the public search right now, as their search document shows them. */
export async function searchableNeeds(ids: readonly string[]): Promise<Map<string, AlertNeed>> {
  if (!ids.length) return new Map()
  const [needs, hidden] = await Promise.all([
    Need.find({ _id: { $in: ids } }).lean(),
    ModerationState.find({ targetKind: 'need', targetId: { $in: ids }, hiddenAt: { $ne: null } }, { targetId: 1 }).lean(),
  ])
  const hiddenIds = new Set(hidden.map((state) => String(state.targetId)))
  const result = new Map<string, AlertNeed>()
  for (const need of needs) {
    if (hiddenIds.has(String(need._id))) continue
    const document = needDocument(need as unknown as NeedSource, null)
    if (document) result.set(document.id, { id: document.id, title: document.title, territory: document.territory, region: document.region, domains: document.domains })
  }
  return result
}
