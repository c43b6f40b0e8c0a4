import type { Actor, Space } from '../actor'
import { animatesAnySpace } from '../needs/visibility'
import { isWithinAnimatorScope, type ScopedOrganisation } from '../orgs/scope'
import { hasPermission } from '../permissions'

/**
 * The animator's scope for every moderation action, built on the two existing rules: a need's
 * `spaces` (needs/visibility.ts) and the organisation rule (orgs/scope.ts). Admins act
 * everywhere; animators within the spaces they animate; nobody else moderates.
 */

export const moderatesEverywhere = (actor: Actor) => hasPermission(actor, 'moderate:content:any')
export const isModerator = (actor: Actor | null | undefined) => Boolean(actor && hasPermission(actor, 'moderate:content:scope'))

export function mayModerateSpaces(actor: Actor, spaces: readonly Space[]): boolean {
  if (moderatesEverywhere(actor)) return true
  return isModerator(actor) && animatesAnySpace(actor.animates, spaces)
}

export function mayModerateOrganisation(actor: Actor, org: ScopedOrganisation): boolean {
  if (moderatesEverywhere(actor)) return true
  return isModerator(actor) && isWithinAnimatorScope(actor.animates, org)
}

/**
 * The spaces an organisation belongs to, in the same terms as `isWithinAnimatorScope`: the
 * Territoires d'industrie it serves, plus — for companies — the clusters/pôles it declared.
 * Stored on audit entries and reports so an animator's search is one indexed query.
 */
export function organisationSpaces(org: ScopedOrganisation): Space[] {
  const spaces: Space[] = org.territories.map((ref) => ({ kind: 'territory', ref }))
  if (org.kind === 'company') for (const cluster of org.memberOf) spaces.push({ kind: 'organisation', ref: cluster.toString() })
  return spaces
}

/** A MongoDB filter on a `spaces` array: everything for admins, the animator's spaces otherwise. */
export function spacesFilter(actor: Actor): Record<string, unknown> {
  if (moderatesEverywhere(actor)) return {}
  if (!isModerator(actor) || !actor.animates.length) return { _id: { $exists: false } }
  return { $or: actor.animates.map((space) => ({ spaces: { $elemMatch: { kind: space.kind, ref: space.ref } } })) }
}
