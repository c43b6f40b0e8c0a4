import type { CompanySize } from '../orgs/schema'
import type { NeedCategory, NeedStage } from './vocabulary'

/**
 * "Aides possibles": which institutional services may fit a need. Pure: the catalogue is data
 * (aides-catalogue.ts) passed in, so the rule is tested without it.
 */
export type InstitutionalService = {
  id: string
  /** Proper noun of the scheme, kept in French. */
  name: string
  forWhom: { fr: string; en: string }
  funds: { fr: string; en: string }
  /** Need categories the service helps with. */
  categories: readonly NeedCategory[]
  /** Stages it suits; empty means any stage. */
  stages: readonly NeedStage[]
  /** Company sizes eligible; empty means any size. */
  sizes: readonly CompanySize[]
  /** 'national', or official region codes (INSEE) where it is offered. */
  regions: 'national' | readonly string[]
  /** Who to contact: the public body and its website domain. */
  contact: { body: string; website: string }
}

export type AidesQuery = {
  category?: NeedCategory | null
  stage?: NeedStage | null
  companySize?: CompanySize | null
  regionCode?: string | null
}

export type AideMatch = { service: InstitutionalService; matchedOn: Array<'category' | 'stage' | 'size' | 'region'> }

/**
 * A service fits when every criterion it sets is met by what we know of the need. An unknown
 * stage or size does not exclude a service (the company can check), an unknown region keeps
 * national services only. Services that match on more specific criteria come first.
 */
export function matchAides(catalogue: readonly InstitutionalService[], query: AidesQuery, limit = 4): AideMatch[] {
  const matches: Array<AideMatch & { score: number; order: number }> = []
  catalogue.forEach((service, order) => {
    const matchedOn: AideMatch['matchedOn'] = []
    let score = 0
    if (!query.category || !service.categories.includes(query.category)) return
    matchedOn.push('category')
    score += 1
    if (service.regions !== 'national') {
      if (!query.regionCode || !service.regions.includes(query.regionCode)) return
      matchedOn.push('region')
      score += 2
    }
    if (service.stages.length && query.stage) {
      if (!service.stages.includes(query.stage)) return
      matchedOn.push('stage')
      score += 1
    }
    if (service.sizes.length && query.companySize) {
      if (!service.sizes.includes(query.companySize)) return
      matchedOn.push('size')
      score += 1
    }
    matches.push({ service, matchedOn, score, order })
  })
  return matches
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ service, matchedOn }) => ({ service, matchedOn }))
}
