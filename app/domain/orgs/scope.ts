import type { Space } from '../actor'
import type { OrgKind } from './kinds'


/** The facts about an organisation the scope rule looks at. */
export type ScopedOrganisation = { kind: OrgKind; territories: readonly string[]; memberOf: ReadonlyArray<{ toString(): string }> }

/**
 * THE rule for what an animator may act on (verify, later moderate): an organisation serving a
 * Territoire d'industrie they animate, or a company that declared itself a member of a
 * cluster/pôle they animate.
 */
export function isWithinAnimatorScope(animates: ReadonlyArray<Space>, org: ScopedOrganisation): boolean {
  const territories = new Set(animates.filter((item) => item.kind === 'territory').map((item) => item.ref))
  if (org.territories.some((territory) => territories.has(territory))) return true
  if (org.kind !== 'company') return false
  const clusters = new Set(animates.filter((item) => item.kind === 'organisation').map((item) => item.ref))
  return org.memberOf.some((clusterId) => clusters.has(clusterId.toString()))
}
