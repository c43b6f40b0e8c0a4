import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import { needDocument, type NeedSource } from '~/domain/search/documents'
import { searchIndexNames } from '~/domain/search/names'
import { parseSearchQuery } from '~/domain/search/query'
import { searchCatalogue } from '~/domain/search/service.server'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes } from '../../server/search/indexes'
import { writeDocuments } from '../../server/search/source'
import { uniquePrefix } from './search-support'
import { testServices } from './support'

/**
 * Issue 15: with no keywords the search listed closed needs first. Against the real Meilisearch,
 * with documents built by the sync's own `needDocument`: open needs come first, in every order
 * the page offers; with keywords, relevance decides.
 */
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)

const day = (n: number) => new Date(Date.UTC(2026, 0, n))
const hexId = () => randomUUID().replace(/-/g, '').slice(0, 24)

function need(status: NeedStatus, publishedOn: number, title = 'Contrôle qualité de pièces usinées'): NeedSource {
  return {
    _id: hexId(),
    companyOrgId: hexId(),
    title,
    summary: 'Résumé public du besoin.',
    category: 'technical',
    domains: ['machining'],
    confidentiality: 'public',
    status,
    publishedAt: day(publishedOn),
    deadline: new Date(Date.UTC(2030, 0, publishedOn)),
  }
}

// The closed needs are the most recent ones and have the nearest deadlines: without the rank they would come first.
const closed = Array.from({ length: 14 }, (_, index) => need(index % 2 ? 'closed' : 'in_project', 20 + index))
const open = [need('published', 3), need('in_discussion', 5), need('published', 1, 'Vision industrielle pour le tri')]

beforeAll(async () => {
  await createSearchIndexes(client, { prefix })
  const documents = [...closed, ...open].map((source) => needDocument(source, { name: 'Entreprise test' })!)
  await writeDocuments(client, names.needs, documents, [])
})

afterAll(async () => {
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
})

const search = (params: Array<[string, string]>) => searchCatalogue(client, parseSearchQuery(new URLSearchParams(params)), { names })
const statusesOf = (result: Awaited<ReturnType<typeof search>>) => (result.status === 'ok' && result.kind === 'needs' ? result.hits.map((hit) => hit.status) : [])

describe('a search without keywords', () => {
  it('lists the open needs first, the newest first among them', async () => {
    const result = await search([])
    expect(result.status === 'ok' && result.total).toBe(17)
    expect(statusesOf(result).slice(0, 3)).toEqual(['in_discussion', 'published', 'published'])
    expect(statusesOf(result).slice(3).every((status) => status === 'closed' || status === 'in_project')).toBe(true)
    expect(result.status === 'ok' && result.kind === 'needs' ? result.hits.slice(0, 3).map((hit) => hit.id) : []).toEqual([open[1]!._id, open[0]!._id, open[2]!._id])
  })

  it('keeps them first whatever the order chosen (most recent, nearest deadline)', async () => {
    for (const sort of ['recent', 'deadline']) {
      const statuses = statusesOf(await search([['sort', sort]]))
      expect(statuses.slice(0, 3).sort(), sort).toEqual(['in_discussion', 'published', 'published'])
    }
  })

  it('keeps them first on a filtered page too', async () => {
    const statuses = statusesOf(await search([['domain', 'machining']]))
    expect(statuses.slice(0, 3).sort()).toEqual(['in_discussion', 'published', 'published'])
  })
})

describe('a search with keywords', () => {
  it('is ranked by relevance: the only matching need comes first even among closed ones', async () => {
    const result = await search([['q', 'vision tri']])
    expect(result.status === 'ok' && result.kind === 'needs' ? result.hits[0]?.id : null).toBe(open[2]!._id)
  })
})
