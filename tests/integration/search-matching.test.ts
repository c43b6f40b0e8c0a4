import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needDocument, organisationDocument } from '~/domain/search/documents'
import { needsForOrganisation, suggestPartners } from '~/domain/search/matching.server'
import { searchIndexNames } from '~/domain/search/names'
import { parseSearchQuery } from '~/domain/search/query'
import { searchCatalogue } from '~/domain/search/service.server'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes } from '../../server/search/indexes'
import { uniquePrefix } from './search-support'
import { testServices } from './support'

/** Matching against the real Meilisearch, with documents written straight into fresh indexes. */
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)
const id = (n: number) => n.toString(16).padStart(24, '0')
const jura = { communeName: 'Saint-Claude', departementName: 'Jura', regionName: 'Bourgogne-Franche-Comté' }
const gers = { communeName: 'Auch', departementName: 'Gers', regionName: 'Occitanie' }
const org = (n: number, fields: Record<string, unknown>) => organisationDocument({ _id: id(n), slug: `org-${n}`, name: `Org ${n}`, kind: 'lab', ...fields })

beforeAll(async () => {
  await createSearchIndexes(client, { prefix })
  await client
    .index(names.organisations)
    .addDocuments([
      org(1, { name: 'Labo cobotique du Jura', domains: ['robotics'], trlMin: 3, trlMax: 6, location: jura }),
      org(2, { name: 'Centre robotique du Gers', kind: 'technology_centre', domains: ['robotics'], trlMin: 3, trlMax: 6, location: gers }),
      org(3, { name: 'Centre industrialisation', kind: 'technology_centre', domains: ['robotics'], trlMin: 7, trlMax: 9, location: jura }),
      org(4, { name: 'Labo IA', domains: ['ai'], trlMin: 1, trlMax: 9, location: jura }),
      org(5, { name: 'Entreprise robotique', kind: 'company', domains: ['robotics'], location: jura }),
    ])
    .waitTask()
  const need = (n: number, fields: Record<string, unknown>) =>
    needDocument({ _id: id(100 + n), title: `Besoin ${n}`, confidentiality: 'public', status: 'published', publishedAt: new Date(), companyOrgId: id(5), ...fields } as never, { name: 'Entreprise robotique' })!
  await client
    .index(names.needs)
    .addDocuments([
      need(1, { title: 'Cobot de palettisation', domains: ['robotics'], trlTarget: 5, location: { ...jura } }),
      need(2, { title: 'Industrialiser un cobot', domains: ['robotics'], trlTarget: 9, location: { ...jura } }),
      need(3, { title: 'Vision', domains: ['machine-vision'], trlTarget: 5, location: { ...jura } }),
      need(4, { title: 'Brouillon', domains: ['robotics'], status: 'draft', publishedAt: null }),
    ].filter(Boolean))
    .waitTask()
})

afterAll(async () => {
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
})

describe('suggestPartners', () => {
  it('suggests research-side organisations sharing a domain whose TRL range covers the target, nearer first, with reasons', async () => {
    const result = await suggestPartners(client, { title: 'Cobot de palettisation', domains: ['robotics'], trlTarget: 5, departementName: 'Jura', regionName: 'Bourgogne-Franche-Comté' }, { names })
    expect(result.status).toBe('ok')
    if (result.status !== 'ok') return
    expect(result.items.map((item) => item.name)).toEqual(['Labo cobotique du Jura', 'Centre robotique du Gers'])
    expect(result.items[0]!.explanation).toMatchObject({ matchedDomains: ['robotics'], trlFit: 'covers', proximity: 'departement' })
  })
})

describe('distance', () => {
  const geoPrefix = uniquePrefix()
  const geoNames = searchIndexNames(geoPrefix)
  const saintClaude = { communeCode: '39478', departementCode: '39', departementName: 'Jura', regionName: 'Bourgogne-Franche-Comté' }
  const oyonnax = { lat: 46.25917, lng: 5.65727 }
  const cholet = { lat: 47.05893, lng: -0.87974 }

  beforeAll(async () => {
    await createSearchIndexes(client, { prefix: geoPrefix })
    // More far-away candidates than one search brings back, and the near one written last:
    // only a nearest-first candidate search can find it.
    const far = Array.from({ length: 260 }, (_, n) =>
      organisationDocument({ _id: id(1000 + n), slug: `far-${n}`, name: `Labo lointain ${n}`, kind: 'lab', domains: ['robotics'], trlMin: 3, trlMax: 6 }, { commune: cholet, departement: cholet }),
    )
    const near = organisationDocument({ _id: id(5000), slug: 'near', name: 'Labo proche', kind: 'lab', domains: ['robotics'], trlMin: 3, trlMax: 6 }, { commune: oyonnax, departement: oyonnax })
    await client.index(geoNames.organisations).addDocuments(far).waitTask()
    await client.index(geoNames.organisations).addDocuments([near]).waitTask()
  })

  afterAll(async () => {
    for (const uid of Object.values(geoNames)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
  })

  it('finds the nearest partners first among many, and says how far they are', async () => {
    const result = await suggestPartners(client, { title: 'Cobot', domains: ['robotics'], trlTarget: 5, ...saintClaude }, { names: geoNames })
    expect(result.status === 'ok' && result.items[0]).toMatchObject({ name: 'Labo proche', explanation: { distanceKm: 20, distanceApproximate: false } })
    expect(result.status === 'ok' && result.items[1]!.explanation.distanceKm).toBeGreaterThan(500)
  })

  it('limits the search page to a radius around a place, with the distance of each hit', async () => {
    const query = parseSearchQuery(new URLSearchParams('type=organisations&domain=robotics'))
    const near = await searchCatalogue(client, query, { names: geoNames, geo: { point: { lat: 46.38679, lng: 5.86473 }, radiusKm: 50 } })
    expect(near.status === 'ok' && near.kind === 'organisations' && near.hits.map((hit) => [hit.name, hit.distanceKm])).toEqual([['Labo proche', 20]])
    const wide = await searchCatalogue(client, query, { names: geoNames, geo: { point: { lat: 46.38679, lng: 5.86473 }, radiusKm: 600 } })
    expect(wide.status === 'ok' && wide.total).toBe(261)
    // The page keeps its own order (ADR 014: no geo sort); every hit says how far it is.
    expect(wide.status === 'ok' && wide.hits.every((hit) => hit.distanceKm !== null && hit.distanceKm <= 600)).toBe(true)
    const everywhere = await searchCatalogue(client, query, { names: geoNames })
    expect(everywhere.status === 'ok' && everywhere.hits[0]!.distanceKm).toBeNull()
  })

  it('measures from the département’s centre, as approximate, when the commune has no point', async () => {
    // L'Abergement-Clémenciat (Ain) is too small for GeoNames' list of towns.
    const result = await suggestPartners(client, { title: 'Cobot', domains: ['robotics'], trlTarget: 5, communeCode: '01001', departementCode: '01' }, { names: geoNames })
    expect(result.status === 'ok' && result.items[0]).toMatchObject({ name: 'Labo proche', explanation: { distanceApproximate: true } })
  })
})

describe('needsForOrganisation', () => {
  it('lists open needs in its domains and TRL range', async () => {
    const result = await needsForOrganisation(client, { domains: ['robotics'], keywords: ['cobot'], trlMin: 3, trlMax: 6, departementName: 'Jura', regionName: 'Bourgogne-Franche-Comté' }, { names })
    expect(result.status === 'ok' && result.items.map((item) => item.title)).toEqual(['Cobot de palettisation'])
  })

  it('says unavailable when Meilisearch cannot be reached', async () => {
    const dead = createSearchClient('http://127.0.0.1:1', meiliMasterKey)
    expect(await needsForOrganisation(dead, { domains: ['robotics'] }, { names })).toEqual({ status: 'unavailable' })
  })
})
