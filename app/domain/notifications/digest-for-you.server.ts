import type { AlertNeed } from '../alerts/mail'
import { searchableNeeds, type AlertSearch } from '../alerts/matches.server'
import { proposingKinds } from '../orgs/kinds'
import { organisationsOf } from '../orgs/memberships.server'
import { needsForOrganisationId } from '../search/matching.server'

/**
 * « Besoins pour vous » in researchers' digests (issue 14): the matching « Mes propositions »
 * shows for the person's first lab or centre (search/matching.server.ts, the same call), cut to
 * the needs still in the public search (checked against MongoDB like alerts), so a digest never
 * shows a need its recipient may not see. One matching per organisation per run (`cache`).
 * Meilisearch down: no section, the digest goes without it.
 */
export const FOR_YOU_MAX = 5

export async function needsForResearchers(userIds: readonly string[], search: AlertSearch, cache: Map<string, AlertNeed[]>): Promise<Map<string, AlertNeed[]>> {
  const result = new Map<string, AlertNeed[]>()
  for (const userId of userIds) {
    const [first] = await organisationsOf(userId, proposingKinds)
    if (!first) continue
    let needs = cache.get(first.id)
    if (!needs) {
      const matched = await needsForOrganisationId(search.client, first.id, { limit: FOR_YOU_MAX, names: search.names })
      const suggestions = matched?.suggestions
      const ids = suggestions?.status === 'ok' ? suggestions.items.map((item) => item.id) : []
      const visible = await searchableNeeds(ids)
      needs = ids.flatMap((id) => visible.get(id) ?? [])
      cache.set(first.id, needs)
    }
    if (needs.length) result.set(userId, needs)
  }
  return result
}
