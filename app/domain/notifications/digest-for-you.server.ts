import type { AlertNeed } from '../alerts/mail'
import { searchableNeeds, type AlertSearch } from '../alerts/matches.server'
import { proposingKinds } from '../orgs/kinds'
import { organisationsOf } from '../orgs/memberships.server'
import { Organisation } from '../orgs/model.server'
import { needsForOrganisation } from '../search/matching.server'

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
      const profile = await Organisation.findById(first.id, { domains: 1, keywords: 1, trlMin: 1, trlMax: 1, location: 1 }).lean()
      const suggestions = profile
        ? await needsForOrganisation(
            search.client,
            {
              domains: profile.domains,
              keywords: profile.keywords,
              trlMin: profile.trlMin,
              trlMax: profile.trlMax,
              communeCode: profile.location?.communeCode,
              departementName: profile.location?.departementName,
              regionName: profile.location?.regionName,
            },
            { limit: FOR_YOU_MAX, names: search.names },
          )
        : null
      const ids = suggestions?.status === 'ok' ? suggestions.items.map((item) => item.id) : []
      const visible = await searchableNeeds(ids)
      needs = ids.flatMap((id) => visible.get(id) ?? [])
      cache.set(first.id, needs)
    }
    if (needs.length) result.set(userId, needs)
  }
  return result
}
