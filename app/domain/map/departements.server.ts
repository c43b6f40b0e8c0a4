import { createRequire } from 'node:module'

/** Départements from the official code (@etalab/decoupage-administratif): metropolitan and overseas. */
export type Departement = { code: string; name: string; overseas: boolean }

type RawDepartement = { code: string; nom: string; zone: 'metro' | 'drom' | 'com' }

let all: { list: Departement[]; byName: Map<string, Departement> } | undefined

function departementIndex() {
  if (all) return all
  const require = createRequire(import.meta.url)
  const raw = require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[]
  const list = raw.map((item) => ({ code: item.code, name: item.nom, overseas: item.zone !== 'metro', listed: item.zone !== 'com' }))
  all = { list: list.filter((item) => item.listed).map(({ listed: _, ...item }) => item), byName: new Map(list.map(({ listed: _, ...item }) => [item.name, item])) }
  return all
}

/** The map's rows: the 96 metropolitan départements and the 5 overseas ones, by code. */
export const mapDepartements = (): readonly Departement[] => departementIndex().list

/** A département from the name stored on needs and profiles (the search index keeps names). */
export const departementByName = (name: string): Departement | undefined => departementIndex().byName.get(name)
