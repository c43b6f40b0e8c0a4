import Ajv from 'ajv'
import { parse } from 'csv-parse/sync'
import type { TableSchema, TableSchemaField } from '~/domain/statistics/open-data/table-schema'

/**
 * Checks a dataset against its own Table Schema: the Table Schema is translated to a JSON Schema
 * (types, minimum/maximum, enum, pattern, required; missing values allowed where not required) and
 * ajv validates the rows; a CSV is first read with its header and each cell cast by its field's
 * type, as a Table Schema reader would. `unique` is checked by hand (JSON Schema cannot).
 */
const ajv = new Ajv({ allErrors: true })

function fieldSchema(field: TableSchemaField, missingValues: string[]) {
  const { minimum, maximum, pattern, enum: allowed } = field.constraints ?? {}
  const value = { type: field.type, ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}), ...(pattern ? { pattern } : {}), ...(allowed ? { enum: allowed } : {}) }
  return field.constraints?.required ? value : { anyOf: [value, { type: 'null' }, { type: 'string', enum: missingValues }] }
}

export function rowsSchemaOf(schema: TableSchema) {
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: Object.fromEntries(schema.fields.map((field) => [field.name, fieldSchema(field, schema.missingValues)])),
      required: schema.fields.map((field) => field.name),
      additionalProperties: false,
    },
  }
}

/** Problems found (empty when the rows fit their schema). */
export function validateRows(schema: TableSchema, rows: unknown[]): string[] {
  const validate = ajv.compile(rowsSchemaOf(schema))
  const problems = validate(rows) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
  for (const field of schema.fields.filter((candidate) => candidate.constraints?.unique)) {
    const values = rows.map((row) => (row as Record<string, unknown>)[field.name])
    if (new Set(values).size !== values.length) problems.push(`${field.name} is not unique`)
  }
  return problems
}

/** A CSV's rows as typed values (missing values: "" becomes null, others stay as written). */
export function castCsv(schema: TableSchema, csv: string): { header: string[]; rows: Array<Record<string, unknown>> } {
  const [header = [], ...records] = parse(csv) as string[][]
  const cast = (field: TableSchemaField, cell: string): unknown => {
    if (schema.missingValues.includes(cell)) return cell === '' ? null : cell
    if (field.type === 'integer') return /^-?\d+$/.test(cell) ? Number(cell) : cell
    if (field.type === 'number') return cell.trim() !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell
    if (field.type === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell
    return cell
  }
  return { header, rows: records.map((record) => Object.fromEntries(schema.fields.map((field, index) => [field.name, cast(field, record[index] ?? '')]))) }
}
