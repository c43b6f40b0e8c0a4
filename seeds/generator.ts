import { createRequire } from 'node:module'
import { Faker, base, fr } from '@faker-js/faker'
import mongoose from 'mongoose'
import { budgetRanges, confidentialityLevels, needCategories, needStages, type BudgetRange, type Confidentiality, type NeedCategory, type NeedStage } from '~/domain/needs/vocabulary'
import type { NeedStatus } from '~/domain/needs/lifecycle'
import { orgKinds, type OrgKind } from '~/domain/orgs/kinds'
import type { CommuneLocation } from '~/domain/places/commune'
import { resolveCommune } from '~/domain/places/communes.server'
import { demoTerritories } from '~/domain/places/territories'
import { technologyDomains, type TechnologyDomainId } from '~/domain/taxonomy/domains'
import { filieres, type FiliereId } from '~/domain/taxonomy/filieres'
import { intents } from './demo/needs'

/**
 * Seeded generator of coherent, fictional volume data for tests and benchmarks: the same
 * seed always gives the same documents. Needs are produced as batches from an async
 * generator, so 100,000 of them never sit in memory at once.
 */
export type GeneratedOrganisation = {
  _id: mongoose.Types.ObjectId
  slug: string
  name: string
  kind: OrgKind
  description: string
  domains: TechnologyDomainId[]
  keywords: string[]
  equipment: string[]
  trlMin: number | null
  trlMax: number | null
  filieres: FiliereId[]
  location: CommuneLocation
  territories: string[]
  fictional: true
  verifiedAt: Date | null
}

export type GeneratedNeed = {
  _id: mongoose.Types.ObjectId
  companyOrgId: mongoose.Types.ObjectId
  createdBy: mongoose.Types.ObjectId
  title: string
  summary: string
  description: string
  category: NeedCategory
  domains: TechnologyDomainId[]
  filiere: FiliereId
  trlCurrent: number
  trlTarget: number
  stage: NeedStage
  budgetRange: BudgetRange
  deadline: Date
  territory: string | null
  location: CommuneLocation
  confidentiality: Confidentiality
  status: NeedStatus
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

const domainIds = technologyDomains.map((domain) => domain.id)
const equipmentNames = ['Cobot 6 axes', 'Imprimante 3D métal', 'Banc d’essais vibratoires', 'Caméra hyperspectrale', 'Salle immersive', 'Centre d’usinage 5 axes', 'Presse à injecter', 'Four de traitement thermique']
const titleContexts = ['sur notre site principal', 'pour une nouvelle gamme', 'en petite série', 'sur deux lignes de production', 'avant un investissement', 'pour un client export']
const descriptionDetails = [
  'Nous travaillons en deux équipes et pouvons accueillir des essais sur site.',
  'Un premier diagnostic a été réalisé ; nous cherchons un partenaire pour la suite.',
  'Le projet pourrait être cofinancé par la Région.',
  'Nous avons des données historiques à partager sous accord de confidentialité.',
]
const filiereIds = filieres.map((filiere) => filiere.id)

export function createGenerator(seed = 2026) {
  const faker = new Faker({ locale: [fr, base], seed })
  const pick = <T>(items: readonly T[]) => faker.helpers.arrayElement(items)
  const some = <T>(items: readonly T[], min: number, max: number) => faker.helpers.arrayElements(items, { min, max })

  function organisation(index: number, places: CommuneLocation[]): GeneratedOrganisation {
    const kind: OrgKind = index % 3 === 0 ? pick(orgKinds.filter((k) => k !== 'company')) : 'company'
    const company = faker.company.name()
    const domains = some(domainIds, 1, 3)
    const trlMin = faker.number.int({ min: 1, max: 6 })
    const place = pick(places)
    const name = kind === 'company' ? `${company} (fictive)` : `${kind === 'lab' ? 'Laboratoire' : 'Centre'} ${faker.location.city()} ${index} (fictif)`
    return {
      _id: new mongoose.Types.ObjectId(faker.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' })),
      slug: `gen-${seed}-${index}`,
      name,
      kind,
      description: `Organisation fictive générée (${place.communeName}), active en ${domains.map((id) => technologyDomains.find((d) => d.id === id)!.label.fr.toLowerCase()).join(', ')}.`,
      domains,
      keywords: domains.flatMap((id) => technologyDomains.find((d) => d.id === id)!.synonyms.slice(0, 1)),
      equipment: kind === 'company' ? [] : some(equipmentNames, 1, 2),
      trlMin: kind === 'company' ? null : trlMin,
      trlMax: kind === 'company' ? null : Math.min(9, trlMin + faker.number.int({ min: 1, max: 3 })),
      filieres: some(filiereIds, 1, 2),
      location: place,
      territories: faker.datatype.boolean(0.4) ? [pick(demoTerritories).id] : [],
      fictional: true,
      verifiedAt: faker.datatype.boolean(0.8) ? faker.date.past({ years: 2 }) : null,
    }
  }

  const statuses: NeedStatus[] = ['published', 'published', 'published', 'in_discussion', 'in_discussion', 'in_project', 'closed', 'draft', 'submitted']

  function need(company: Pick<GeneratedOrganisation, '_id' | 'domains' | 'filieres' | 'location' | 'territories'>, authorId: mongoose.Types.ObjectId): GeneratedNeed {
    const domain = pick(company.domains)
    const intent = intents[domain]!
    const trlCurrent = faker.number.int({ min: 1, max: 7 })
    const createdAt = faker.date.recent({ days: 365 })
    const status = pick(statuses)
    return {
      _id: new mongoose.Types.ObjectId(faker.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' })),
      companyOrgId: company._id,
      createdBy: authorId,
      title: `${intent.title} ${pick(titleContexts)}`,
      summary: `${intent.summary} Site de ${company.location.communeName}.`,
      description: `Besoin fictif généré pour les essais de volume. ${intent.summary} ${pick(descriptionDetails)}`,
      category: pick(needCategories),
      domains: [domain, ...some(company.domains.filter((d) => d !== domain), 0, 1)],
      filiere: pick(company.filieres),
      trlCurrent,
      trlTarget: Math.min(9, trlCurrent + faker.number.int({ min: 1, max: 3 })),
      stage: pick(needStages),
      budgetRange: pick(budgetRanges),
      deadline: faker.date.soon({ days: 200, refDate: createdAt }),
      territory: company.territories[0] ?? null,
      location: company.location,
      confidentiality: pick(confidentialityLevels),
      status,
      publishedAt: ['draft', 'submitted'].includes(status) ? null : createdAt,
      createdAt,
      updatedAt: createdAt,
    }
  }

  return { faker, organisation, need }
}

/**
 * `count` needs of the given companies, in batches of `batchSize`: only one batch is
 * alive at a time, whatever the count.
 */
export async function* generateNeedBatches({
  count,
  batchSize = 1_000,
  seed = 2026,
  companies,
  authorId,
}: {
  count: number
  batchSize?: number
  seed?: number
  companies: Array<Pick<GeneratedOrganisation, '_id' | 'domains' | 'filieres' | 'location' | 'territories'>>
  authorId: mongoose.Types.ObjectId
}): AsyncGenerator<GeneratedNeed[]> {
  const generator = createGenerator(seed)
  for (let produced = 0; produced < count; ) {
    const size = Math.min(batchSize, count - produced)
    const batch: GeneratedNeed[] = []
    for (let i = 0; i < size; i++) batch.push(generator.need(companies[(produced + i) % companies.length]!, authorId))
    produced += size
    yield batch
  }
}

/** Real communes of more than 10,000 inhabitants, as the places of generated organisations. */
export function industrialPlaces(): CommuneLocation[] {
  const communes = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as Array<{ code: string; type: string; population?: number }>
  return communes
    .filter((commune) => commune.type === 'commune-actuelle' && (commune.population ?? 0) > 10_000)
    .map((commune) => resolveCommune(commune.code))
    .filter((location): location is CommuneLocation => location !== null)
}
