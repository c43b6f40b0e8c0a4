import type { MeiliSearch } from 'meilisearch'
import { proposingKinds } from '../orgs/kinds'
import { demoTerritories } from '../places/territories'
import { searchIndexNames, type SearchIndexNames } from '../search/names'
import { buildFilter, quoteFilterValue, searchHref } from '../search/query'
import { isUnavailable } from '../search/service.server'
import { neighboursOf } from './adjacency'
import { departementByName, mapDepartements } from './departements.server'
import type { MapFilters } from './filters'
import { isCompetenceGap } from './gaps'
import { colourScale } from './scale'
import { shownCount } from './small-counts'
import type { MapArea, MapData, MapScope } from './types'

export type { MapArea, MapData, MapScope, MapTerritory } from './types'

/**
 * The map's figures: needs and competences (organisations that answer needs, or the kinds
 * chosen) counted by département and by Territoire d'industrie, with Meilisearch facets over
 * the public search indexes — which hold only what an anonymous visitor may see (drafts,
 * submitted and hidden needs are not there; see app/domain/search/documents.ts). Counts
 * below the threshold leave this function as « fewer than 3 », never as numbers.
 */

type Distribution = Record<string, number>

const needFiltersOf = (filters: MapFilters) => ({ domain: filters.domain, filiere: filters.filiere, trl: filters.trl, status: filters.status })
const competenceFiltersOf = (filters: MapFilters) => ({
  domain: filters.domain,
  filiere: filters.filiere,
  trl: filters.trl,
  kind: filters.kind.length ? filters.kind : [...proposingKinds],
})

const and = (...parts: Array<string | undefined>) => parts.filter(Boolean).map((part) => `(${part})`).join(' AND ') || undefined

/** The two count-only Meilisearch queries of a map, one round trip. */
export function mapQueries(filters: MapFilters, scope: MapScope | undefined, names: SearchIndexNames) {
  const territory = scope ? quoteFilterValue(scope.territory) : null
  return [
    {
      indexUid: names.needs,
      filter: and(buildFilter('needs', needFiltersOf(filters)), territory ? `territory = ${territory}` : undefined),
      facets: ['departement', 'territory'],
      limit: 0,
    },
    {
      indexUid: names.organisations,
      filter: and(buildFilter('organisations', competenceFiltersOf(filters)), territory ? `territories = ${territory}` : undefined),
      facets: ['departement', 'territories'],
      limit: 0,
    },
  ]
}

/** Facet counts keyed by département code (names the official list does not know are left out). */
function byCode(distribution: Distribution | undefined): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [name, count] of Object.entries(distribution ?? {})) {
    const departement = departementByName(name)
    if (departement) counts.set(departement.code, (counts.get(departement.code) ?? 0) + count)
  }
  return counts
}

export async function mapFor(client: MeiliSearch, filters: MapFilters, scope?: MapScope, { names = searchIndexNames() }: { names?: SearchIndexNames } = {}): Promise<MapData> {
  let distributions: [Record<string, Distribution> | undefined, Record<string, Distribution> | undefined]
  try {
    const { results } = await client.multiSearch({ queries: mapQueries(filters, scope, names) })
    distributions = [results[0]?.facetDistribution, results[1]?.facetDistribution]
  } catch (error) {
    if (isUnavailable(error)) return { status: 'unavailable' }
    throw error
  }
  const needs = byCode(distributions[0]?.departement)
  const competences = byCode(distributions[1]?.departement)
  const coloured = filters.layer === 'competences' ? competences : needs
  const scale = colourScale(Math.max(0, ...coloured.values()))
  const scoped: Record<string, string[]> = scope ? { territory: [scope.territory] } : {}
  const needsSearch = (extra: Record<string, string[]>) => searchHref({ kind: 'needs', q: '', sort: 'relevance', filters: { ...needFiltersOf(filters), ...scoped, ...extra } })
  const competencesSearch = (extra: Record<string, string[]>) =>
    searchHref({ kind: 'organisations', q: '', sort: 'relevance', filters: { ...competenceFiltersOf(filters), ...scoped, ...extra } })

  const areas = mapDepartements().map((departement): MapArea => {
    const here = { departement: [departement.name] }
    return {
      ...departement,
      needs: shownCount(needs.get(departement.code) ?? 0),
      competences: shownCount(competences.get(departement.code) ?? 0),
      gap: filters.layer !== 'competences' && isCompetenceGap(departement.code, needs, competences, neighboursOf),
      colourClass: scale.classOf(coloured.get(departement.code) ?? 0).index,
      needsHref: needsSearch(here),
      competencesHref: competencesSearch(here),
    }
  })
  const territoryNeeds = distributions[0]?.territory ?? {}
  const territoryCompetences = distributions[1]?.territories ?? {}
  const territories = demoTerritories
    .filter((territory) => !scope || territory.id === scope.territory)
    .map((territory) => ({
      id: territory.id,
      name: territory.name,
      needs: shownCount(territoryNeeds[territory.id] ?? 0),
      competences: shownCount(territoryCompetences[territory.id] ?? 0),
      needsHref: needsSearch({ territory: [territory.id] }),
      competencesHref: competencesSearch({ territory: [territory.id] }),
    }))
  return { status: 'ok', layer: filters.layer, areas, territories, scale: scale.classes, gaps: areas.filter((area) => area.gap).length }
}
