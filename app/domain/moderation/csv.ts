import { stringify } from 'csv-stringify/sync'

/**
 * CSV for spreadsheets without CSV injection: a cell a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) is prefixed with a quote, so it stays text.
 */
export function escapeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const cells = rows.map((row) => row.map((cell) => escapeCsvCell(cell === null || cell === undefined ? '' : String(cell))))
  return stringify([header.map(escapeCsvCell), ...cells], { bom: true, quoted_string: true })
}
