import type { Settings } from 'meilisearch'
import { searchIndexNames, type SearchIndexNames, type SearchKind } from '../../app/domain/search/names.js'
import { buildSynonyms } from '../../app/domain/search/synonyms.js'
import type { Logger } from '../logger.js'
import type { SearchClient } from './client.js'

/**
 * Index settings live in code and are applied at start-up, idempotently (Meilisearch
 * compares and does nothing when they are unchanged). The search page and the sync rely
 * on these attribute names (app/domain/search/documents.ts, query.ts).
 */
const typoTolerance: Settings['typoTolerance'] = {
  enabled: true,
  // "impresion" (one typo) must still find "impression".
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
}

const french: Settings['localizedAttributes'] = [{ attributePatterns: ['*'], locales: ['fra'] }]

/**
 * Indexing cost of every write (the sync adds documents one change at a time): no search inside
 * facet values (the page never asks for it), and word proximity counted per attribute — the
 * word-pair database is the costliest to keep up to date, and our fields are short.
 */
const lighterIndexing = { facetSearch: false, proximityPrecision: 'byAttribute' } as const satisfies Settings

/**
 * Facet values counted by count, not alphabetically: Meilisearch's count order does half the work
 * on the page's 8–9 facet distributions (measured: p95 12.6 → 5.7 ms at concurrency 1 on 10k needs,
 * docs/benchmarks.md). 200 is more than any facet has values (183 Territoires d'industrie, 101
 * départements), so every count is complete and a selected value always has its own.
 */
const faceting = { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } } as const satisfies Settings['faceting']

export function indexSettings(kind: SearchKind): Settings {
  const synonyms = buildSynonyms()
  if (kind === 'needs') {
    return {
      searchableAttributes: ['title', 'domainLabels', 'summary', 'companyName', 'description', 'communeName', 'departement', 'region'],
      // Only what a filter uses: every filterable attribute is kept up to date on each write.
      // publishedAt: saved-search alerts ask for the needs published since their last run.
      filterableAttributes: ['domains', 'category', 'filiere', 'stage', 'status', 'trl', 'region', 'departement', 'territory', 'publishedAt', 'geoCells'],
      sortableAttributes: ['openRank', 'publishedAt', 'deadline'],
      displayedAttributes: ['*'],
      localizedAttributes: french,
      typoTolerance,
      synonyms,
      pagination: { maxTotalHits: 1000 },
      faceting,
      ...lighterIndexing,
    }
  }
  return {
    searchableAttributes: ['name', 'domainLabels', 'keywords', 'equipment', 'description', 'communeName', 'departement', 'region'],
    filterableAttributes: ['kind', 'domains', 'filieres', 'trl', 'region', 'departement', 'territories', 'verified', 'geoCells'],
    sortableAttributes: ['createdAt', 'name'],
    displayedAttributes: ['*'],
    localizedAttributes: french,
    typoTolerance,
    synonyms,
    pagination: { maxTotalHits: 1000 },
    faceting,
    ...lighterIndexing,
  }
}

const TASK_TIMEOUT_MS = 60_000

/** Creates the index if missing (primary key `id`) and applies its settings. */
export async function ensureIndex(client: SearchClient, uid: string, kind: SearchKind) {
  const exists = await client
    .index(uid)
    .getRawInfo()
    .then(() => true)
    .catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false
      throw error
    })
  if (!exists) {
    const task = await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS })
    // A concurrent start may have created it first: that is fine.
    if (task.status === 'failed' && task.error?.code !== 'index_already_exists') throw new Error(`creating index ${uid}: ${task.error?.message}`)
  }
  const task = await client.index(uid).updateSettings(indexSettings(kind)).waitTask({ timeout: TASK_TIMEOUT_MS })
  if (task.status === 'failed') throw new Error(`settings of index ${uid}: ${task.error?.message}`)
}

export async function createSearchIndexes(client: SearchClient, options: { prefix?: string } = {}): Promise<SearchIndexNames> {
  const names = searchIndexNames(options.prefix)
  await ensureIndex(client, names.needs, 'needs')
  await ensureIndex(client, names.organisations, 'organisations')
  return names
}

/**
 * Start-up never waits on Meilisearch: the settings are applied in the background and
 * retried with backoff until Meilisearch answers. `ready` resolves once they are applied.
 */
export function createSearchIndexesInBackground(client: SearchClient, logger: Logger, options: { prefix?: string } = {}) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let wake: (() => void) | undefined
  const ready = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const names = await createSearchIndexes(client, options)
        logger.info({ indexes: names }, 'search indexes configured')
        return true
      } catch (error) {
        const delay = Math.min(30_000, 500 * 2 ** attempt)
        logger.warn({ err: error, retryInMs: delay }, 'search indexes not configured yet (Meilisearch unavailable?), will retry')
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, delay)
        })
      }
    }
    return false
  })()
  return {
    /** true once configured; false if stopped before. */
    ready,
    stop() {
      stopped = true
      clearTimeout(timer)
      wake?.()
    },
  }
}
