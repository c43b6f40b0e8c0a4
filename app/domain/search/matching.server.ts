import type { MeiliSearch } from 'meilisearch'
import { openStatuses } from '../needs/lifecycle'
import { proposingKinds } from '../orgs/kinds'
import { placeGeo } from '../places/coordinates.server'
import { cellsFilter } from '../places/grid-cells'
import type { GeoPoint } from '../places/geo'
import { explainMatch, rankMatches, type SuggestedNeed, type SuggestedPartner, type Suggestions } from './matching'

export type { SuggestedNeed, SuggestedPartner, Suggestions }
import { searchIndexNames, type SearchIndexNames } from './names'
import { quoteFilterValue } from './query'
import { isUnavailable } from './service.server'
import { Organisation } from '../orgs/model.server'

/**
 * "Partenaires suggérés" for a need and "besoins pour vous" for a lab or centre: Meilisearch
 * finds candidates sharing a domain (text relevance on the title breaks ties), then
 * matching.ts ranks them by domains, TRL fit and place, and explains each one.
 * Both read only the public indexes: a suggestion never reveals more than search does.
 */
const CANDIDATES = 200
const anyOf = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`

/** The rings candidates are gathered in, nearest first, before the rest of the catalogue. */
const CANDIDATE_RINGS_KM = [25, 75, 200] as const

/**
 * Candidates are everything the filter allows (a placeholder search: sharing a domain is
 * enough, no word in common needed), nearest first when the place has a point — gathered ring
 * by ring (within 25, 75, 200 km, then anywhere, in one multi-search over the grid cells: the
 * indexes keep no geo index, ADR 014), so a large catalogue still yields its nearby candidates;
 * a text search on the same filter gives each its rank by words in common (unranked come last).
 */
async function candidatesWithTextRank(
  client: MeiliSearch,
  uid: string,
  text: string,
  params: { filter: string[]; attributesToRetrieve: string[] },
  near: GeoPoint | null,
) {
  const words = text.trim().split(/\s+/).slice(0, 10).join(' ')
  const placeholder = { indexUid: uid, q: '', attributesToRetrieve: [...params.attributesToRetrieve, '_geo', 'geoPrecision'], limit: CANDIDATES }
  const rings = near ? CANDIDATE_RINGS_KM.map((radiusKm) => ({ ...placeholder, filter: [...params.filter, cellsFilter(near, radiusKm)] })) : []
  const { results } = await client.multiSearch({
    queries: [
      ...rings,
      { ...placeholder, filter: params.filter },
      ...(words ? [{ indexUid: uid, q: words, filter: params.filter, attributesToRetrieve: ['id'], matchingStrategy: 'last' as const, limit: CANDIDATES }] : []),
    ],
  })
  const gathered = new Map<string, Record<string, unknown>>()
  for (const result of results.slice(0, rings.length + 1)) {
    for (const hit of result.hits as Array<Record<string, unknown>>) {
      if (gathered.size >= CANDIDATES) break
      if (!gathered.has(String(hit.id))) gathered.set(String(hit.id), hit)
    }
  }
  const ranked = words ? results.at(-1)!.hits : []
  const ranks = new Map(ranked.map((hit, rank) => [String(hit.id), rank]))
  return { hits: [...gathered.values()], textRank: (hit: Record<string, unknown>) => ranks.get(String(hit.id)) ?? CANDIDATES }
}

/** A hit's point as the index holds it (already reduced to a département's centre for non-public needs). */
function hitPlace(hit: Record<string, unknown>) {
  const geo = hit._geo as GeoPoint | undefined
  return {
    departement: (hit.departement as string | null) ?? null,
    region: (hit.region as string | null) ?? null,
    point: geo ? { lat: Number(geo.lat), lng: Number(geo.lng) } : null,
    approximate: hit.geoPrecision === 'departement',
  }
}

type PlaceInput = { communeCode?: string | null; departementCode?: string | null; departementName?: string | null; regionName?: string | null }

/** Our own side of the distance: the commune's point when known, else the département's centre. */
function ownPlace(place: PlaceInput) {
  const geo = placeGeo(place)
  return { departement: place.departementName, region: place.regionName, point: geo.commune ?? geo.departement, approximate: !geo.commune }
}

export async function suggestPartners(
  client: MeiliSearch,
  /** The need as its company sees it (the page shows suggestions to its members and reviewers only). */
  need: { title: string; domains: readonly string[]; trlTarget?: number | null } & PlaceInput,
  options: { limit?: number; names?: SearchIndexNames } = {},
): Promise<Suggestions<SuggestedPartner>> {
  if (!need.domains.length) return { status: 'ok', items: [] }
  const names = options.names ?? searchIndexNames()
  const needPlace = ownPlace(need)
  try {
    const { hits, textRank } = await candidatesWithTextRank(
      client,
      names.organisations,
      need.title,
      {
        filter: [anyOf('kind', proposingKinds), anyOf('domains', need.domains)],
        attributesToRetrieve: ['id', 'slug', 'name', 'kind', 'domains', 'trlMin', 'trlMax', 'departement', 'region', 'verified'],
      },
      needPlace.point,
    )
    const candidates = hits.map((hit) => ({
      id: String(hit.id),
      slug: String(hit.slug),
      name: String(hit.name),
      kind: String(hit.kind),
      trlMin: (hit.trlMin as number | null) ?? null,
      trlMax: (hit.trlMax as number | null) ?? null,
      departement: (hit.departement as string | null) ?? null,
      region: (hit.region as string | null) ?? null,
      verified: Boolean(hit.verified),
      explanation: explainMatch({
        needDomains: need.domains,
        candidateDomains: (hit.domains as string[]) ?? [],
        trlTarget: need.trlTarget,
        trlMin: hit.trlMin as number | null,
        trlMax: hit.trlMax as number | null,
        needPlace,
        candidatePlace: hitPlace(hit),
        textRank: textRank(hit),
      }),
    }))
    return { status: 'ok', items: rankMatches(candidates, options.limit ?? 5) }
  } catch (error) {
    if (isUnavailable(error)) return { status: 'unavailable' }
    throw error
  }
}

export async function needsForOrganisation(
  client: MeiliSearch,
  org: { domains: readonly string[]; keywords?: readonly string[]; trlMin?: number | null; trlMax?: number | null } & PlaceInput,
  options: { limit?: number; names?: SearchIndexNames } = {},
): Promise<Suggestions<SuggestedNeed>> {
  if (!org.domains.length) return { status: 'ok', items: [] }
  const names = options.names ?? searchIndexNames()
  const orgPlace = ownPlace(org)
  try {
    const { hits, textRank } = await candidatesWithTextRank(
      client,
      names.needs,
      (org.keywords ?? []).join(' '),
      {
        filter: [anyOf('status', openStatuses), anyOf('domains', org.domains)],
        attributesToRetrieve: ['id', 'title', 'summary', 'domains', 'trl', 'departement', 'region', 'companyName', 'publishedAt'],
      },
      orgPlace.point,
    )
    const candidates = hits.map((hit) => ({
      id: String(hit.id),
      title: String(hit.title),
      summary: String(hit.summary ?? ''),
      trl: (hit.trl as number | null) ?? null,
      departement: (hit.departement as string | null) ?? null,
      region: (hit.region as string | null) ?? null,
      companyName: (hit.companyName as string | null) ?? null,
      explanation: explainMatch({
        needDomains: (hit.domains as string[]) ?? [],
        candidateDomains: org.domains,
        trlTarget: hit.trl as number | null,
        trlMin: org.trlMin,
        trlMax: org.trlMax,
        needPlace: hitPlace(hit),
        candidatePlace: orgPlace,
        textRank: textRank(hit),
      }),
    }))
    return { status: 'ok', items: rankMatches(candidates, options.limit ?? 5) }
  } catch (error) {
    if (isUnavailable(error)) return { status: 'unavailable' }
    throw error
  }
}

/**
 * « Besoins pour vous » for an organisation by its id: its profile read once, then the matching
 * above. Shared by « Mes propositions » and the researchers' digest so both show the same needs.
 */
export async function needsForOrganisationId(
  client: MeiliSearch,
  organisationId: string,
  options: { limit?: number; names?: SearchIndexNames } = {},
): Promise<{ orgName: string; suggestions: Suggestions<SuggestedNeed> } | null> {
  const profile = await Organisation.findById(organisationId, { name: 1, domains: 1, keywords: 1, trlMin: 1, trlMax: 1, location: 1 }).lean()
  if (!profile) return null
  const suggestions = await needsForOrganisation(
    client,
    {
      domains: profile.domains,
      keywords: profile.keywords,
      trlMin: profile.trlMin,
      trlMax: profile.trlMax,
      communeCode: profile.location?.communeCode,
      departementName: profile.location?.departementName,
      regionName: profile.location?.regionName,
    },
    options,
  )
  return { orgName: profile.name, suggestions }
}
