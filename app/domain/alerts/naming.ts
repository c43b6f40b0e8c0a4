import type { Language } from '~/i18n/config'
import { demoTerritories } from '../places/territories'
import type { SearchQuery } from '../search/query'
import { technologyDomains } from '../taxonomy/domains'
import { ALERT_NAME_MAX } from './vocabulary'

/**
 * The name an alert gets when the person gives none (pure): what the search is about, in words —
 * its words, then its domains, territories and places — or `fallback` (« Tous les
 * nouveaux besoins ») for a search with nothing chosen.
 */
export function defaultAlertName(query: Pick<SearchQuery, 'q' | 'filters' | 'near'>, language: Language, fallback: string): string {
  const parts: string[] = []
  if (query.q) parts.push(query.q)
  for (const id of query.filters.domain ?? []) parts.push(technologyDomains.find((domain) => domain.id === id)?.label[language] ?? id)
  for (const id of query.filters.territory ?? []) parts.push(demoTerritories.find((territory) => territory.id === id)?.name ?? id)
  parts.push(...(query.filters.region ?? []), ...(query.filters.departement ?? []))
  if (query.near) parts.push(query.near.place)
  const name = parts.join(' · ')
  if (!name) return fallback
  return name.length <= ALERT_NAME_MAX ? name : `${name.slice(0, ALERT_NAME_MAX - 1).trimEnd()}…`
}
