import { conflict, notFound } from '../errors'
import { assertAllowed, mayManageMembers, maySeeMembers, mayTransferOwnership } from '../permissions'
import { User } from '../users/model.server'
import { Invitation, JoinRequest } from './membership-models.server'
import { Membership } from './model.server'
import { inTransaction, lockOrganisation, requireOrganisation, standing, assertMayManageMembers, type OrgContext } from './common.server'

/** The members of an organisation: leaving, handing ownership over, removing someone, being listed, the members page. */

// ——— Memberships ———

/** A member leaves; the last owner must transfer ownership first. */
export async function leaveOrganisation({ actor }: OrgContext, slug: string) {
  const org = await requireOrganisation(slug)
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const membership = await Membership.findOneAndDelete({ orgId: org._id, userId: actor.id }, { session })
    if (!membership) throw notFound()
    if (membership.role === 'owner' && (await Membership.countDocuments({ orgId: org._id, role: 'owner' }, { session })) === 0) {
      throw conflict('orgs.errors.lastOwner')
    }
  })
  return { name: org.name }
}

/** The owner hands ownership to another member and stays on as a member. */
export async function transferOwnership({ actor }: OrgContext, slug: string, toUserId: string) {
  const org = await requireOrganisation(slug)
  // Checked again inside the transaction, against the memberships as they are then.
  assertAllowed(mayTransferOwnership(actor, await standing(actor, org)))
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const own = await Membership.findOne({ orgId: org._id, userId: actor.id, role: 'owner' }, null, { session })
    assertAllowed(mayTransferOwnership(actor, { owner: Boolean(own) }))
    const target = await Membership.findOne({ orgId: org._id, userId: toUserId }, null, { session })
    if (!target) throw notFound()
    if (target.role === 'owner') throw conflict('orgs.errors.alreadyOwner')
    target.set({ role: 'owner' })
    own!.set({ role: 'member' })
    await target.save({ session })
    await own!.save({ session })
  })
  return { name: (await User.findById(toUserId, { name: 1 }).lean())?.name ?? '' }
}

/** An owner removes someone else; there is always an owner left. */
export async function removeMember({ actor }: OrgContext, slug: string, userId: string) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  if (userId === actor.id) throw conflict('orgs.errors.cannotRemoveSelf')
  await inTransaction(async (session) => {
    await lockOrganisation(org._id, session)
    const removed = await Membership.findOneAndDelete({ orgId: org._id, userId }, { session })
    if (!removed) throw notFound()
    if (removed.role === 'owner' && (await Membership.countDocuments({ orgId: org._id, role: 'owner' }, { session })) === 0) {
      throw conflict('orgs.errors.lastOwner')
    }
  })
  return { name: (await User.findById(userId, { name: 1 }).lean())?.name ?? '' }
}

/** Each member chooses whether they appear on the public profile. */
export async function setListed({ actor }: Pick<OrgContext, 'actor'>, slug: string, listed: boolean) {
  const org = await requireOrganisation(slug)
  const result = await Membership.updateOne({ orgId: org._id, userId: actor.id }, { listed })
  if (result.matchedCount === 0) throw notFound()
}

/** The members page: for members (their own settings) and owners (everything). */
export async function getMembersOverview({ actor }: Pick<OrgContext, 'actor'>, slug: string) {
  const org = await requireOrganisation(slug)
  const own = await standing(actor, org)
  assertAllowed(maySeeMembers(actor, own))
  const manages = mayManageMembers(actor, own)
  const memberships = await Membership.find({ orgId: org._id }).sort({ role: -1, createdAt: 1 }).lean()
  const requests = manages ? await JoinRequest.find({ orgId: org._id, status: 'pending' }).sort({ createdAt: 1 }).lean() : []
  const invitations = manages
    ? await Invitation.find({ orgId: org._id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }).sort({ createdAt: -1 }).lean()
    : []
  const users = await User.find({ _id: { $in: [...memberships.map((m) => m.userId), ...requests.map((r) => r.userId)] } }, { name: 1, title: 1, email: 1 }).lean()
  const usersById = new Map(users.map((user) => [String(user._id), user]))
  return {
    org: { slug: org.slug, name: org.name, kind: org.kind },
    viewer: { userId: actor.id, role: own.role, listed: own.listed, canManage: manages },
    members: memberships.flatMap((membership) => {
      const user = usersById.get(String(membership.userId))
      if (!user) return []
      const self = String(user._id) === actor.id
      return [
        {
          userId: String(user._id),
          name: user.name,
          title: user.title ?? '',
          // Addresses are shown to those who manage members only.
          email: manages ? user.email : null,
          role: membership.role,
          listed: membership.listed,
          self,
          canRemove: manages && !self,
          canTransferTo: !self && membership.role === 'member' && mayTransferOwnership(actor, own),
        },
      ]
    }),
    requests: requests.map((request) => ({
      id: String(request._id),
      userId: String(request.userId),
      name: usersById.get(String(request.userId))?.name ?? '',
      message: request.message,
      createdAt: request.createdAt.toISOString(),
    })),
    invitations: invitations.map((invitation) => ({ id: String(invitation._id), email: invitation.email, expiresAt: invitation.expiresAt.toISOString() })),
  }
}
