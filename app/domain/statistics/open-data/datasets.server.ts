import { DIRECTORY_COLLATION, Organisation } from '../../orgs/model.server'
import { CACHE_TTL_MS, statistics } from '../figures.server'
import { datasetCsv, datasetJson, statisticsRows, type Row } from './rows'
import { servedSchema, type DatasetName } from './table-schema'

/**
 * The files under /donnees-ouvertes: each dataset as CSV, JSON or its Table Schema. Statistics come
 * from the statistics cache; the directory is read at most once per CACHE_TTL_MS as well.
 */
export type DatasetFormat = 'csv' | 'json' | 'schema.json'

let directoryCache: { at: number; rows: Promise<Row[]> } | null = null

/** The public directory: organisations only, nothing about their people (no contact, no member). */
async function readDirectory(): Promise<Row[]> {
  const orgs = await Organisation.find({}, { slug: 1, name: 1, kind: 1, location: 1, domains: 1, trlMin: 1, trlMax: 1, verifiedAt: 1, fictional: 1 })
    .collation(DIRECTORY_COLLATION)
    .sort({ name: 1 })
    .lean()
  return orgs.map((org) => ({
    identifiant: org.slug,
    nom: org.name,
    type: org.kind,
    commune: org.location?.communeName ?? null,
    code_commune: org.location?.communeCode ?? null,
    departement: org.location?.departementName ?? null,
    code_departement: org.location?.departementCode ?? null,
    domaines: org.domains.join(';') || null,
    trl_min: org.trlMin ?? null,
    trl_max: org.trlMax ?? null,
    verifiee: Boolean(org.verifiedAt),
    fictive: Boolean(org.fictional),
  }))
}

function directoryRows(now: Date): Promise<Row[]> {
  if (directoryCache && now.getTime() - directoryCache.at < CACHE_TTL_MS) return directoryCache.rows
  const rows = readDirectory()
  directoryCache = { at: now.getTime(), rows }
  rows.catch(() => directoryCache?.rows === rows && (directoryCache = null))
  return rows
}

export async function datasetRows(name: DatasetName, lastMonth: string, now = new Date()): Promise<{ rows: Row[]; generatedAt: string }> {
  if (name === 'annuaire-organisations') return { rows: await directoryRows(now), generatedAt: new Date(directoryCache?.at ?? now.getTime()).toISOString() }
  const figures = await statistics(lastMonth, now)
  return { rows: statisticsRows(name, figures), generatedAt: figures.computedAt }
}

/** The body of one file and its media type. */
export async function datasetFile(name: DatasetName, format: DatasetFormat, lastMonth: string, now = new Date()): Promise<{ body: string; contentType: string }> {
  if (format === 'schema.json') return { body: JSON.stringify(servedSchema(name), null, 2), contentType: 'application/json; charset=utf-8' }
  const { rows, generatedAt } = await datasetRows(name, lastMonth, now)
  if (format === 'csv') return { body: datasetCsv(name, rows), contentType: 'text/csv; charset=utf-8' }
  return { body: JSON.stringify(datasetJson(name, rows, generatedAt)), contentType: 'application/json; charset=utf-8' }
}

/** For tests: forget the cached directory. */
export function clearDirectoryCache() {
  directoryCache = null
}
