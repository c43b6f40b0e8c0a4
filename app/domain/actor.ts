import type { UserRole } from './users/roles'

/**
 * A space an animator animates (and a need or an organisation belongs to): a Territoire
 * d'industrie (`territory`, by its id) or a cluster / pôle (`organisation`, by its id). Stored
 * alike on `User.animates`, `Need.spaces`, audit entries and reports.
 */
export type Space = { kind: 'organisation' | 'territory'; ref: string }

/**
 * Who is asking — the one shape every domain service takes, whichever door the request came
 * through: a Remix loader or action (app/http/actor.server.ts) or a socket command
 * (server/realtime/auth.ts). Its scopes are `animates`, the spaces the person animates, named as
 * they are stored on the user. Built from the session's user by `actorOf`, never by hand.
 */
export type Actor = {
  id: string
  role: UserRole
  name: string
  animates: Space[]
}

/** The actor of a signed-in user record (the session's user, a user read from the database). */
export function actorOf(user: { id: string; role: UserRole; name: string; animates?: ReadonlyArray<Space> | null }): Actor {
  return { id: user.id, role: user.role, name: user.name, animates: (user.animates ?? []).map((space) => ({ kind: space.kind, ref: space.ref })) }
}
