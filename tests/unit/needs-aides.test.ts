import { describe, expect, it } from 'vitest'
import { matchAides, type InstitutionalService } from '~/domain/needs/aides'
import { needCategories, needStages } from '~/domain/needs/vocabulary'
import { institutionalServices } from '~/domain/needs/aides-catalogue'

const service = (id: string, overrides: Partial<InstitutionalService> = {}): InstitutionalService => ({
  id,
  name: id,
  forWhom: { fr: '', en: '' },
  funds: { fr: '', en: '' },
  categories: ['technical'],
  stages: [],
  sizes: [],
  regions: 'national',
  contact: { body: 'Organisme', website: 'exemple.fr' },
  ...overrides,
})

const ids = (matches: ReturnType<typeof matchAides>) => matches.map((match) => match.service.id)

describe('aides matching', () => {
  const catalogue = [
    service('any-technical'),
    service('financing-only', { categories: ['financing'] }),
    service('diagnostic-only', { stages: ['diagnostic'] }),
    service('sme-only', { sizes: ['tpe', 'pme'] }),
    service('pays-de-la-loire', { regions: ['52'] }),
  ]

  it('needs the category to match, and nothing without one', () => {
    expect(ids(matchAides(catalogue, { category: 'financing' }))).toEqual(['financing-only'])
    expect(matchAides(catalogue, {})).toEqual([])
  })

  it('keeps regional services to their region, and national ones everywhere', () => {
    expect(ids(matchAides(catalogue, { category: 'technical', regionCode: '27' }))).not.toContain('pays-de-la-loire')
    expect(ids(matchAides(catalogue, { category: 'technical', regionCode: '52' }, 10))).toContain('pays-de-la-loire')
    expect(ids(matchAides(catalogue, { category: 'technical' }, 10))).not.toContain('pays-de-la-loire')
  })

  it('filters on stage and size when both sides know them', () => {
    expect(ids(matchAides(catalogue, { category: 'technical', stage: 'deployment' }, 10))).not.toContain('diagnostic-only')
    expect(ids(matchAides(catalogue, { category: 'technical', stage: 'diagnostic' }, 10))).toContain('diagnostic-only')
    expect(ids(matchAides(catalogue, { category: 'technical', companySize: 'eti' }, 10))).not.toContain('sme-only')
    // Unknown size: the service stays, the company can check.
    expect(ids(matchAides(catalogue, { category: 'technical', companySize: null }, 10))).toContain('sme-only')
  })

  it('puts the most specific matches first and says why they match', () => {
    const matches = matchAides(catalogue, { category: 'technical', stage: 'diagnostic', companySize: 'pme', regionCode: '52' }, 10)
    expect(matches[0]).toEqual({ service: catalogue[4], matchedOn: ['category', 'region'] })
    expect(ids(matches).slice(-1)).toEqual(['any-technical'])
    expect(matchAides(catalogue, { category: 'technical', regionCode: '52' }, 2)).toHaveLength(2)
  })

  it('finds the diagnostic of the Pays de la Loire region for a small company there', () => {
    const matches = ids(matchAides(institutionalServices, { category: 'process', stage: 'diagnostic', companySize: 'pme', regionCode: '52' }))
    expect(matches[0]).toBe('diagnostic-region-pays-de-la-loire')
    expect(matches).not.toContain('diagnostic-region-occitanie')
  })

  it('has a complete catalogue: every entry reachable, with a contact domain and no phone number', () => {
    const reachable = new Set<string>()
    for (const category of needCategories)
      for (const stage of needStages)
        for (const regionCode of ['52', '76', '27', '84'])
          for (const match of matchAides(institutionalServices, { category, stage, companySize: 'pme', regionCode }, 100)) reachable.add(match.service.id)
    expect([...reachable].sort()).toEqual(institutionalServices.map((entry) => entry.id).sort())
    for (const entry of institutionalServices) {
      expect(entry.contact.website, entry.id).toMatch(/^[a-z0-9.-]+\.(fr|gouv\.fr)$/)
      expect(JSON.stringify(entry), entry.id).not.toMatch(/\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}/)
    }
  })
})
