import { createRequire } from 'node:module'
import { normalizePlaceText } from './normalize'
import type { CommuneLocation, CommuneMatch } from './commune'

/**
 * French communes from the official Code officiel géographique (@etalab/decoupage-administratif).
 * The package has no coordinates (no `centre` or `mairie` field), so locations carry none.
 *
 * What is stored is always a *current* commune (type `commune-actuelle`). Former, delegated and
 * associated communes (Morez, now part of Hauts de Bienne) and the municipal districts of
 * Paris, Lyon and Marseille can be searched by name or code: they lead to their current commune.
 */
type RawCommune = {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  departement: string
  region: string
  codesPostaux?: string[]
  population?: number
  chefLieu?: string
  commune?: string
}
type RawArea = { code: string; nom: string }

type Commune = CommuneLocation & { postalCodes: string[]; population: number }

/** One searchable name: a current commune's, or a former/delegated one's pointing at it. */
type Entry = {
  name: string
  key: string
  /** How its label reads once normalised ("morez hauts de bienne"), so a suggestion typed back matches. */
  labelKey: string
  code: string
  commune: Commune
  isCurrent: boolean
}

type Index = { byCode: Map<string, Commune>; entries: Entry[] }

let index: Index | undefined

/** Pure data, read once per process on first use (8 MB of JSON: not at start-up). */
function communeIndex(): Index {
  if (index) return index
  const require = createRequire(import.meta.url)
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]
  const departements = new Map((require('@etalab/decoupage-administratif/data/departements.json') as RawArea[]).map((d) => [d.code, d.nom]))
  const regions = new Map((require('@etalab/decoupage-administratif/data/regions.json') as RawArea[]).map((r) => [r.code, r.nom]))

  const byCode = new Map<string, Commune>()
  const entries: Entry[] = []
  for (const item of raw) {
    if (item.type !== 'commune-actuelle') continue
    const commune: Commune = {
      communeCode: item.code,
      communeName: item.nom,
      departementCode: item.departement,
      departementName: departements.get(item.departement) ?? item.departement,
      regionCode: item.region,
      regionName: regions.get(item.region) ?? item.region,
      postalCodes: item.codesPostaux ?? [],
      population: item.population ?? 0,
    }
    byCode.set(item.code, commune)
    const key = normalizePlaceText(item.nom)
    entries.push({ name: item.nom, key, labelKey: key, code: item.code, commune, isCurrent: true })
  }
  for (const item of raw) {
    if (item.type === 'commune-actuelle') continue
    const commune = byCode.get(item.chefLieu ?? item.commune ?? '')
    if (!commune) continue
    const key = normalizePlaceText(item.nom)
    entries.push({ name: item.nom, key, labelKey: `${key} ${normalizePlaceText(commune.communeName)}`, code: item.code, commune, isCurrent: false })
  }
  index = { byCode, entries }
  return index
}

export const SEARCH_LIMIT = 10

/** A commune code (INSEE: 5 chars, Corsica 2A/2B) or the start of one, or of a postal code. */
const CODE_TOKEN = /^(?:\d[\dab]\d{0,3})$/

/** "saint claude 39" → name "saint claude", filter "39" (département, postal or INSEE code prefix). */
function splitQuery(query: string) {
  const words = normalizePlaceText(query).split(' ').filter(Boolean)
  const codes = words.filter((word) => CODE_TOKEN.test(word)).map((word) => word.toUpperCase())
  const name = words.filter((word) => !CODE_TOKEN.test(word)).join(' ')
  return { name, codes }
}

const matchesCodePrefix = (commune: Commune, prefix: string) =>
  commune.communeCode.startsWith(prefix) || commune.departementCode === prefix || commune.postalCodes.some((postal) => postal.startsWith(prefix))

/** Lower is better: exact name, then name start, then a word start, then anywhere. */
function nameScore(key: string, name: string): number | null {
  if (key === name) return 0
  if (key.startsWith(name)) return 1
  if (` ${key}`.includes(` ${name}`)) return 2
  if (key.includes(name)) return 3
  return null
}

function codeScore(entry: Entry, code: string): number | null {
  const { commune } = entry
  // People type postal codes far more often than INSEE codes: postal first.
  if (entry.isCurrent && commune.postalCodes.includes(code)) return 0
  if (entry.code === code) return entry.isCurrent ? 1 : 2
  if (!entry.isCurrent) return null // former codes only match exactly
  if (commune.communeCode.startsWith(code)) return 3
  if (commune.postalCodes.some((postal) => postal.startsWith(code))) return 4
  return null
}

type Scored = { entry: Entry; score: number }

function rank(scored: Scored[], limit: number): CommuneMatch[] {
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      Number(b.entry.isCurrent) - Number(a.entry.isCurrent) ||
      b.entry.commune.population - a.entry.commune.population ||
      a.entry.name.localeCompare(b.entry.name, 'fr'),
  )
  const seen = new Set<string>()
  const results: CommuneMatch[] = []
  for (const { entry } of scored) {
    if (seen.has(entry.commune.communeCode)) continue
    seen.add(entry.commune.communeCode)
    results.push(toMatch(entry))
    if (results.length === limit) break
  }
  return results
}

function toMatch({ commune, isCurrent, name }: Entry): CommuneMatch {
  const { population: _population, ...location } = commune
  return { ...location, matchedName: isCurrent ? null : name }
}

/**
 * Communes matching a name (accent- and case-insensitive, "st" ≈ "saint"), an INSEE code or a
 * postal code, best first: exact before prefix before substring, then the most populated.
 */
export function searchCommunes(query: string, limit = SEARCH_LIMIT): CommuneMatch[] {
  const { name, codes } = splitQuery(query)
  const { entries } = communeIndex()
  const scored: Scored[] = []
  if (name.length >= 2) {
    for (const entry of entries) {
      const score = nameScore(entry.key, name)
      if (score === null || !codes.every((code) => matchesCodePrefix(entry.commune, code))) continue
      scored.push({ entry, score })
    }
  } else if (!name && codes.length === 1) {
    const code = codes[0]!
    for (const entry of entries) {
      const score = codeScore(entry, code)
      if (score !== null) scored.push({ entry, score })
    }
  }
  return rank(scored, limit)
}

/**
 * The full location of a current commune code, or null for anything else. The picker sends the
 * code with the label the person chose: when that label names a delegated or former commune of it
 * ("Morez – Hauts de Bienne (39)" for code 39368, which Morez shares with Hauts de Bienne), the
 * location keeps that name — the code alone cannot tell.
 */
export function resolveCommune(code: string, chosenLabel?: string): CommuneLocation | null {
  const commune = communeIndex().byCode.get(code.trim().toUpperCase())
  if (!commune) return null
  const { postalCodes: _postalCodes, population: _population, ...location } = commune
  const delegated = chosenLabel ? delegatedEntryNamed(commune.communeCode, chosenLabel) : undefined
  return { ...location, delegatedName: delegated?.name ?? null }
}

function delegatedEntryNamed(communeCode: string, label: string): Entry | undefined {
  const { name } = splitQuery(label)
  if (!name) return undefined
  return communeIndex().entries.find(
    (entry) => !entry.isCurrent && entry.commune.communeCode === communeCode && entry.name !== entry.commune.communeName && (entry.labelKey === name || entry.key === name),
  )
}

export type CommuneInputResolution =
  | { status: 'found'; location: CommuneLocation }
  | { status: 'ambiguous' | 'unknown'; suggestions: CommuneMatch[] }

export const SUGGESTION_LIMIT = 5

const found = ({ commune, isCurrent, name }: Entry): CommuneInputResolution => {
  const { postalCodes: _postalCodes, population: _population, ...location } = commune
  // A delegated commune named like its commune nouvelle adds nothing to the label.
  return { status: 'found', location: { ...location, delegatedName: isCurrent || name === commune.communeName ? null : name } }
}

/**
 * What someone typed in a commune field without JavaScript (with it, the picker sends a code).
 * A postal code, an INSEE code, or a name (optionally followed by a département or postal code)
 * naming exactly one commune is taken; otherwise the caller shows a field error with a few
 * suggestions.
 */
export function resolveCommuneText(input: string): CommuneInputResolution {
  const { name, codes } = splitQuery(input)
  const { entries } = communeIndex()
  let exact: Entry[] = []
  if (name) {
    exact = entries.filter((entry) => (entry.key === name || entry.labelKey === name) && codes.every((code) => matchesCodePrefix(entry.commune, code)))
  } else if (codes.length === 1 && codes[0]!.length === 5) {
    const code = codes[0]!
    exact = entries.filter((entry) => entry.isCurrent && entry.commune.postalCodes.includes(code))
    if (exact.length === 0) exact = entries.filter((entry) => entry.code === code)
  }
  // The current commune's own entry wins over a delegated one of the same commune.
  const communes = new Map([...exact].sort((a, b) => Number(a.isCurrent) - Number(b.isCurrent)).map((entry) => [entry.commune.communeCode, entry]))
  if (communes.size === 1) return found([...communes.values()][0]!)
  if (communes.size > 1) return { status: 'ambiguous', suggestions: rank(exact.map((entry) => ({ entry, score: 0 })), SUGGESTION_LIMIT) }
  return { status: 'unknown', suggestions: searchCommunes(input, SUGGESTION_LIMIT) }
}
