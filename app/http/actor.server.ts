import { redirect } from '@remix-run/node'
import { getSessionUser, requireUser } from '~/domain/auth/session.server'
import { loadActor, type MarketplaceActor } from '~/domain/needs/membership.server'

/**
 * The signed-in person as every route hands them to the domain services: role and animated
 * spaces (the marketplace and moderation rules), and their name (messaging, project rooms).
 */
export type Actor = MarketplaceActor & { name: string }

/** Anonymous visitors go to the sign-in page, then back where they were going (requireUser). */
export async function requireActor(request: Request): Promise<Actor> {
  const user = await requireUser(request)
  const actor = await loadActor(user.id)
  if (!actor) throw redirect('/connexion')
  return { ...actor, name: user.name }
}

/** The same for pages anyone may see: null for a visitor. */
export async function optionalActor(request: Request): Promise<Actor | null> {
  const user = await getSessionUser(request)
  if (!user) return null
  const actor = await loadActor(user.id)
  return actor ? { ...actor, name: user.name } : null
}
