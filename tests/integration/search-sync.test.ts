import type { AppLoadContext } from '@remix-run/node'
import mongoose from 'mongoose'
import { setHidden } from '~/domain/moderation/hidden.server'
import { placeGeo } from '~/domain/places/coordinates.server'
import { resolveCommune } from '~/domain/places/communes.server'
import { cellsOf } from '~/domain/places/grid-cells'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Need } from '~/domain/needs/model.server'
import { Organisation } from '~/domain/orgs/model.server'
import { SEARCH_DOCUMENTS_VERSION } from '~/domain/search/documents'
import { searchIndexNames } from '~/domain/search/names'
import { FACET_VALUES_SHOWN, parseSearchQuery } from '~/domain/search/query'
import { filiereIds } from '~/domain/taxonomy/filieres'
import { searchCatalogue } from '~/domain/search/service.server'
import { loader as searchApiLoader } from '~/routes/api.recherche'
import { loader as searchPageLoader } from '~/routes/recherche'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes, createSearchIndexesInBackground } from '../../server/search/indexes'
import { rebuildSearchIndexes } from '../../server/search/reindex'
import { startSearchSync, SYNC_STATE_COLLECTION, type SearchSync } from '../../server/search/sync'
import { eventually, insertNeed, insertOrg, meiliRelay, uniquePrefix } from './search-support'
import { isolatedMongoUri, testLogger, testServices } from './support'

/**
 * The MongoDB → Meilisearch sync against the real servers: every write reaches the index,
 * nothing confidential does, and nothing is lost while the sync or Meilisearch is down.
 */
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)
const relay = await meiliRelay(meiliUrl)
// The sync talks to Meilisearch through the relay, so a test can cut it off.
const relayedClient = createSearchClient(relay.url(), meiliMasterKey)
let sync: SearchSync | undefined

const startSync = () => startSearchSync({ connection: mongoose.connection, client: relayedClient, logger: testLogger(), prefix })
const indexedNeed = (id: unknown) => client.index(names.needs).getDocument(String(id)).catch(() => undefined)
const indexedOrg = (id: unknown) => client.index(names.organisations).getDocument(String(id)).catch(() => undefined)
const absent = async (get: () => Promise<unknown>) => ((await get()) === undefined ? true : undefined)

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await Promise.all([Need.init(), Organisation.init()])
  await createSearchIndexes(client, { prefix })
  sync = startSync()
})

afterAll(async () => {
  await sync?.stop()
  await relay.cut()
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
  await mongoose.disconnect()
})

describe('index settings', () => {
  it('are applied from code, idempotently', async () => {
    await createSearchIndexes(client, { prefix })
    const needs = await client.index(names.needs).getSettings()
    expect(needs.filterableAttributes).toEqual(expect.arrayContaining(['domains', 'category', 'filiere', 'region', 'departement', 'territory', 'trl', 'stage', 'status', 'geoCells']))
    // No geo index: its upkeep cost ~650 ms per write at 100,000 needs (ADR 014); "près de" filters on grid cells.
    expect(needs.filterableAttributes).not.toContain('_geo')
    expect(needs.sortableAttributes).not.toContain('_geo')
    expect(needs.sortableAttributes).toEqual(expect.arrayContaining(['publishedAt', 'deadline']))
    expect(needs.searchableAttributes?.[0]).toBe('title')
    expect(needs.synonyms?.['impression 3d']).toEqual(expect.arrayContaining(['fabrication additive', '3d printing']))
    expect(needs.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['fra'] }])
    expect(needs.typoTolerance?.enabled).toBe(true)
    // Counted by count (half the work of alphabetical order), every value of every facet.
    expect(needs.faceting).toEqual({ maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } })
    const orgs = await client.index(names.organisations).getSettings()
    expect(orgs.filterableAttributes).toEqual(expect.arrayContaining(['kind', 'domains', 'filieres', 'verified', 'territories', 'trl']))
    expect(orgs.synonyms?.cobot).toEqual(expect.arrayContaining(['robot collaboratif']))
    expect(orgs.faceting).toEqual({ maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } })
  })
})

describe('sync', () => {
  it('removes a need hidden by moderation from the index, and brings it back when shown again', async () => {
    const company = await insertOrg({ name: 'Moulage Test' })
    const need = await insertNeed(company._id, { title: 'Cellule robotisée pour presse' })
    await eventually(() => indexedNeed(need._id), { what: 'need indexed' })
    await setHidden('need', String(need._id), { by: String(new mongoose.Types.ObjectId()), reason: 'Contenu publicitaire', at: new Date() })
    await eventually(() => absent(() => indexedNeed(need._id)), { what: 'hidden need removed' })
    await setHidden('need', String(need._id), null)
    await eventually(() => indexedNeed(need._id), { what: 'need shown again indexed' })
  })

  it('carries inserts, updates, unpublishing and deletes to the index', async () => {
    const company = await insertOrg({ name: 'Lunetterie Test' })
    const need = await insertNeed(company._id)
    const doc = await eventually(() => indexedNeed(need._id), { what: 'inserted need indexed' })
    expect(doc).toMatchObject({ title: 'Pièces en fabrication additive métal', companyName: 'Lunetterie Test', trl: 6 })
    // A public need sits at its commune's point (Saint-Claude).
    expect(doc).toMatchObject({ _geo: placeGeo({ communeCode: '39478' }).commune, geoCells: cellsOf(placeGeo({ communeCode: '39478' }).commune!), geoPrecision: 'commune' })
    expect(await eventually(() => indexedOrg(company._id), { what: 'org indexed' })).toMatchObject({ name: 'Lunetterie Test', kind: 'company' })

    // Typo + synonym: "impresion 3d" finds a need written as "fabrication additive".
    const typo = await client.index(names.needs).search('impresion 3d')
    expect(typo.hits.map((hit) => hit.id)).toContain(String(need._id))

    await Need.updateOne({ _id: need._id }, { title: 'Pièces imprimées en titane' })
    await eventually(async () => (await indexedNeed(need._id))?.title === 'Pièces imprimées en titane', { what: 'update indexed' })

    await Organisation.updateOne({ _id: company._id }, { name: 'Lunetterie Renommée' })
    await eventually(async () => (await indexedNeed(need._id))?.companyName === 'Lunetterie Renommée', { what: 'company rename reaches its needs' })

    await Need.updateOne({ _id: need._id }, { status: 'draft', publishedAt: null })
    await eventually(() => absent(() => indexedNeed(need._id)), { what: 'unpublished need removed' })

    const other = await insertNeed(company._id, { title: 'Cobot de palettisation' })
    await eventually(() => indexedNeed(other._id), { what: 'second need indexed' })
    await Need.deleteOne({ _id: other._id })
    await eventually(() => absent(() => indexedNeed(other._id)), { what: 'deleted need removed' })
    await Organisation.deleteOne({ _id: company._id })
    await eventually(() => absent(() => indexedOrg(company._id)), { what: 'deleted org removed' })
  })

  it('never writes confidential details or an anonymised company to the index', async () => {
    const company = await insertOrg({ name: 'Société Très Discrète' })
    const anonymous = await insertNeed(company._id, {
      title: 'Besoin anonyme en cobotique',
      confidentiality: 'anonymous',
      description: 'Détail-confidentiel-zorglub',
      budgetRange: '50k_200k',
      deadline: new Date('2030-01-01'),
    })
    const membersOnly = await insertNeed(company._id, { title: 'Besoin réservé aux membres', confidentiality: 'members', description: 'Autre-détail-zorglub' })
    const draft = await insertNeed(company._id, { title: 'Brouillon secret', status: 'draft', publishedAt: null })
    const marker = await insertNeed(company._id, { title: 'Marqueur de fin' })
    await eventually(() => indexedNeed(marker._id), { what: 'marker indexed' })

    const anonymousDoc = (await indexedNeed(anonymous._id))!
    expect(anonymousDoc).toMatchObject({ companyName: null, companyId: null, description: null, trl: null, trlTarget: null, deadline: null, communeName: null })
    expect(JSON.stringify(anonymousDoc)).not.toMatch(/zorglub|Très Discrète|50k_200k/)
    // Its position is only the département's centre: the commune is not public.
    expect(anonymousDoc).toMatchObject({ _geo: placeGeo({ communeCode: '39478' }).departement, geoCells: cellsOf(placeGeo({ communeCode: '39478' }).departement!), geoPrecision: 'departement' })
    const membersDoc = (await indexedNeed(membersOnly._id))!
    expect(membersDoc).toMatchObject({ companyName: 'Société Très Discrète', description: null, trl: null })
    expect(await indexedNeed(draft._id)).toBeUndefined()

    const leaks = await client.index(names.needs).search('zorglub')
    expect(leaks.hits).toEqual([])
    const byCompany = await client.index(names.needs).search('Discrète')
    expect(byCompany.hits.map((hit) => hit.id)).not.toContain(String(anonymous._id))
  })

  it('catches up on writes made while the sync was stopped', async () => {
    const company = await insertOrg()
    const before = await insertNeed(company._id, { title: 'Avant arrêt' })
    await eventually(() => indexedNeed(before._id), { what: 'need before stop indexed' })
    await sync!.stop()

    const during = await insertNeed(company._id, { title: 'Écrit pendant l’arrêt de la synchronisation' })
    await Need.deleteOne({ _id: before._id })
    sync = startSync()
    await eventually(() => indexedNeed(during._id), { what: 'need written while stopped indexed' })
    await eventually(() => absent(() => indexedNeed(before._id)), { what: 'delete made while stopped applied' })
  })

  it('rebuilds the indexes at start-up when they hold documents of an older shape', async () => {
    const company = await insertOrg()
    const need = await insertNeed(company._id, { title: 'Document d’une forme ancienne' })
    await eventually(() => indexedNeed(need._id), { what: 'need indexed' })
    await sync!.stop()
    // What an index written before grid cells looks like: no cells, and a state of version 1.
    await client.index(names.needs).updateDocuments([{ id: String(need._id), geoCells: null }]).waitTask()
    expect((await indexedNeed(need._id))?.geoCells).toBeNull()
    const state = mongoose.connection.collection(SYNC_STATE_COLLECTION)
    await state.updateOne({ _id: `${prefix}main` as never }, { $set: { documentsVersion: 1 } })

    sync = startSync()
    await eventually(async () => Array.isArray((await indexedNeed(need._id))?.geoCells), { what: 'document rebuilt with its cells', timeoutMs: 30_000 })
    expect(await eventually(async () => (await state.findOne({ _id: `${prefix}main` as never }))?.documentsVersion === SEARCH_DOCUMENTS_VERSION, { what: 'version stored' })).toBe(true)
  })

  it('keeps the resume token while Meilisearch is down, and catches up when it is back', async () => {
    const company = await insertOrg()
    const first = await insertNeed(company._id, { title: 'Avant la panne' })
    await eventually(() => indexedNeed(first._id), { what: 'need before outage indexed' })
    const state = mongoose.connection.collection(SYNC_STATE_COLLECTION)
    const tokenBefore = await eventually(async () => (await state.findOne({ _id: `${prefix}main` as never }))?.resumeToken, { what: 'token stored' })

    await relay.cut()
    const during = await insertNeed(company._id, { title: 'Pendant la panne de Meilisearch' })
    // The app's write succeeded without Meilisearch; the sync tries, fails, and the stored token stays.
    expect(await Need.exists({ _id: during._id })).not.toBeNull()
    const failuresBefore = sync!.failedWrites()
    await eventually(async () => sync!.failedWrites() > failuresBefore + 1, { what: 'sync retried while Meilisearch is down' })
    expect((await state.findOne({ _id: `${prefix}main` as never }))?.resumeToken).toEqual(tokenBefore)

    await relay.restore()
    await eventually(() => indexedNeed(during._id), { what: 'need written during outage indexed', timeoutMs: 30_000 })
  })
})

describe('search', () => {
  it('filters with escaped values: injection attempts are plain values, not syntax', async () => {
    const company = await insertOrg()
    const need = await insertNeed(company._id, { title: 'Filtre test vision', domains: ['machine-vision'], category: 'process' })
    await eventually(() => indexedNeed(need._id), { what: 'need indexed' })
    const params = new URLSearchParams([
      ['q', 'vision'],
      ['region', 'Bourgogne-Franche-Comté'],
    ])
    const ok = await searchCatalogue(client, parseSearchQuery(params), { names })
    expect(ok.status === 'ok' && ok.hits.map((hit) => hit.id)).toContain(String(need._id))

    for (const attack of ['x" OR category = "process', 'Jura\\', 'Jura (39) OR 1=1', 'a\\" OR status = \\"published']) {
      const query = { kind: 'needs' as const, q: '', page: 1, sort: 'relevance', filters: { region: [attack] }, near: null }
      const result = await searchCatalogue(client, query, { names })
      expect(result).toMatchObject({ status: 'ok', total: 0 })
    }
  })

  it('« près de » keeps the needs within the radius, through their grid cells, each with its distance', async () => {
    const company = await insertOrg()
    const near = await insertNeed(company._id, { title: 'Rayon grille Saint-Claude' })
    const far = await insertNeed(company._id, { title: 'Rayon grille Brest', location: resolveCommune('29019') })
    await eventually(async () => Boolean((await indexedNeed(near._id)) && (await indexedNeed(far._id))), { what: 'needs indexed' })
    // Oyonnax is about 20 km from Saint-Claude and 800 from Brest.
    const oyonnax = placeGeo({ communeCode: '01283' }).commune!
    const query = parseSearchQuery(new URLSearchParams([['q', 'rayon grille']]))
    const within25 = await searchCatalogue(client, query, { names, geo: { point: oyonnax, radiusKm: 25 } })
    if (within25.status !== 'ok' || within25.kind !== 'needs') throw new Error('search unavailable')
    expect(within25.hits.map((hit) => hit.title)).toEqual(['Rayon grille Saint-Claude'])
    expect(within25.hits[0]!.distanceKm).toBeGreaterThan(15)
    expect(within25.hits[0]!.distanceKm).toBeLessThan(25)
    const within10 = await searchCatalogue(client, query, { names, geo: { point: oyonnax, radiusKm: 10 } })
    expect(within10).toMatchObject({ status: 'ok', total: 0 })
    const anywhere = await searchCatalogue(client, query, { names })
    expect(anywhere).toMatchObject({ status: 'ok', total: 2 })
  })

  it('returns facet counts and highlights', async () => {
    const result = await searchCatalogue(client, parseSearchQuery(new URLSearchParams([['q', 'vision']])), { names })
    expect(result.status).toBe('ok')
    if (result.status !== 'ok') return
    expect(result.facets.domain).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'machine-vision' })]))
    const title = result.hits[0]!.highlighted.title!
    expect(title.some((segment) => segment.match && /vision/i.test(segment.text))).toBe(true)
  })

  it('counts a facet with a selection without its own filter (OR within a facet)', async () => {
    const result = await searchCatalogue(client, parseSearchQuery(new URLSearchParams([['domain', 'machine-vision']])), { names })
    if (result.status !== 'ok') throw new Error('search unavailable')
    expect(result.hits.every((hit) => hit.domains.includes('machine-vision'))).toBe(true)
    const domains = result.facets.domain!.map((item) => item.value)
    expect(domains).toEqual(expect.arrayContaining(['machine-vision', 'additive-manufacturing']))
    // Other facets are counted within the selection.
    expect(result.facets.category).toEqual([{ value: 'process', count: result.total }])
  })

  it('lists the most frequent facet values with exact counts, and a selected value further down with its own', async () => {
    const company = await insertOrg()
    // Ten filières: one on four needs, nine on one need each.
    const [frequent, ...rare] = filiereIds.slice(0, 10)
    const needs = [
      ...Array.from({ length: 4 }, () => insertNeed(company._id, { title: 'Comptage facettes', filiere: frequent })),
      ...rare.map((filiere) => insertNeed(company._id, { title: 'Comptage facettes', filiere })),
    ]
    const inserted = await Promise.all(needs)
    await eventually(async () => (await Promise.all(inserted.map((need) => indexedNeed(need._id)))).every(Boolean), { what: 'needs indexed' })

    const all = await searchCatalogue(client, parseSearchQuery(new URLSearchParams([['q', 'comptage facettes']])), { names })
    if (all.status !== 'ok') throw new Error('search unavailable')
    expect(all.total).toBe(13)
    expect(all.facets.filiere).toHaveLength(FACET_VALUES_SHOWN)
    expect(all.facets.filiere![0]).toEqual({ value: frequent, count: 4 })
    expect(all.facets.filiere!.slice(1).every((item) => item.count === 1)).toBe(true)

    const unlisted = rare.find((filiere) => !all.facets.filiere!.some((item) => item.value === filiere))!
    const selected = await searchCatalogue(client, parseSearchQuery(new URLSearchParams([['q', 'comptage facettes'], ['filiere', unlisted]])), { names })
    if (selected.status !== 'ok') throw new Error('search unavailable')
    expect(selected.total).toBe(1)
    // Counted without its own filter (the other filières stay offered), and the selected one is there with its count.
    expect(selected.facets.filiere).toHaveLength(FACET_VALUES_SHOWN + 1)
    expect(selected.facets.filiere).toContainEqual({ value: unlisted, count: 1 })
  })

  it('says "unavailable" when Meilisearch cannot be reached, and the page loader still answers', async () => {
    const dead = createSearchClient('http://127.0.0.1:1', meiliMasterKey)
    expect(await searchCatalogue(dead, parseSearchQuery(new URLSearchParams('q=test')), { names })).toEqual({ status: 'unavailable' })
    const context = { search: dead, logger: testLogger() } as unknown as AppLoadContext
    const data = await searchPageLoader({ request: new Request(`http://localhost/recherche?q=${'x'.repeat(500)}`), context, params: {} })
    expect(data).toMatchObject({ result: { status: 'unavailable' }, truncated: true, query: { q: 'x'.repeat(200) } })
    // The JSON endpoint the page's live searches use answers the same.
    const response = await searchApiLoader({ request: new Request('http://localhost/api/recherche?q=test&domain=ai'), context, params: {} })
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toMatchObject({ result: { status: 'unavailable' }, truncated: false, query: { q: 'test', filters: { domain: ['ai'] } } })
  })
})

describe('npm run search:reindex', () => {
  it('rebuilds both indexes and swaps them in, leaving no temporary index', async () => {
    const company = await insertOrg({ name: 'Reindex Co' })
    const need = await insertNeed(company._id, { title: 'Besoin à réindexer' })
    await eventually(() => indexedNeed(need._id), { what: 'need indexed' })
    // A stale document the rebuild must drop.
    await client.index(names.needs).addDocuments([{ id: 'stale', title: 'Fantôme' }]).waitTask()
    const progress: string[] = []
    await rebuildSearchIndexes({ connection: mongoose.connection, client, prefix, onProgress: (p) => progress.push(`${p.kind}:${p.phase}`) })
    expect(progress).toContain('needs:swapped')
    expect(progress).toContain('organisations:swapped')
    expect(await indexedNeed('stale')).toBeUndefined()
    expect(await indexedNeed(need._id)).toMatchObject({ title: 'Besoin à réindexer' })
    const { results } = await client.getIndexes({ limit: 1000 })
    expect(results.map((index) => index.uid).filter((uid) => uid.startsWith(prefix) && uid.includes('__rebuild_'))).toEqual([])
    expect((await client.index(names.needs).getSettings()).synonyms?.['ia']).toEqual(expect.arrayContaining(['ai']))
  })
})

describe('start-up without Meilisearch', () => {
  it('retries the index settings in the background until Meilisearch answers', async () => {
    const otherPrefix = uniquePrefix()
    const outage = await meiliRelay(meiliUrl)
    await outage.cut()
    const setup = createSearchIndexesInBackground(createSearchClient(outage.url(), meiliMasterKey), testLogger(), { prefix: otherPrefix })
    let settled = false
    void setup.ready.then(() => (settled = true))
    // Nothing waits on it: the promise is still pending while Meilisearch is away.
    expect(settled).toBe(false)
    await outage.restore()
    expect(await setup.ready).toBe(true)
    expect((await client.index(`${otherPrefix}needs`).getSettings()).synonyms?.cobot).toContain('robot collaboratif')
    setup.stop()
    await outage.cut()
    for (const uid of Object.values(searchIndexNames(otherPrefix))) await client.deleteIndex(uid).waitTask().catch(() => undefined)
  })
})
