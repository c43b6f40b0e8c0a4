import { z } from 'zod'
import { DomainError } from '../errors'
import { onlineStatuses } from '../needs/lifecycle'
import { orgKinds } from '../orgs/kinds'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import '~/i18n/areas/map'

/**
 * The map's query string: the search page's filters that mean something on both layers
 * (domains, filières, TRL) plus the needs' status and the organisations' kind, and which layer
 * to show. Unlike the search page, which drops what it does not know so an old link still
 * works, the map refuses — a clear 400 — any unknown parameter, unknown value, or overlong
 * query string: it is a new page, and a count for a filter that was silently ignored would
 * be a wrong answer.
 */
export const mapLayers = ['both', 'needs', 'competences'] as const
export type MapLayer = (typeof mapLayers)[number]

export const MAP_QUERY_MAX_LENGTH = 1000
const MAX_VALUES_PER_PARAM = 25

const trlLevels = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

const many = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(MAX_VALUES_PER_PARAM).transform((list) => [...new Set(list)])

const mapQuerySchema = z
  .object({
    layer: z.array(z.enum(mapLayers)).max(1).transform((list) => list[0] ?? 'both'),
    domain: many(technologyDomainIds),
    filiere: many(filiereIds as unknown as [string, ...string[]]),
    trl: many(trlLevels),
    status: many(onlineStatuses as unknown as [string, ...string[]]),
    kind: many(orgKinds),
  })
  .strict()

export type MapFilters = z.output<typeof mapQuerySchema>

export const noMapFilters: MapFilters = { layer: 'both', domain: [], filiere: [], trl: [], status: [], kind: [] }

/** Parses `?layer=needs&domain=ai&trl=5…`; throws DomainError('invalid') on anything else. */
export function parseMapQuery(params: URLSearchParams): MapFilters {
  if (params.toString().length > MAP_QUERY_MAX_LENGTH) throw new DomainError('invalid', 'map.errors.tooLong')
  const grouped: Record<string, string[]> = { layer: [], domain: [], filiere: [], trl: [], status: [], kind: [] }
  for (const [key, value] of params) {
    if (!Object.hasOwn(grouped, key)) throw new DomainError('invalid', 'map.errors.unknownFilter')
    grouped[key]!.push(value)
  }
  const parsed = mapQuerySchema.safeParse(grouped)
  if (!parsed.success) throw new DomainError('invalid', 'map.errors.badValue')
  return parsed.data
}

/** The query string of a map (toggle links, the form's state), without defaults. */
export function mapHref(base: string, filters: MapFilters): string {
  const params = new URLSearchParams()
  if (filters.layer !== 'both') params.set('layer', filters.layer)
  for (const key of ['domain', 'filiere', 'trl', 'status', 'kind'] as const) for (const value of filters[key]) params.append(key, value)
  const query = params.toString()
  return query ? `${base}?${query}` : base
}
