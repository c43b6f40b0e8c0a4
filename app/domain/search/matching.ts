import { distanceKm, type GeoPoint } from '../places/geo'

/**
 * Why a partner fits a need (or a need fits a lab) — pure scoring and explanation, so the
 * rules are tested without Meilisearch. Meilisearch finds candidates by text and domains
 * (matching.server.ts); this ranks them and says why in a few words.
 *
 * Distance: kilometres between the two places' points (a commune's, or only its département's
 * centre when that is all that may be shown — then the distance is approximate). Without
 * points, "nearer" falls back to the same département, then the same région.
 */
export type TrlFit = 'covers' | 'near' | 'outside' | 'unknown'
export type Proximity = 'departement' | 'region' | null

export type MatchExplanation = {
  matchedDomains: string[]
  trlFit: TrlFit
  proximity: Proximity
  /** Rounded to 5 km (to 1 km under 10 km); null when a place has no known point. */
  distanceKm: number | null
  /** One of the two points is only a département's centre. */
  distanceApproximate: boolean
  score: number
}

type Place = { departement?: string | null; region?: string | null; point?: GeoPoint | null; approximate?: boolean }

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

/** Within a short drive (+2), within a day's return trip (+1): what matters for site visits and tests. */
export function distancePoints(km: number) {
  if (km <= 50) return 2
  if (km <= 150) return 1
  return 0
}

export const roundDistance = (km: number) => (km < 10 ? Math.max(1, Math.round(km)) : Math.round(km / 5) * 5)

/**
 * Score = 3 per shared domain + TRL fit (+3 covers, +1 off by one, −2 outside) + place
 * (+2 within 50 km, +1 within 150 km; without points +2 same département, +1 same région)
 * + a small bonus for Meilisearch's text rank.
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
  const { point: a, approximate: aApproximate } = input.needPlace
  const { point: b, approximate: bApproximate } = input.candidatePlace
  const km = a && b ? distanceKm(a, b) : null
  const place = km === null ? (near ? placePoints[near] : 0) : distancePoints(km)
  const score = matchedDomains.length * 3 + trlPoints[fit] + place + 1 / (2 + input.textRank)
  return {
    matchedDomains,
    trlFit: fit,
    proximity: near,
    distanceKm: km === null ? null : roundDistance(km),
    distanceApproximate: km !== null && Boolean(aApproximate || bApproximate),
    score,
  }
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
