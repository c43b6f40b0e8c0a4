import { invalid } from '../errors'
import { recordAudit } from '../moderation/audit.server'
import { animatedKinds } from '../orgs/kinds'
import { Organisation } from '../orgs/model.server'
import type { Actor } from '../actor'
import { assertPermission } from '../permissions'
import { endAllSessions } from '../auth/session.server'
import { User } from './model.server'
import type { UserRole } from './roles'

/**
 * Admins appoint animators: a person (found by e-mail) gets the animator role and the spaces
 * they animate (Territoires d'industrie, clusters, pôles). Revoking gives them back the role
 * they had before. Both are recorded in the audit log.
 */
export type AnimatorScopeInput = { territories: string[]; organisations: string[] }

const assertMayAppoint = (actor: Actor) => assertPermission(actor, 'appoint:animator:any')

export async function listAnimators(actor: Actor) {
  assertMayAppoint(actor)
  const animators = await User.find({ role: 'animator' }, { name: 1, email: 1, animates: 1 }).sort({ name: 1 }).lean()
  const orgIds = animators.flatMap((a) => a.animates.filter((s) => s.kind === 'organisation').map((s) => s.ref))
  const orgs = new Map((await Organisation.find({ _id: { $in: orgIds } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]))
  return animators.map((animator) => ({
    id: String(animator._id),
    name: animator.name,
    email: animator.email,
    territories: animator.animates.filter((s) => s.kind === 'territory').map((s) => s.ref),
    organisations: animator.animates.filter((s) => s.kind === 'organisation').map((s) => ({ id: s.ref, name: orgs.get(s.ref) ?? s.ref })),
  }))
}

/** Clusters and pôles an animator may be given (the spaces that animate companies). */
export async function animatedOrganisations() {
  return (await Organisation.find({ kind: { $in: animatedKinds } }, { name: 1 }).sort({ name: 1 }).lean()).map((org) => ({ id: String(org._id), name: org.name }))
}

export async function appointAnimator(actor: Actor, input: { email: string } & AnimatorScopeInput) {
  assertMayAppoint(actor)
  const user = await User.findOne({ email: input.email }, { role: 1, animates: 1 }).lean()
  if (!user) throw invalid('admin.animators.errors.unknownEmail', { email: ['admin.animators.errors.unknownEmail'] })
  if (user.role === 'admin') throw invalid('admin.animators.errors.isAdmin', { email: ['admin.animators.errors.isAdmin'] })
  const validOrgs = await Organisation.find({ _id: { $in: input.organisations }, kind: { $in: animatedKinds } }, { _id: 1 }).lean()
  if (validOrgs.length !== new Set(input.organisations).size) throw invalid('admin.animators.errors.unknownScope', { organisations: ['admin.animators.errors.unknownScope'] })
  const animates = [
    ...input.territories.map((ref) => ({ kind: 'territory' as const, ref })),
    ...validOrgs.map((org) => ({ kind: 'organisation' as const, ref: String(org._id) })),
  ]
  await User.updateOne(
    { _id: user._id },
    { $set: { role: 'animator', animates, ...(user.role !== 'animator' ? { roleBeforeAnimator: user.role } : {}) } },
  )
  await recordAudit({
    actorId: actor.id,
    action: 'user.appoint_animator',
    targetKind: 'user',
    targetId: String(user._id),
    spaces: animates,
    before: user.role === 'animator' ? user.animates.map((s) => `${s.kind}:${s.ref}`).join(', ') : user.role,
    after: animates.map((s) => `${s.kind}:${s.ref}`).join(', '),
  })
  return { userId: String(user._id) }
}

export async function revokeAnimator(actor: Actor, userId: string) {
  assertMayAppoint(actor)
  const user = await User.findOne({ _id: userId, role: 'animator' }, { animates: 1, roleBeforeAnimator: 1 }).lean()
  if (!user) throw invalid('admin.animators.errors.notAnimator')
  const role: UserRole = user.roleBeforeAnimator ?? 'researcher'
  await User.updateOne({ _id: user._id }, { $set: { role, animates: [] }, $unset: { roleBeforeAnimator: 1 } })
  // Their open pages and sockets must not keep animator rights: sign them in again.
  await endAllSessions(userId)
  await recordAudit({
    actorId: actor.id,
    action: 'user.revoke_animator',
    targetKind: 'user',
    targetId: userId,
    spaces: user.animates,
    before: user.animates.map((s) => `${s.kind}:${s.ref}`).join(', '),
    after: role,
  })
}
