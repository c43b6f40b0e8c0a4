/**
 * Why a partner fits a need (or a need fits a lab) — pure scoring and explanation, so the
 * rules are tested without Meilisearch. Meilisearch finds candidates by text and domains
 * (matching.server.ts); this ranks them and says why in a few words.
 *
 * Distance: needs carry no coordinates (the commune data has none), so "nearer" means the
 * same département, then the same région.
 */
export type TrlFit = 'covers' | 'near' | 'outside' | 'unknown'
export type Proximity = 'departement' | 'region' | null

export type MatchExplanation = {
  matchedDomains: string[]
  trlFit: TrlFit
  proximity: Proximity
  score: number
}

type Place = { departement?: string | null; region?: string | null }

export function trlFit(target: number | null | undefined, min: number | null | undefined, max: number | null | undefined): TrlFit {
  if (!target || (!min && !max)) return 'unknown'
  const low = min ?? 1
  const high = max ?? 9
  if (target >= low && target <= high) return 'covers'
  return target === low - 1 || target === high + 1 ? 'near' : 'outside'
}

export function proximity(a: Place, b: Place): Proximity {
  if (a.departement && a.departement === b.departement) return 'departement'
  if (a.region && a.region === b.region) return 'region'
  return null
}

const trlPoints: Record<TrlFit, number> = { covers: 3, near: 1, unknown: 0, outside: -2 }
const placePoints = { departement: 2, region: 1 } as const

/**
 * Score = 3 per shared domain + TRL fit (+3 covers, +1 off by one, −2 outside) + place
 * (+2 same département, +1 same région) + a small bonus for Meilisearch's text rank.
 */
export function explainMatch(input: {
  needDomains: readonly string[]
  candidateDomains: readonly string[]
  trlTarget: number | null | undefined
  trlMin: number | null | undefined
  trlMax: number | null | undefined
  needPlace: Place
  candidatePlace: Place
  /** 0 for Meilisearch's best text match, 1 for the next… */
  textRank: number
}): MatchExplanation {
  const matchedDomains = input.needDomains.filter((domain) => input.candidateDomains.includes(domain))
  const fit = trlFit(input.trlTarget, input.trlMin, input.trlMax)
  const near = proximity(input.needPlace, input.candidatePlace)
  const score = matchedDomains.length * 3 + trlPoints[fit] + (near ? placePoints[near] : 0) + 1 / (2 + input.textRank)
  return { matchedDomains, trlFit: fit, proximity: near, score }
}

/** Best first; an explanation with nothing in common is not a suggestion. */
export function rankMatches<T extends { explanation: MatchExplanation }>(candidates: T[], limit: number): T[] {
  return candidates
    .filter((candidate) => candidate.explanation.matchedDomains.length > 0 && candidate.explanation.trlFit !== 'outside')
    .sort((a, b) => b.explanation.score - a.explanation.score)
    .slice(0, limit)
}

export type SuggestedPartner = {
  id: string
  slug: string
  name: string
  kind: string
  trlMin: number | null
  trlMax: number | null
  departement: string | null
  region: string | null
  verified: boolean
  explanation: MatchExplanation
}

export type SuggestedNeed = {
  id: string
  title: string
  summary: string
  trl: number | null
  departement: string | null
  region: string | null
  companyName: string | null
  explanation: MatchExplanation
}

export type Suggestions<T> = { status: 'ok'; items: T[] } | { status: 'unavailable' }
