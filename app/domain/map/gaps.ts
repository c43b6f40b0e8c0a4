import { isShowable } from './small-counts'

/**
 * "Needs with no competence nearby" (docs/decisions/032-map.md): a département is highlighted
 * when it has needs that may be shown (at least the small-count threshold: a highlight must not
 * reveal one or two needs) and no competence organisation matching the same filters — hence of
 * a chosen domain when domains are chosen — sits in the département or in a bordering one.
 */
export function isCompetenceGap(code: string, needs: ReadonlyMap<string, number>, competences: ReadonlyMap<string, number>, neighbours: (code: string) => ReadonlySet<string>): boolean {
  if (!isShowable(needs.get(code) ?? 0)) return false
  if ((competences.get(code) ?? 0) > 0) return false
  for (const other of neighbours(code)) if ((competences.get(other) ?? 0) > 0) return false
  return true
}
