import type { Actor, Space } from '../actor'
import mongoose from 'mongoose'
import { conflict, forbidden, invalid, notFound } from '../errors'
import { hideMessageByModeration } from '../messaging/service.server'
import { messageHidden } from '../notifications/hooks.server'
import type { NotifyHook } from '../notifications/notifier.server'
import { Conversation, Message, MessageReport } from '../messaging/model.server'
import { Need } from '../needs/model.server'
import { spacesOfPeople } from '../orgs/memberships.server'
import { Project } from '../projects/model.server'
import { User } from '../users/model.server'
import { recordAudit } from './audit.server'
import { ageInDays } from './follow-up'
import type { ReportDecision } from './schema'
import { isModerator, mayModerateSpaces, moderatesEverywhere, organisationSpaces } from '../permissions'
import { isObjectId } from '../ids'

/**
 * Reports on messages (stored by messaging as MessageReport). A conversation has no spaces of
 * its own, so its scope is derived: the spaces of the need it is about (need thread, or the
 * project's need) plus the spaces of every participant's organisations. Admins see them all;
 * an animator sees those touching a space they animate.
 */

export type MessageQueueReport = {
  id: string
  targetKind: 'message'
  targetId: string
  targetLabel: string
  reason: string
  reporterName: string
  createdAt: string
  ageDays: number
  /** Who wrote the reported message (warned or suspended from the report itself). */
  author: { id: string; name: string } | null
  /** The messages around it, in order, so the moderator reads it in its conversation. */
  context: Array<{ id: string; authorName: string; text: string; reported: boolean }>
}

/** How many messages before and after the reported one the moderator sees. */
export const REPORT_CONTEXT = 2

type ConversationScope = { participants: mongoose.Types.ObjectId[]; needId?: mongoose.Types.ObjectId | null; projectId?: mongoose.Types.ObjectId | null }

/** The spaces a conversation touches (see the module comment). */
export async function conversationSpaces(conversation: ConversationScope): Promise<Space[]> {
  let needId = conversation.needId ?? null
  if (!needId && conversation.projectId) needId = (await Project.findById(conversation.projectId, { needId: 1 }).lean())?.needId ?? null
  const need = needId ? await Need.findById(needId, { spaces: 1 }).lean() : null
  const spaces = [...((need?.spaces ?? []) as Space[]), ...(await spacesOfPeople(conversation.participants))]
  const seen = new Set<string>()
  return spaces.filter((space) => {
    const key = `${space.kind}:${space.ref}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

async function spacesOfConversation(conversationId: mongoose.Types.ObjectId | string): Promise<Space[]> {
  const conversation = await Conversation.findById(conversationId, { participants: 1, needId: 1, projectId: 1 }).lean()
  return conversation ? conversationSpaces(conversation) : []
}

/** Open message reports of the actor's scope, oldest first (the caller merges them with the others). */
export async function messageReportsQueue(actor: Actor, now: Date): Promise<MessageQueueReport[]> {
  if (!isModerator(actor)) return []
  const reports = await MessageReport.find({ status: 'open' }).sort({ createdAt: 1, _id: 1 }).limit(500).lean()
  const everywhere = moderatesEverywhere(actor)
  const spacesByConversation = new Map<string, Space[]>()
  if (!everywhere) {
    for (const id of new Set(reports.map((report) => String(report.conversationId)))) spacesByConversation.set(id, await spacesOfConversation(id))
  }
  const visible = everywhere ? reports : reports.filter((report) => mayModerateSpaces(actor, spacesByConversation.get(String(report.conversationId)) ?? []))
  const reported = await Message.find({ _id: { $in: visible.map((report) => report.messageId) } }, { conversationId: 1, seq: 1, authorId: 1 }).lean()
  const around = reported.length
    ? await Message.find(
        { $or: reported.map((message) => ({ conversationId: message.conversationId, seq: { $gte: message.seq - REPORT_CONTEXT, $lte: message.seq + REPORT_CONTEXT } })) },
        { conversationId: 1, seq: 1, authorId: 1, body: 1, deletedAt: 1 },
      ).lean()
    : []
  const peopleIds = [...visible.map((report) => report.reporterId), ...around.map((message) => message.authorId)]
  const names = new Map((await User.find({ _id: { $in: peopleIds } }, { name: 1 }).lean()).map((user) => [String(user._id), user.name]))
  const contextOf = (message: (typeof reported)[number] | undefined) =>
    message
      ? around
          .filter((item) => String(item.conversationId) === String(message.conversationId) && Math.abs(item.seq - message.seq) <= REPORT_CONTEXT)
          .sort((a, b) => a.seq - b.seq)
          .map((item) => ({
            id: String(item._id),
            authorName: names.get(String(item.authorId)) ?? '',
            // Plain text (React escapes it); a deleted or hidden one says so, its text is gone.
            text: item.deletedAt ? '' : (item.body ?? ''),
            reported: String(item._id) === String(message._id),
          }))
      : []
  const reportedById = new Map(reported.map((message) => [String(message._id), message]))
  return visible.map((report) => {
    const message = reportedById.get(String(report.messageId))
    const createdAt = (report as unknown as { createdAt: Date }).createdAt
    return {
      id: String(report._id),
      targetKind: 'message' as const,
      targetId: String(report.messageId),
      // Plain text: React escapes it where it is shown.
      targetLabel: report.bodySnapshot ?? '',
      reason: report.reason,
      reporterName: names.get(String(report.reporterId)) ?? '',
      createdAt: createdAt.toISOString(),
      ageDays: ageInDays(createdAt, now),
      author: message ? { id: String(message.authorId), name: names.get(String(message.authorId)) ?? '' } : null,
      context: contextOf(message),
    }
  })
}

/** Whether a report id is a message report (decideReport then hands it over here). */
export async function isMessageReport(reportId: string): Promise<boolean> {
  return isObjectId(reportId) && Boolean(await MessageReport.exists({ _id: reportId }))
}

/**
 * Dismisses a message report, or hides the message: it becomes a deleted message for every
 * participant (the message feed pushes `message:deleted` to open conversations), and the other
 * open reports on it are closed too. Only dismiss and hide apply to a message.
 */
export async function decideMessageReport(
  actor: Actor,
  reportId: string,
  decision: { kind: ReportDecision; reason: string },
  context: { now?: Date } & NotifyHook & {
    /** Warns or suspends the message's author (the moderation service's own rules and scope). */
    actOnAuthor?: (kind: 'warn' | 'suspend', authorId: string) => Promise<void>
  },
) {
  if (!isModerator(actor)) throw forbidden('moderation.refusals.forbidden')
  if (!isObjectId(reportId)) throw notFound('moderation.refusals.notFound')
  const report = await MessageReport.findById(reportId).lean()
  if (!report) throw notFound('moderation.refusals.notFound')
  const spaces = await spacesOfConversation(report.conversationId)
  if (!mayModerateSpaces(actor, spaces)) throw forbidden('moderation.refusals.outsideScope')
  if (report.status !== 'open') throw conflict('moderation.refusals.alreadyDecided')
  const onAuthor = decision.kind === 'warn' || decision.kind === 'suspend' ? decision.kind : null
  if (decision.kind !== 'dismiss' && decision.kind !== 'hide' && !(onAuthor && context.actOnAuthor)) {
    throw invalid('moderation.refusals.messageDecision', { decision: ['moderation.refusals.messageDecision'] })
  }
  if (decision.kind !== 'dismiss' && !decision.reason.trim()) throw invalid('moderation.refusals.reasonRequired', { reason: ['moderation.refusals.reasonRequired'] })
  const now = context.now ?? new Date()
  if (onAuthor) {
    const message = await Message.findById(report.messageId, { authorId: 1 }).lean()
    if (!message) throw notFound('moderation.refusals.notFound')
    // Before the report closes: a refusal (author outside the scope, bad number of days) leaves it open.
    await context.actOnAuthor!(onAuthor, String(message.authorId))
  }
  const status = decision.kind === 'dismiss' ? 'dismissed' : 'actioned'
  const result = await MessageReport.updateOne({ _id: report._id, status: 'open' }, { $set: { status } })
  if (result.modifiedCount === 0) throw conflict('moderation.refusals.alreadyDecided')
  const messageId = String(report.messageId)
  if (decision.kind === 'hide') {
    const hidden = await hideMessageByModeration(messageId, now)
    if (hidden) await messageHidden(context.notifier, { authorId: hidden.author.id, conversationId: hidden.conversationId }, decision.reason)
    // Other people's reports on the same message are answered by the same decision.
    await MessageReport.updateMany({ messageId: report.messageId, status: 'open' }, { $set: { status: 'actioned' } })
    await recordAudit({ actorId: actor.id, action: 'message.hide', targetKind: 'message', targetId: messageId, spaces, reason: decision.reason, before: (report.bodySnapshot ?? '').slice(0, 500), after: 'hidden', at: now })
  }
  await recordAudit({ actorId: actor.id, action: `report.${decision.kind === 'dismiss' ? 'dismiss' : 'action'}`, targetKind: 'message', targetId: messageId, spaces, reason: decision.reason, before: 'open', after: decision.kind, at: now })
}
