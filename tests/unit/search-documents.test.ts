import { describe, expect, it } from 'vitest'
import { cellsOf } from '~/domain/places/grid-cells'
import { needDocument, organisationDocument, type NeedSource } from '~/domain/search/documents'

const base: NeedSource = {
  _id: 'a'.repeat(24),
  companyOrgId: 'b'.repeat(24),
  title: 'Impression 3D de moules',
  summary: 'Résumé public',
  description: 'SECRET-DESCRIPTION',
  category: 'technical',
  domains: ['additive-manufacturing'],
  filiere: 'plasturgie-caoutchouc',
  trlCurrent: 3,
  trlTarget: 6,
  stage: 'experimentation',
  deadline: new Date('2030-06-30'),
  territory: 'haut-jura',
  location: { communeName: 'Saint-Claude', departementCode: '39', departementName: 'Jura', regionCode: '27', regionName: 'Bourgogne-Franche-Comté' },
  confidentiality: 'public',
  status: 'published',
  publishedAt: new Date('2026-01-01'),
}
const company = { name: 'SECRET-COMPANY' }
const allText = (value: unknown) => JSON.stringify(value)

describe('needDocument', () => {
  it('indexes every public field of a public need', () => {
    const doc = needDocument(base, company)!
    expect(doc).toMatchObject({ id: 'a'.repeat(24), title: base.title, description: 'SECRET-DESCRIPTION', trl: 6, companyName: 'SECRET-COMPANY', communeName: 'Saint-Claude', region: 'Bourgogne-Franche-Comté' })
    expect(doc.domainLabels).toContain('Fabrication additive (impression 3D)')
  })

  it('never includes the details of a members-only need', () => {
    const doc = needDocument({ ...base, confidentiality: 'members', budgetRange: '50k_200k' } as NeedSource, company)!
    expect(doc).toMatchObject({ description: null, trlCurrent: null, trlTarget: null, trl: null, deadline: null, communeName: null, companyName: 'SECRET-COMPANY' })
    expect(allText(doc)).not.toContain('SECRET-DESCRIPTION')
    expect(allText(doc)).not.toContain('50k_200k')
  })

  it("never includes an anonymised company's identity", () => {
    const doc = needDocument({ ...base, confidentiality: 'anonymous' }, company)!
    expect(doc.companyName).toBeNull()
    expect(doc.companyId).toBeNull()
    expect(allText(doc)).not.toContain('SECRET')
    expect(allText(doc)).not.toContain('b'.repeat(24))
  })

  it('keeps drafts, submitted needs and needs closed before publication out of the index', () => {
    expect(needDocument({ ...base, status: 'draft', publishedAt: null }, company)).toBeNull()
    expect(needDocument({ ...base, status: 'submitted', publishedAt: null }, company)).toBeNull()
    expect(needDocument({ ...base, status: 'closed', publishedAt: null }, company)).toBeNull()
    expect(needDocument({ ...base, status: 'in_discussion' }, company)).not.toBeNull()
  })

  it('ranks needs still taking proposals before the others (openRank 0, then 1)', () => {
    expect(needDocument({ ...base, status: 'published' }, company)!.openRank).toBe(0)
    expect(needDocument({ ...base, status: 'in_discussion' }, company)!.openRank).toBe(0)
    expect(needDocument({ ...base, status: 'in_project' }, company)!.openRank).toBe(1)
    expect(needDocument({ ...base, status: 'closed' }, company)!.openRank).toBe(1)
  })

  it('only ever writes the known public keys', () => {
    const doc = needDocument({ ...base, createdBy: 'user', history: [{ reason: 'x' }], spaces: [] } as unknown as NeedSource, company)!
    expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['createdBy']))
    expect(Object.keys(doc).some((key) => ['createdBy', 'history', 'spaces', 'budgetRange', 'confidentiality'].includes(key))).toBe(false)
  })
})

describe('the position of a need in the index', () => {
  const geo = { commune: { lat: 46.38679, lng: 5.86473 }, departement: { lat: 46.7614, lng: 5.66556 } }

  it('is the commune’s point for a public need', () => {
    expect(needDocument(base, company, geo)).toMatchObject({ _geo: geo.commune, geoPrecision: 'commune' })
  })

  it('is only the département’s centre when the commune is not public', () => {
    for (const confidentiality of ['members', 'anonymous'] as const) {
      const doc = needDocument({ ...base, confidentiality }, company, geo)!
      // The cells too: a filter on them must not reveal the commune either.
      expect(doc).toMatchObject({ _geo: geo.departement, geoCells: cellsOf(geo.departement!), geoPrecision: 'departement' })
      expect(allText(doc)).not.toContain('5.86473')
    }
  })

  it('falls back to the département’s centre, or to no position at all', () => {
    expect(needDocument(base, company, { commune: null, departement: geo.departement })).toMatchObject({ _geo: geo.departement, geoPrecision: 'departement' })
    const doc = needDocument(base, company, { commune: null, departement: null })!
    expect('_geo' in doc).toBe(false)
  })
})

describe('organisationDocument', () => {
  it('indexes the profile without contacts, and expands the TRL range', () => {
    const doc = organisationDocument({
      _id: 'c'.repeat(24),
      slug: 'lab-x',
      name: 'Laboratoire X',
      kind: 'lab',
      domains: ['ai'],
      trlMin: 3,
      trlMax: 5,
      verifiedAt: new Date(),
      location: { communeName: 'Laval', departementName: 'Mayenne', regionName: 'Pays de la Loire', coordinates: [-0.77, 48.07] },
      contacts: [{ email: 'secret@exemple.test', phone: '0600000000' }],
    } as Parameters<typeof organisationDocument>[0])
    expect(doc).toMatchObject({ trl: [3, 4, 5], verified: true, _geo: { lng: -0.77, lat: 48.07 } })
    expect(allText(doc)).not.toMatch(/secret@|0600000000/)
  })

  it('places a profile without its own point at its commune', () => {
    const doc = organisationDocument({ _id: 'd'.repeat(24), slug: 'lab-y', name: 'Laboratoire Y', kind: 'lab' }, { commune: { lat: 48.07, lng: -0.77 }, departement: { lat: 48.1, lng: -0.6 } })
    expect(doc).toMatchObject({ _geo: { lat: 48.07, lng: -0.77 }, geoPrecision: 'commune' })
  })
})
