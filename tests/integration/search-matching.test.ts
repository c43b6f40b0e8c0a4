import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needDocument, organisationDocument } from '~/domain/search/documents'
import { needsForOrganisation, suggestPartners } from '~/domain/search/matching.server'
import { searchIndexNames } from '~/domain/search/names'
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
