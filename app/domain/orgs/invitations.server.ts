import { randomBytes } from 'node:crypto'
import { conflict, notFound } from '../errors'
import type { Actor } from '../actor'
import { assertAllowed, mayJoinOrganisation } from '../permissions'
import { User } from '../users/model.server'
import { INVITATION_TTL_MS, Invitation, JoinRequest } from './membership-models.server'
import { isMemberOf, ownerIdsOf } from './memberships.server'
import { Membership, Organisation } from './model.server'
import { ensureIndexes, inTransaction, lockOrganisation, isDuplicateKey, hashToken, requireOrganisation, standing, assertMayManageMembers, tFor, type OrgContext, type MailContext } from './common.server'

/** Joining an organisation: owners invite by e-mail, people ask to join; both tell the other side by e-mail. */

// ——— Invitations ———

/** Owners invite by e-mail; the link holds a one-time token valid 7 days. */
export async function inviteMember({ actor, t, mailer, publicUrl }: OrgContext & MailContext, slug: string, { email }: { email: string }) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  await ensureIndexes()
  const invitee = await User.findOne({ email }, { _id: 1 }).lean()
  if (invitee && (await isMemberOf(String(invitee._id), org._id))) {
    throw conflict('orgs.errors.alreadyMember', { email: ['orgs.errors.alreadyMember'] })
  }
  const inviter = await User.findById(actor.id, { name: 1 }).lean()
  const token = randomBytes(32).toString('base64url')
  const invitation = await Invitation.create({
    orgId: org._id,
    email,
    tokenHash: hashToken(token),
    invitedBy: actor.id,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  })
  try {
    const vars = { org: org.name, inviter: inviter?.name ?? '', link: `${publicUrl}/invitations/${token}` }
    await mailer.send({ to: email, subject: t('orgs.mail.invitationSubject', vars), text: t('orgs.mail.invitationText', vars), kind: 'orgs.invitation' })
  } catch (error) {
    await Invitation.deleteOne({ _id: invitation._id })
    throw error
  }
  // A new invitation replaces older pending ones to the same address.
  await Invitation.updateMany(
    { orgId: org._id, email, _id: { $ne: invitation._id }, acceptedAt: null, revokedAt: null },
    { revokedAt: new Date() },
  )
  return { invitationId: String(invitation._id) }
}

export async function revokeInvitation({ actor }: Pick<OrgContext, 'actor'>, slug: string, invitationId: string) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  const result = await Invitation.updateOne({ _id: invitationId, orgId: org._id, acceptedAt: null, revokedAt: null }, { revokedAt: new Date() })
  if (result.matchedCount === 0) throw notFound()
}

export type InvitationView = {
  org: { name: string; slug: string }
  inviterName: string
  state: 'open' | 'expired' | 'used'
  /** The visitor is signed in with the invited address and may accept. */
  canAccept: boolean
}

/**
 * What the invitation page shows. Holding the link is enough to see whom it is from; a signed-in
 * person with another address gets a 404 (someone else's invitation is private).
 */
export async function getInvitation(actor: Actor | null, token: string): Promise<InvitationView> {
  const invitation = await Invitation.findOne({ tokenHash: hashToken(token) }).lean()
  if (!invitation || invitation.revokedAt) throw notFound()
  if (actor) {
    const user = await User.findById(actor.id, { email: 1 }).lean()
    if (!user || user.email !== invitation.email) throw notFound()
  }
  const [org, inviter] = await Promise.all([
    Organisation.findById(invitation.orgId, { name: 1, slug: 1 }).lean(),
    User.findById(invitation.invitedBy, { name: 1 }).lean(),
  ])
  if (!org) throw notFound()
  const state = invitation.acceptedAt ? 'used' : invitation.expiresAt <= new Date() ? 'expired' : 'open'
  return { org: { name: org.name, slug: org.slug }, inviterName: inviter?.name ?? '', state, canAccept: Boolean(actor) && state === 'open' }
}

/** The invited person, signed in with the invited address, becomes a member. */
export async function acceptInvitation({ actor }: OrgContext, token: string) {
  const view = await getInvitation(actor, token)
  if (view.state !== 'open') throw conflict(view.state === 'used' ? 'orgs.invitation.used' : 'orgs.invitation.expired')
  const now = new Date()
  await inTransaction(async (session) => {
    const invitation = await Invitation.findOneAndUpdate(
      { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { acceptedAt: now, acceptedBy: actor.id },
      { session, new: true },
    )
    if (!invitation) throw conflict('orgs.invitation.used')
    await lockOrganisation(invitation.orgId, session)
    await Membership.updateOne(
      { orgId: invitation.orgId, userId: actor.id },
      { $setOnInsert: { role: 'member', listed: true } },
      { upsert: true, session },
    )
    await JoinRequest.updateMany(
      { orgId: invitation.orgId, userId: actor.id, status: 'pending' },
      { status: 'accepted', decidedBy: invitation.invitedBy, decidedAt: now },
      { session },
    )
  })
  return view.org
}

// ——— Join requests ———

/** Anyone signed in may ask to join; the owners are told by e-mail. */
export async function requestToJoin({ actor, mailer, publicUrl }: OrgContext & MailContext, slug: string, { message }: { message: string }) {
  const org = await requireOrganisation(slug)
  const { member } = await standing(actor, org)
  if (member) throw conflict('orgs.errors.youAreAlreadyMember')
  assertAllowed(mayJoinOrganisation(actor, { member }))
  await ensureIndexes()
  let request
  try {
    request = await JoinRequest.create({ orgId: org._id, userId: actor.id, message })
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('orgs.errors.alreadyRequested')
    throw error
  }
  try {
    const requester = await User.findById(actor.id, { name: 1 }).lean()
    const ownerIds = await ownerIdsOf(org._id)
    const owners = await User.find({ _id: { $in: ownerIds } }, { email: 1, language: 1 }).lean()
    await Promise.all(
      owners.map((owner) => {
        const ownerT = tFor(owner.language)
        const vars = { name: requester?.name ?? '', org: org.name, message, link: `${publicUrl}/organisations/${org.slug}/membres` }
        return mailer.send({ to: owner.email, subject: ownerT('orgs.mail.joinRequestSubject', vars), text: ownerT('orgs.mail.joinRequestText', vars), kind: 'orgs.join_request', language: owner.language })
      }),
    )
  } catch (error) {
    await JoinRequest.deleteOne({ _id: request._id })
    throw error
  }
  return { requestId: String(request._id) }
}

/** An owner accepts (the requester becomes a member) or declines; the requester is told by e-mail. */
export async function decideJoinRequest(
  { actor, mailer, publicUrl }: OrgContext & MailContext,
  slug: string,
  requestId: string,
  decision: 'accept' | 'decline',
) {
  const org = await requireOrganisation(slug)
  await assertMayManageMembers(actor, org)
  const request = await inTransaction(async (session) => {
    const decided = await JoinRequest.findOneAndUpdate(
      { _id: requestId, orgId: org._id, status: 'pending' },
      { status: decision === 'accept' ? 'accepted' : 'declined', decidedBy: actor.id, decidedAt: new Date() },
      { session, new: true },
    )
    if (!decided) throw notFound()
    if (decision === 'accept') {
      await lockOrganisation(org._id, session)
      await Membership.updateOne({ orgId: org._id, userId: decided.userId }, { $setOnInsert: { role: 'member', listed: true } }, { upsert: true, session })
    }
    return decided
  })
  const requester = await User.findById(request.userId, { email: 1, name: 1, language: 1 }).lean()
  if (requester) {
    const requesterT = tFor(requester.language)
    const vars = { org: org.name, link: `${publicUrl}/organisations/${org.slug}` }
    await mailer.send(
      decision === 'accept'
        ? { to: requester.email, subject: requesterT('orgs.mail.joinAcceptedSubject', vars), text: requesterT('orgs.mail.joinAcceptedText', vars), kind: 'orgs.join_accepted', language: requester.language }
        : { to: requester.email, subject: requesterT('orgs.mail.joinDeclinedSubject', vars), text: requesterT('orgs.mail.joinDeclinedText', vars), kind: 'orgs.join_declined', language: requester.language },
    )
  }
  return { name: requester?.name ?? '' }
}
