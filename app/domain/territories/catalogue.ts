import { z } from 'zod'
import { demoTerritories, territoryIds } from '../places/territories'
import { filiereIds, type FiliereId } from '../taxonomy/filieres'

/**
 * The Territoires d'industrie as pages: their slug is their id (app/domain/places/territories.ts),
 * checked against that closed list before anything is read, so an unknown slug is a plain 404.
 */
export type Territory = (typeof demoTerritories)[number]
export const territorySlugSchema = z.enum(territoryIds)

export function territoryBySlug(slug: unknown): Territory | null {
  const parsed = territorySlugSchema.safeParse(slug)
  return parsed.success ? (demoTerritories.find((territory) => territory.id === parsed.data) ?? null) : null
}

export const territoryName = (id: string | null | undefined) => demoTerritories.find((territory) => territory.id === id)?.name ?? null

export const territoryHref = (id: string) => `/territoires/${id}`

/** The list page: regions in alphabetical order (French collation), territories by name within each. */
export function territoriesByRegion(territories: readonly Territory[] = demoTerritories): Array<{ region: string; territories: Territory[] }> {
  const byRegion = new Map<string, Territory[]>()
  for (const territory of territories) byRegion.set(territory.region, [...(byRegion.get(territory.region) ?? []), territory])
  return [...byRegion]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([region, items]) => ({ region, territories: items.sort((a, b) => a.name.localeCompare(b.name, 'fr')) }))
}

/** The filières a territory is known for (free words in the list) as taxonomy ids. */
const filiereOfWord: Record<string, FiliereId> = {
  lunetterie: 'lunetterie',
  horlogerie: 'horlogerie',
  plasturgie: 'plasturgie-caoutchouc',
  agroalimentaire: 'agroalimentaire',
  aéronautique: 'aeronautique-spatial',
  vélo: 'velo-mobilites',
}

/** The territory's own filières first, then those its organisations serve, each once. */
export function territoryFilieres(territory: Territory, served: readonly string[]): FiliereId[] {
  const own = territory.filieres.map((word: string) => filiereOfWord[word]).filter((id): id is FiliereId => Boolean(id))
  const known = new Set<string>(filiereIds)
  return [...new Set([...own, ...served.filter((id): id is FiliereId => known.has(id))])]
}
