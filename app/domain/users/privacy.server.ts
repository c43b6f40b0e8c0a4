import mongoose from 'mongoose'
import { inTransaction } from '../transaction.server'
import { AuthToken } from '../auth/tokens.server'
import { Session } from '../auth/session.server'
import { KnownDevice } from '../auth/throttle.server'
import { invalid, notFound, DomainError } from '../errors'
import { OutboxMail } from '../mail/outbox-model.server'
import { Conversation, Message, ReadReceipt } from '../messaging/model.server'
import { Report } from '../moderation/model.server'
import { Need } from '../needs/model.server'
import { Notification } from '../notifications/model.server'
import { Invitation, JoinRequest } from '../orgs/membership-models.server'
import { Membership, Organisation } from '../orgs/model.server'
import type { Actor } from '../actor'
import { Project } from '../projects/model.server'
import { Proposal } from '../proposals/model.server'
import { GuichetRequest } from '../territories/guichet-model.server'
import { Meeting, MeetingRegistration } from '../meetings/model.server'
import { cancelRegistrationsOf } from '../meetings/registrations.server'
import { User } from './model.server'

/**
 * The rights of the RGPD that need the server: take one's data away (export) and leave (delete).
 * What deletion keeps and erases is written for people on /confidentialite and /compte/donnees;
 * this module is that text, done.
 */

/** The name a deleted account leaves behind, where others still see its messages and steps. */
export const DELETED_ACCOUNT_NAME = 'Compte supprimé'

const id = (value: unknown) => String(value)

/** Everything stored about this person, as plain JSON (no password hash, no token, no other person's e-mail). */
export async function exportAccountData(actor: Pick<Actor, 'id'>) {
  const user = await User.findOne({ _id: actor.id, deletedAt: null }).lean()
  if (!user) throw notFound()
  const userId = user._id
  const [memberships, needs, proposals, messages, conversations, projects, notifications, sessions, reports, joinRequests] = await Promise.all([
    Membership.find({ userId }).lean(),
    Need.find({ createdBy: userId }, { title: 1, summary: 1, description: 1, status: 1, confidentiality: 1, companyOrgId: 1, createdAt: 1, updatedAt: 1 }).lean(),
    Proposal.find({ authorId: userId }, { needId: 1, orgId: 1, approach: 1, team: 1, durationMonths: 1, costRange: 1, status: 1, createdAt: 1 }).lean(),
    Message.find({ authorId: userId }, { conversationId: 1, seq: 1, body: 1, attachments: 1, createdAt: 1, editedAt: 1, deletedAt: 1 }).sort({ conversationId: 1, seq: 1 }).lean(),
    Conversation.find({ participants: userId }, { kind: 1, needId: 1, projectId: 1, createdAt: 1 }).lean(),
    Project.find({ members: userId }, { title: 1, status: 1, createdAt: 1 }).lean(),
    Notification.find({ recipientId: userId }, { kind: 1, data: 1, link: 1, readAt: 1, createdAt: 1 }).sort({ _id: -1 }).lean(),
    Session.find({ userId }, { createdAt: 1, expiresAt: 1, userAgent: 1 }).lean(),
    Report.find({ reporterId: userId }, { targetKind: 1, targetId: 1, reason: 1, status: 1, createdAt: 1 }).lean(),
    JoinRequest.find({ userId }, { orgId: 1, status: 1, createdAt: 1 }).lean(),
  ])
  const [guichetRequests, registrations] = await Promise.all([
    // Those made signed in, and those made as a guest with the same address before the account.
    GuichetRequest.find({ $or: [{ 'requester.userId': userId }, { 'requester.email': user.email }] }, { territory: 1, status: 1, subject: 1, message: 1, commune: 1, requester: 1, steps: 1, createdAt: 1 }).lean(),
    MeetingRegistration.find({ userId }, { meetingId: 1, orgId: 1, status: 1, position: 1, createdAt: 1, cancelledAt: 1 }).lean(),
  ])
  const meetingTitles = new Map((await Meeting.find({ _id: { $in: registrations.map((entry) => entry.meetingId) } }, { title: 1 }).lean()).map((meeting) => [id(meeting._id), meeting.title]))
  const organisations = await Organisation.find({ _id: { $in: memberships.map((membership) => membership.orgId) } }, { name: 1, slug: 1, kind: 1 }).lean()
  const orgById = new Map(organisations.map((org) => [id(org._id), org]))
  return {
    format: 'passerelle-export/1',
    exportedAt: new Date().toISOString(),
    account: {
      id: id(userId),
      email: user.email,
      name: user.name,
      title: user.title ?? '',
      role: user.role,
      language: user.language,
      emailVerifiedAt: user.emailVerifiedAt ?? null,
      suspendedUntil: user.suspendedUntil ?? null,
      animates: user.animates ?? [],
      termsAcceptances: user.termsAcceptances ?? [],
    },
    organisations: memberships.map((membership) => ({
      id: id(membership.orgId),
      name: orgById.get(id(membership.orgId))?.name ?? null,
      kind: orgById.get(id(membership.orgId))?.kind ?? null,
      role: membership.role,
      listedOnProfile: membership.listed,
    })),
    joinRequests: joinRequests.map(({ _id, ...request }) => ({ id: id(_id), ...request, orgId: id(request.orgId) })),
    needsCreated: needs.map(({ _id, ...need }) => ({ id: id(_id), ...need, companyOrgId: id(need.companyOrgId) })),
    proposalsWritten: proposals.map(({ _id, ...proposal }) => ({ id: id(_id), ...proposal, needId: id(proposal.needId), orgId: id(proposal.orgId) })),
    conversations: conversations.map(({ _id, ...conversation }) => ({ id: id(_id), ...conversation })),
    messagesWritten: messages.map(({ _id, ...message }) => ({ id: id(_id), ...message, conversationId: id(message.conversationId) })),
    projects: projects.map(({ _id, ...project }) => ({ id: id(_id), ...project })),
    notifications: notifications.map(({ _id, ...notification }) => ({ id: id(_id), ...notification })),
    sessions: sessions.map(({ createdAt, expiresAt, userAgent }) => ({ createdAt, expiresAt, userAgent })),
    reportsFiled: reports.map(({ _id, ...report }) => ({ id: id(_id), ...report, targetId: id(report.targetId) })),
    // The animators' answers are addressed to the person; who answered (another person) is not.
    guichetRequests: guichetRequests.map((request) => ({
      id: id(request._id),
      territory: request.territory,
      status: request.status,
      subject: request.subject,
      message: request.message,
      commune: request.commune,
      asked: { name: request.requester.name, email: request.requester.email, company: request.requester.company },
      createdAt: request.createdAt,
      steps: request.steps.map((step) => ({ step: step.step, at: step.at, message: step.message })),
    })),
    meetingRegistrations: registrations.map((entry) => ({
      id: id(entry._id),
      meetingId: id(entry.meetingId),
      meetingTitle: meetingTitles.get(id(entry.meetingId)) ?? null,
      status: entry.status,
      waitingPosition: entry.position ?? null,
      createdAt: entry.createdAt,
      cancelledAt: entry.cancelledAt ?? null,
    })),
  }
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>

/** The address deletion asks the person to type back. */
export async function accountEmail(actor: Pick<Actor, 'id'>): Promise<string> {
  const user = await User.findOne({ _id: actor.id, deletedAt: null }, { email: 1 }).lean()
  if (!user) throw notFound()
  return user.email
}

/** Organisations this person is the only owner of: they must name another owner before leaving. */
export async function organisationsOnlyOwnedBy(userId: string, session?: mongoose.ClientSession): Promise<Array<{ id: string; name: string; slug: string }>> {
  const owned = await Membership.find({ userId, role: 'owner' }, { orgId: 1 }, { session }).lean()
  const alone: Array<{ id: string; name: string; slug: string }> = []
  for (const { orgId } of owned) {
    const otherOwners = await Membership.countDocuments({ orgId, role: 'owner', userId: { $ne: userId } }, { session })
    if (otherOwners > 0) continue
    const org = await Organisation.findById(orgId, { name: 1, slug: 1 }, { session }).lean()
    if (org) alone.push({ id: id(org._id), name: org.name, slug: org.slug })
  }
  return alone
}

/**
 * Deletes the account in one transaction: personal fields erased (the record stays, nameless, so
 * the messages and history others rely on keep an author), every session, device, token,
 * membership, notification and pending request removed. Open sockets are closed by the session
 * watcher (server/realtime/ended-sessions.ts). Refused while the person is an organisation's only owner.
 */
export async function deleteAccount(actor: Pick<Actor, 'id'>, { confirmEmail }: { confirmEmail: string }): Promise<void> {
  const user = await User.findOne({ _id: actor.id, deletedAt: null }, { email: 1 }).lean()
  if (!user) throw notFound()
  if (confirmEmail.trim().toLowerCase() !== user.email) {
    throw invalid('legal.myData.confirmMismatch', { confirmEmail: ['legal.myData.confirmMismatch'] })
  }
  const lastOwnerOf = await organisationsOnlyOwnedBy(actor.id)
  if (lastOwnerOf.length) throw new LastOwnerError(lastOwnerOf)

  const userId = user._id
  // Seats held for meetings to come go to the waiting lists (and one-to-ones end, the other side told).
  await cancelRegistrationsOf(id(userId), {}, 'self')
  await inTransaction(async (session) => {
    // Checked again inside: an ownership given meanwhile would otherwise be left without owner.
    const stillAlone = await organisationsOnlyOwnedBy(actor.id, session)
    if (stillAlone.length) throw new LastOwnerError(stillAlone)
    await User.updateOne(
      { _id: userId },
      {
        $set: {
          email: `supprime-${id(userId)}@passerelle.invalid`,
          name: DELETED_ACCOUNT_NAME,
          title: '',
          passwordHash: '!deleted',
          emailVerifiedAt: null,
          animates: [],
          termsAcceptances: [],
          deletedAt: new Date(),
        },
        $unset: { roleBeforeAnimator: 1 },
      },
      { session },
    )
    await Session.deleteMany({ userId }, { session })
    await KnownDevice.deleteMany({ userId }, { session })
    await AuthToken.deleteMany({ userId }, { session })
    await Membership.deleteMany({ userId }, { session })
    await JoinRequest.deleteMany({ userId }, { session })
    await Invitation.deleteMany({ email: user.email }, { session })
    await Notification.deleteMany({ recipientId: userId }, { session })
    await ReadReceipt.deleteMany({ userId }, { session })
    // Requests to a guichet stay in the territory's journal, no longer saying who asked.
    await GuichetRequest.updateMany(
      { $or: [{ 'requester.userId': userId }, { 'requester.email': user.email }] },
      { $set: { 'requester.userId': null, 'requester.name': DELETED_ACCOUNT_NAME, 'requester.email': `supprime-${id(userId)}@passerelle.invalid` } },
      { session },
    )
    // Mails still waiting for this person are not sent to an account that no longer exists.
    await OutboxMail.deleteMany({ to: user.email, status: 'pending' }, { session })
  })
}

/** The refusal that names the organisations to hand over (the page lists them with links). */
export class LastOwnerError extends DomainError {
  constructor(readonly organisations: Array<{ id: string; name: string; slug: string }>) {
    super('conflict', 'legal.myData.lastOwner')
  }
}
