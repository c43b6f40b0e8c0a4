/** Abbreviations people type for the words place names spell out. */
const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' }

/**
 * Folds a place name or a query to comparable text: no accents, no case, no punctuation,
 * "St" ≈ "Saint". "Saint-Étienne-du-Rouvray" and "st etienne du rouvray" give the same text.
 */
export function normalizePlaceText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => abbreviations[word] ?? word)
    .join(' ')
}
