import { orgKinds } from '../../orgs/kinds'
import { FEWER_THAN_THRESHOLD } from '../small-counts'

/**
 * The open datasets and their Table Schemas (frictionless, https://specs.frictionlessdata.io/table-schema/),
 * served next to each dataset as <name>.schema.json. The CSV and the JSON carry the same fields in
 * the same order; the tests validate both against these schemas.
 */
export type TableSchemaField = {
  name: string
  title: string
  description: string
  type: 'string' | 'integer' | 'number' | 'boolean'
  format?: string
  constraints?: { required?: boolean; unique?: boolean; minimum?: number; maximum?: number; enum?: readonly string[]; pattern?: string }
}
export type TableSchema = { fields: TableSchemaField[]; primaryKey?: string[]; missingValues: string[] }

export const LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const

export const statisticsDatasets = ['statistiques-par-mois', 'statistiques-par-territoire', 'statistiques-par-filiere', 'statistiques-par-domaine'] as const
export const datasetNames = [...statisticsDatasets, 'annuaire-organisations'] as const
export type DatasetName = (typeof datasetNames)[number]
export const isDatasetName = (name: string): name is DatasetName => (datasetNames as readonly string[]).includes(name)

const count = (name: string, title: string, description: string): TableSchemaField => ({ name, title, description, type: 'integer', constraints: { minimum: 0 } })
const share = (name: string, title: string, description: string): TableSchemaField => ({ name, title, description, type: 'number', constraints: { minimum: 0, maximum: 1 } })

const SECRECY = ` « ${FEWER_THAN_THRESHOLD} » : moins de 3 (secret statistique, ventilations seulement).`
const figureFields: TableSchemaField[] = [
  count('besoins_publies', 'Besoins publiés', `Besoins mis en ligne sur la période.${SECRECY}`),
  count('besoins_repondus_3_jours', 'Besoins avec une première proposition sous 3 jours', `Première proposition reçue au plus 72 heures après la publication.${SECRECY}`),
  count('besoins_repondus_5_jours', 'Besoins avec une première proposition sous 5 jours', `Première proposition reçue au plus 120 heures après la publication.${SECRECY}`),
  count('besoins_avec_proposition', 'Besoins ayant reçu une proposition', `Au moins une proposition, quel que soit le délai.${SECRECY}`),
  share('part_repondus_3_jours', 'Part répondue sous 3 jours', `Entre 0 et 1. Vide sans besoin publié.${SECRECY}`),
  share('part_repondus_5_jours', 'Part répondue sous 5 jours', `Entre 0 et 1. Vide sans besoin publié.${SECRECY}`),
  { name: 'delai_median_heures', title: 'Délai médian de première proposition (heures)', description: `Médiane, sur les besoins ayant reçu une proposition, du délai entre publication et première proposition. Vide si aucun.${SECRECY}`, type: 'number', constraints: { minimum: 0 } },
  count('projets_demarres', 'Projets démarrés', `Projets créés sur la période (proposition acceptée).${SECRECY}`),
]

const keyField = (name: string, title: string, description: string, pattern?: string): TableSchemaField => ({
  name,
  title,
  description,
  type: 'string',
  constraints: { required: true, unique: true, ...(pattern ? { pattern } : {}) },
})

export const tableSchemas: Record<DatasetName, TableSchema> = {
  'statistiques-par-mois': {
    fields: [{ ...keyField('mois', 'Mois', 'Mois de publication (heure de Paris), AAAA-MM.', '^\\d{4}-(0[1-9]|1[0-2])$'), format: 'default' }, ...figureFields],
    primaryKey: ['mois'],
    missingValues: [''],
  },
  'statistiques-par-territoire': {
    fields: [keyField('territoire', 'Territoire d’industrie (identifiant)', 'Identifiant stable du Territoire d’industrie.'), { name: 'territoire_nom', title: 'Territoire d’industrie', description: 'Nom du Territoire d’industrie.', type: 'string', constraints: { required: true } }, ...figureFields],
    primaryKey: ['territoire'],
    missingValues: ['', FEWER_THAN_THRESHOLD],
  },
  'statistiques-par-filiere': {
    fields: [keyField('filiere', 'Filière (identifiant)', 'Identifiant stable de la filière.'), { name: 'filiere_nom', title: 'Filière', description: 'Nom de la filière.', type: 'string', constraints: { required: true } }, ...figureFields],
    primaryKey: ['filiere'],
    missingValues: ['', FEWER_THAN_THRESHOLD],
  },
  'statistiques-par-domaine': {
    fields: [
      keyField('domaine', 'Domaine technologique (identifiant)', 'Identifiant stable du domaine. Un besoin à plusieurs domaines compte dans chacun.'),
      { name: 'domaine_nom', title: 'Domaine technologique', description: 'Nom du domaine.', type: 'string', constraints: { required: true } },
      ...figureFields,
    ],
    primaryKey: ['domaine'],
    missingValues: ['', FEWER_THAN_THRESHOLD],
  },
  'annuaire-organisations': {
    fields: [
      keyField('identifiant', 'Identifiant', 'Identifiant stable (celui de l’adresse de la fiche /organisations/<identifiant>).', '^[a-z0-9-]+$'),
      { name: 'nom', title: 'Nom', description: 'Nom de l’organisation.', type: 'string', constraints: { required: true } },
      { name: 'type', title: 'Type', description: 'company (entreprise), lab (laboratoire), technology_centre (centre technique), cluster, pole (pôle de compétitivité).', type: 'string', constraints: { required: true, enum: orgKinds } },
      { name: 'commune', title: 'Commune', description: 'Commune du siège ou du site. Vide si non renseignée.', type: 'string' },
      { name: 'code_commune', title: 'Code commune (INSEE)', description: 'Code officiel géographique.', type: 'string', constraints: { pattern: '^[0-9AB]{5}$' } },
      { name: 'departement', title: 'Département', description: 'Nom du département.', type: 'string' },
      { name: 'code_departement', title: 'Code département', description: 'Code officiel du département.', type: 'string', constraints: { pattern: '^[0-9AB]{2,3}$' } },
      { name: 'domaines', title: 'Domaines technologiques', description: 'Identifiants des domaines, séparés par « ; ».', type: 'string' },
      { name: 'trl_min', title: 'TRL minimal', description: 'Niveau de maturité technologique le plus bas travaillé (1 à 9).', type: 'integer', constraints: { minimum: 1, maximum: 9 } },
      { name: 'trl_max', title: 'TRL maximal', description: 'Niveau de maturité technologique le plus haut travaillé (1 à 9).', type: 'integer', constraints: { minimum: 1, maximum: 9 } },
      { name: 'verifiee', title: 'Vérifiée', description: 'Vérifiée par un animateur ou un administrateur.', type: 'boolean' },
      { name: 'fictive', title: 'Fictive', description: 'Organisation de démonstration, fictive.', type: 'boolean' },
    ],
    primaryKey: ['identifiant'],
    missingValues: [''],
  },
}

/** The schema as served: the Table Schema plus where the licence is. */
export const servedSchema = (name: DatasetName) => ({ ...tableSchemas[name], licenses: [{ name: 'etalab-2.0', title: LICENCE.name, path: LICENCE.url }] })

/** `<dataset>.csv`, `<dataset>.json` or `<dataset>.schema.json`; null for any other file name. */
export function parseDatasetFile(file: string): { name: DatasetName; format: 'csv' | 'json' | 'schema.json' } | null {
  const match = /^([a-z-]{1,60})\.(csv|json|schema\.json)$/.exec(file)
  if (!match || !isDatasetName(match[1]!)) return null
  return { name: match[1], format: match[2] as 'csv' | 'json' | 'schema.json' }
}
