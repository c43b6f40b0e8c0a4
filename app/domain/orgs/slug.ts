/** Slugs that are route names under /organisations: an organisation may not shadow them. */
export const reservedSlugs = new Set(['nouvelle'])

export const SLUG_MAX_LENGTH = 80

/** "Laboratoire Chrono-environnement (UMR 6249)" → "laboratoire-chrono-environnement-umr-6249". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')
  return slug || 'organisation'
}

/**
 * The slug for `base` that no one has yet: `base`, then `base-2`, `base-3`… `taken` holds the
 * slugs already used that start with `base` (the caller's query narrows them).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base) && !reservedSlugs.has(base)) return base
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`
    if (!used.has(candidate)) return candidate
  }
}
