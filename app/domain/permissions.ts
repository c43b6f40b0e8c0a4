import type { Actor } from './actor'
import type { UserRole } from './users/roles'

/**
 * Permission strings `action:entity:access` (Epic Stack style). `own` means the entity must
 * belong to the user (checked in the service's query), `any` means no ownership is required.
 * This is the single list of who may do what; services call `assertPermission`.
 */
export const permissionsByRole = {
  industrialist: ['create:org:own', 'update:org:own', 'manage:org-members:own', 'join:org:any', 'read:user:any', 'create:need:own', 'update:need:own', 'create:proposal:own', 'report:content:any'],
  researcher: ['create:org:own', 'update:org:own', 'manage:org-members:own', 'join:org:any', 'read:user:any', 'create:need:own', 'update:need:own', 'create:proposal:own', 'report:content:any'],
  animator: ['create:org:own', 'update:org:own', 'manage:org-members:own', 'join:org:any', 'read:user:any', 'verify:org:scope', 'create:need:own', 'update:need:own', 'create:proposal:own', 'review:need:scope', 'report:content:any', 'moderate:content:scope'],
  admin: [
    'create:org:own',
    'update:org:own',
    'update:org:any',
    'manage:org-members:own',
    'manage:org-members:any',
    'join:org:any',
    'read:user:any',
    'verify:org:any',
    'verify:org:scope',
    'appoint:animator:any',
    'read:mail-outbox:any',
    'create:need:own',
    'update:need:own',
    'create:proposal:own',
    'review:need:scope',
    'review:need:any',
    'report:content:any',
    'moderate:content:scope',
    'moderate:content:any',
  ],
} as const satisfies Record<UserRole, readonly string[]>

export type Permission = (typeof permissionsByRole)[UserRole][number]

export function hasPermission(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false
  return (permissionsByRole[actor.role] as readonly string[]).includes(permission)
}
