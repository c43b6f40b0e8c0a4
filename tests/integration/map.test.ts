import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noMapFilters, type MapFilters } from '~/domain/map/filters'
import { mapFor, type MapData } from '~/domain/map/service.server'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import type { Confidentiality } from '~/domain/needs/vocabulary'
import { resolveCommune } from '~/domain/places/communes.server'
import { needDocument, organisationDocument, type NeedSource, type OrganisationSource } from '~/domain/search/documents'
import { searchIndexNames } from '~/domain/search/names'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes } from '../../server/search/indexes'
import { writeDocuments } from '../../server/search/source'
import { uniquePrefix } from './search-support'
import { testServices } from './support'

/**
 * The map's aggregation against the real Meilisearch, on documents built by the sync's own
 * `needDocument` / `organisationDocument` (what the app indexes, nothing more): exact counts by
 * département and territory, the small-count rule, the competence gap, and no trace of a need
 * the public may not see.
 */
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)

const hexId = () => randomUUID().replace(/-/g, '').slice(0, 24)
const place = (code: string) => resolveCommune(code)!
const saintClaude = place('39478') // Jura
const oyonnax = place('01283') // Ain, borders Jura
const bordeaux = place('33063') // Gironde
const besancon = place('25056') // Doubs, borders Jura
const aurillac = place('15014') // Cantal

function need(location: ReturnType<typeof place>, overrides: Partial<NeedSource> = {}): NeedSource {
  return {
    _id: hexId(),
    companyOrgId: hexId(),
    title: 'Besoin de test',
    summary: 'Résumé public.',
    category: 'technical',
    domains: ['ai'],
    trlTarget: 6,
    confidentiality: 'public' as Confidentiality,
    status: 'published' as NeedStatus,
    publishedAt: new Date(),
    location,
    ...overrides,
  }
}

function org(location: ReturnType<typeof place>, overrides: Partial<OrganisationSource> = {}): OrganisationSource {
  const id = hexId()
  return { _id: id, slug: `org-${id}`, name: `Organisation ${id}`, kind: 'lab', domains: ['robotics'], trlMin: 3, trlMax: 7, location, territories: [], ...overrides }
}

const needs: NeedSource[] = [
  // Jura: 4 online needs in Haut-Jura (one of them members-only: counted, as the search lists it).
  ...Array.from({ length: 3 }, () => need(saintClaude, { territory: 'haut-jura' })),
  need(saintClaude, { territory: 'haut-jura', confidentiality: 'members', status: 'in_discussion' }),
  // Jura: never online — must not count anywhere.
  need(saintClaude, { territory: 'haut-jura', status: 'submitted', publishedAt: null }),
  need(saintClaude, { territory: 'haut-jura', status: 'draft', publishedAt: null }),
  // Ain: 2 needs, below the threshold.
  need(oyonnax, { domains: ['machining'] }),
  need(oyonnax, { domains: ['machining'] }),
  // Gironde: 3 machining needs, with a machining lab in Gironde.
  ...Array.from({ length: 3 }, () => need(bordeaux, { domains: ['machining'], trlTarget: 4 })),
  // Cantal: a private (submitted) need only — its département must not show.
  need(aurillac, { status: 'submitted', publishedAt: null }),
  need(aurillac, { status: 'closed', publishedAt: null }),
]

const orgs: OrganisationSource[] = [
  org(bordeaux, { domains: ['machining'] }),
  org(bordeaux, { domains: ['machining'], kind: 'technology_centre' }),
  org(bordeaux, { domains: ['machining'], kind: 'pole' }),
  // Doubs, next to Jura: a robotics lab — a competence nearby, but not in AI.
  org(besancon, { domains: ['robotics'], territories: ['haut-jura'] }),
  // Companies are not competences unless the kind is chosen.
  ...Array.from({ length: 3 }, () => org(saintClaude, { kind: 'company', domains: ['ai'], territories: ['haut-jura'] })),
]

beforeAll(async () => {
  await createSearchIndexes(client, { prefix })
  const needDocuments = needs.map((source) => needDocument(source, { name: 'Entreprise test' })).filter((document) => document !== null)
  await writeDocuments(client, names.needs, needDocuments, [])
  await writeDocuments(client, names.organisations, orgs.map((source) => organisationDocument(source)), [])
})

afterAll(async () => {
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
})

const map = async (filters: Partial<MapFilters> = {}, scope?: { territory: string }) => {
  const data = await mapFor(client, { ...noMapFilters, ...filters }, scope, { names })
  if (data.status !== 'ok') throw new Error('map unavailable')
  return data
}
const area = (data: Extract<MapData, { status: 'ok' }>, code: string) => data.areas.find((item) => item.code === code)!
const fewer = { kind: 'fewer', than: 3 }

describe('the map of needs and competences', () => {
  it('counts online needs and competences by département, exactly from 3 up', async () => {
    const data = await map()
    expect(data.areas).toHaveLength(101)
    expect(area(data, '39').needs).toEqual({ kind: 'exact', value: 4 })
    expect(area(data, '33').needs).toEqual({ kind: 'exact', value: 3 })
    expect(area(data, '33').competences).toEqual({ kind: 'exact', value: 3 })
    // Companies are not counted as competences.
    expect(area(data, '39').competences).toEqual(fewer)
  })

  it('never shows a count below 3: two needs read « fewer than 3 », like none at all', async () => {
    const data = await map()
    expect(area(data, '01').needs).toEqual(fewer)
    expect(area(data, '01').needs).toEqual(area(data, '48').needs)
    for (const item of [...data.areas, ...data.territories]) {
      for (const count of [item.needs, item.competences]) if (count.kind === 'exact') expect(count.value).toBeGreaterThanOrEqual(3)
    }
  })

  it('reveals nothing of needs the public may not see: a private need’s département looks empty', async () => {
    const data = await map()
    const cantal = area(data, '15')
    expect(cantal).toMatchObject({ needs: fewer, gap: false, colourClass: 0 })
    expect(cantal).toEqual({ ...area(data, '48'), code: '15', name: 'Cantal', needsHref: expect.any(String), competencesHref: expect.any(String) })
    // Submitted and draft needs in Jura add nothing to its count.
    expect(area(data, '39').needs).toEqual({ kind: 'exact', value: 4 })
    // No document id, title or position leaves the map.
    const text = JSON.stringify(data)
    for (const source of needs) expect(text).not.toContain(source._id.toString())
    expect(text).not.toContain('Saint-Claude')
    expect(text).not.toContain('Aurillac')
  })

  it('applies the search filters to both layers', async () => {
    const machining = await map({ domain: ['machining'] })
    expect(area(machining, '39').needs).toEqual(fewer)
    expect(area(machining, '33').needs).toEqual({ kind: 'exact', value: 3 })
    const trl4 = await map({ trl: ['4'] })
    expect(area(trl4, '33').needs).toEqual({ kind: 'exact', value: 3 })
    expect(area(trl4, '39').needs).toEqual(fewer)
    const companies = await map({ kind: ['company'] })
    expect(area(companies, '39').competences).toEqual({ kind: 'exact', value: 3 })
    expect(area(companies, '33').competences).toEqual(fewer)
    const inDiscussion = await map({ status: ['published'] })
    expect(area(inDiscussion, '39').needs).toEqual({ kind: 'exact', value: 3 })
  })

  it('highlights needs with no matching competence in the département or next door', async () => {
    // Unfiltered: the Doubs robotics lab is a competence next to Jura.
    expect(area(await map(), '39').gap).toBe(false)
    // In AI, nobody near Jura: a gap. Gironde has its machining lab: no gap.
    const ai = await map({ domain: ['ai'] })
    expect(area(ai, '39').gap).toBe(true)
    expect(ai.gaps).toBe(1)
    const machining = await map({ domain: ['machining'] })
    expect(area(machining, '33').gap).toBe(false)
    // Ain's two needs are never highlighted (it would reveal them).
    expect(area(machining, '01').gap).toBe(false)
  })

  it('counts by Territoire d’industrie, and a territory’s map keeps to it', async () => {
    const data = await map()
    const hautJura = data.territories.find((territory) => territory.id === 'haut-jura')!
    expect(hautJura.needs).toEqual({ kind: 'exact', value: 4 })
    expect(hautJura.competences).toEqual(fewer)
    const scoped = await map({}, { territory: 'haut-jura' })
    expect(scoped.territories.map((territory) => territory.id)).toEqual(['haut-jura'])
    expect(area(scoped, '39').needs).toEqual({ kind: 'exact', value: 4 })
    expect(area(scoped, '33').needs).toEqual(fewer)
    expect(area(scoped, '39').needsHref).toContain('territory=haut-jura')
  })

  it('links each area to the search with the same filters and its département', async () => {
    const data = await map({ domain: ['ai'], trl: ['6'] })
    expect(area(data, '39').needsHref).toBe('/recherche?type=needs&domain=ai&trl=6&departement=Jura')
    expect(area(data, '39').competencesHref).toBe('/recherche?type=organisations&domain=ai&trl=6&kind=lab&kind=technology_centre&kind=cluster&kind=pole&departement=Jura')
  })

  it('says « unavailable » when Meilisearch cannot be reached, without throwing', async () => {
    const down = createSearchClient('http://127.0.0.1:9', meiliMasterKey)
    expect(await mapFor(down, noMapFilters, undefined, { names })).toEqual({ status: 'unavailable' })
  })
})
