import { createRequire } from 'node:module'

/**
 * The EPCI (intercommunalités) a commune belongs to, from the official list
 * (@etalab/decoupage-administratif). Read once per process on first use (4 MB of JSON).
 */
type RawEpci = { code: string; nom: string; membres: Array<{ code: string }> }
export type Epci = { code: string; name: string }

let byCommune: Map<string, Epci> | undefined

function epciIndex(): Map<string, Epci> {
  if (byCommune) return byCommune
  const require = createRequire(import.meta.url)
  const raw = require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[]
  byCommune = new Map()
  for (const epci of raw) for (const member of epci.membres) byCommune.set(member.code, { code: epci.code, name: epci.nom })
  return byCommune
}

/** The EPCI of these communes (INSEE codes), each once, by name. */
export function epciOfCommunes(communeCodes: readonly string[]): Epci[] {
  const index = epciIndex()
  const found = new Map<string, Epci>()
  for (const code of communeCodes) {
    const epci = index.get(code)
    if (epci) found.set(epci.code, epci)
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}
