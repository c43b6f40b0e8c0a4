import { actorOf, type Actor } from '~/domain/actor'
import { hasPermission, type Permission } from '~/domain/permissions'
import { refuse } from './domain-response.server'
import { getSessionUser, requireUser } from './session.server'

/**
 * Who is asking, as every route hands them to the domain services (one read of the session and
 * its user). Sign-in, sign-up, sign-out and e-mail verification are the only routes that read
 * the session themselves (./session.server.ts).
 */

/** Anonymous visitors go to the sign-in page, then back where they were going. */
export async function requireActor(request: Request): Promise<Actor> {
  return actorOf(await requireUser(request))
}

/** The same for pages anyone may see: null for a visitor. */
export async function optionalActor(request: Request): Promise<Actor | null> {
  const user = await getSessionUser(request)
  return user ? actorOf(user) : null
}

/**
 * A signed-in person holding `permission` (the /animation and /admin pages); anyone else signed
 * in gets the 403 page. The services check the same permission (and the scope) again.
 */
export async function requirePermission(request: Request, permission: Permission): Promise<Actor> {
  const actor = await requireActor(request)
  if (!hasPermission(actor, permission)) refuse('forbidden')
  return actor
}
