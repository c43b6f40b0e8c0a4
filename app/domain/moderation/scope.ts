import type { Actor } from '../actor'
import { isModerator, moderatesEverywhere } from '../permissions'

/**
 * `mayModerateSpaces` (permissions.ts) as a MongoDB filter on a `spaces` array, for the queues,
 * the audit log and the dashboard: everything for admins, the spaces an animator animates
 * otherwise, nothing for anyone else.
 */
export function spacesFilter(actor: Actor): Record<string, unknown> {
  if (moderatesEverywhere(actor)) return {}
  if (!isModerator(actor) || !actor.animates.length) return { _id: { $exists: false } }
  return { $or: actor.animates.map((space) => ({ spaces: { $elemMatch: { kind: space.kind, ref: space.ref } } })) }
}
