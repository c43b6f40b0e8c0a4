import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { needFormSchema } from '~/domain/needs/schema'
import { orgCreateSchema } from '~/domain/orgs/schema'
import { translatorFor } from '~/i18n/translators'
import { createGenerator, generateNeedBatches, industrialPlaces } from '../../seeds/generator'

const t = translatorFor('fr').t
const places = industrialPlaces()
const author = new mongoose.Types.ObjectId()

describe('volume data generator', () => {
  it('knows hundreds of real places to put organisations in', () => {
    expect(places.length).toBeGreaterThan(300)
    expect(places.every((place) => /^[0-9][0-9AB][0-9]{3}$/.test(place.communeCode))).toBe(true)
  })

  it('gives the same documents for the same seed, and others for another seed', () => {
    const first = Array.from({ length: 5 }, (_, i) => createGenerator(7).organisation(i, places).name)
    const again = Array.from({ length: 5 }, (_, i) => createGenerator(7).organisation(i, places).name)
    const other = Array.from({ length: 5 }, (_, i) => createGenerator(8).organisation(i, places).name)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
  })

  it('produces organisations and needs that pass the forms’ schemas', async () => {
    const generator = createGenerator(11)
    const organisations = Array.from({ length: 60 }, (_, i) => generator.organisation(i, places))
    for (const org of organisations) {
      const parsed = orgCreateSchema().safeParse({
        name: org.name, kind: org.kind, description: org.description, domains: org.domains, keywords: org.keywords.join(', '),
        equipment: org.equipment.join('\n'), filieres: org.filieres, territories: org.territories, trlMin: org.trlMin ?? undefined,
        trlMax: org.trlMax ?? undefined, commune: org.location.communeCode,
      })
      expect(parsed.error?.issues ?? [], org.name).toEqual([])
    }
    const companies = organisations.filter((org) => org.kind === 'company')
    for await (const batch of generateNeedBatches({ count: 200, batchSize: 50, seed: 11, companies, authorId: author })) {
      for (const need of batch) {
        const parsed = needFormSchema('submit').safeParse({
          intent: 'submit', title: need.title, summary: need.summary, description: need.description, category: need.category,
          domains: need.domains, filiere: need.filiere, trlCurrent: need.trlCurrent, trlTarget: need.trlTarget, stage: need.stage,
          budgetRange: need.budgetRange, confidentiality: need.confidentiality, commune: need.location.communeCode,
        })
        expect(parsed.error?.issues ?? [], need.title).toEqual([])
      }
    }
  })

  it('streams exactly the requested count in bounded batches', async () => {
    const companies = Array.from({ length: 10 }, (_, i) => createGenerator(3).organisation(i * 3 + 1, places))
    const sizes: number[] = []
    for await (const batch of generateNeedBatches({ count: 2_500, batchSize: 1_000, companies, authorId: author })) sizes.push(batch.length)
    expect(sizes).toEqual([1_000, 1_000, 500])
  })
})
