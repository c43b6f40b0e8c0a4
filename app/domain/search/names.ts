/**
 * Index names, configurable by a prefix so test files (and a reindex's temporary copies)
 * never collide. The app itself uses no prefix.
 */
export type SearchIndexNames = { needs: string; organisations: string }

export function searchIndexNames(prefix = ''): SearchIndexNames {
  return { needs: `${prefix}needs`, organisations: `${prefix}organisations` }
}

export type SearchKind = keyof SearchIndexNames
export const searchKinds = ['needs', 'organisations'] as const satisfies readonly SearchKind[]
