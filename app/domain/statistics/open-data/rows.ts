import { stringify } from 'csv-stringify/sync'
import { escapeCsvCell } from '../../moderation/csv'
import { demoTerritories } from '../../places/territories'
import { domainLabel, type TechnologyDomainId } from '../../taxonomy/domains'
import { filieres } from '../../taxonomy/filieres'
import type { Statistics } from '../figures.server'
import type { Masked } from '../small-counts'
import { LICENCE, tableSchemas, type DatasetName } from './table-schema'

/** Dataset rows (field name → value, in the schema's order) and their CSV / JSON forms. Pure. */
export type Cell = string | number | boolean | null
export type Row = Record<string, Cell>

const rounded = (value: Masked<number | null>, digits: number): Cell => (typeof value === 'number' ? Number(value.toFixed(digits)) : value)

type FigureRow = { key: string } & Record<'needs' | 'answeredWithin3Days' | 'answeredWithin5Days' | 'answered' | 'projectsStarted', Masked<number>> &
  Record<'shareAnsweredWithin3Days' | 'shareAnsweredWithin5Days' | 'medianHoursToFirstProposal', Masked<number | null>>

const figureCells = (row: FigureRow): Row => ({
  besoins_publies: row.needs,
  besoins_repondus_3_jours: row.answeredWithin3Days,
  besoins_repondus_5_jours: row.answeredWithin5Days,
  besoins_avec_proposition: row.answered,
  part_repondus_3_jours: rounded(row.shareAnsweredWithin3Days, 4),
  part_repondus_5_jours: rounded(row.shareAnsweredWithin5Days, 4),
  delai_median_heures: rounded(row.medianHoursToFirstProposal, 1),
  projets_demarres: row.projectsStarted,
})

const territoryNames = new Map<string, string>(demoTerritories.map((territory) => [territory.id, territory.name]))
const filiereNames = new Map<string, string>(filieres.map((filiere) => [filiere.id, filiere.label.fr]))

/** The rows of one statistics dataset (labels in French: the open data's language). */
export function statisticsRows(name: Exclude<DatasetName, 'annuaire-organisations'>, figures: Statistics): Row[] {
  switch (name) {
    case 'statistiques-par-mois':
      return figures.byMonth.map((row) => ({ mois: row.key, ...figureCells(row) }))
    case 'statistiques-par-territoire':
      return figures.byTerritory.map((row) => ({ territoire: row.key, territoire_nom: territoryNames.get(row.key) ?? row.key, ...figureCells(row) }))
    case 'statistiques-par-filiere':
      return figures.byFiliere.map((row) => ({ filiere: row.key, filiere_nom: filiereNames.get(row.key) ?? row.key, ...figureCells(row) }))
    case 'statistiques-par-domaine':
      return figures.byDomain.map((row) => ({ domaine: row.key, domaine_nom: domainLabel(row.key as TechnologyDomainId, 'fr'), ...figureCells(row) }))
  }
}

/** CSV with a header row (comma, UTF-8, no BOM); a text cell a spreadsheet would run as a formula is escaped. */
export function datasetCsv(name: DatasetName, rows: readonly Row[]): string {
  const fields = tableSchemas[name].fields.map((field) => field.name)
  const cell = (value: Cell) => (value === null ? '' : typeof value === 'string' ? escapeCsvCell(value) : String(value))
  return stringify([fields, ...rows.map((row) => fields.map((field) => cell(row[field] ?? null)))])
}

/** JSON: the rows under `donnees`, with the schema's address and the licence. */
export function datasetJson(name: DatasetName, rows: readonly Row[], generatedAt: string) {
  return { jeu_de_donnees: name, schema: `/donnees-ouvertes/${name}.schema.json`, licence: { nom: LICENCE.name, url: LICENCE.url }, genere_le: generatedAt, donnees: rows }
}
