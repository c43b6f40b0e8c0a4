import type { Actor } from '../actor'
import { assertAllowed, mayChangeMessage } from '../permissions'
import mongoose from 'mongoose'
import { DomainError, forbidden, invalid, notFound, rateLimited } from '../errors'
import { Need } from '../needs/model.server'
import { Project } from '../projects/model.server'
import { User } from '../users/model.server'
import { renderMessageHtml } from './markdown'
import { messagePreview } from './preview'
import { announceStored, Conversation, Message, MessageReport, ReadReceipt, type ConversationKind } from './model.server'
import { PROCESS_ID } from '../process'
import type { RateLimiter } from './rate-limit'
import { SEND_DEADLINE_MS, touchConversationActivity, writeMessage, type MembershipCache } from './delivery.server'
import type { MessageDraft } from './writer.server'
import { CATCH_UP_LIMIT, clientId as clientIdSchema, HISTORY_PAGE_SIZE, messageBody, reportReason, type MessageView, type ReceiptView } from './schema'
import { isObjectId } from '../ids'
import { unavailable } from '../unavailable'

/**
 * Conversations and messages. Remix actions and socket handlers both call these functions;
 * every rule lives here: only participants read or write, only authors edit or delete, and a
 * conversation someone does not belong to answers exactly like one that does not exist.
 * Refusal messages are i18n keys (`messaging.errors.…`).
 */
const { ObjectId } = mongoose.Types
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null)

export type MessageDoc = {
  _id: mongoose.Types.ObjectId
  conversationId: mongoose.Types.ObjectId
  seq: number
  authorId: mongoose.Types.ObjectId
  clientId: string
  body?: string | null
  html?: string | null
  editedAt?: Date | null
  deletedAt?: Date | null
  hiddenByModeration?: boolean | null
  createdAt?: Date
  attachments?: Array<{ fileId: mongoose.Types.ObjectId; name: string; type: string; size: number }> | null
}

export function toView(message: MessageDoc, authorName: string): MessageView {
  const deleted = Boolean(message.deletedAt)
  return {
    id: String(message._id),
    conversationId: String(message.conversationId),
    seq: message.seq,
    clientId: message.clientId,
    author: { id: String(message.authorId), name: authorName },
    body: deleted ? '' : (message.body ?? ''),
    html: deleted ? '' : (message.html ?? ''),
    createdAt: (message.createdAt ?? message._id.getTimestamp()).toISOString(),
    editedAt: iso(message.editedAt),
    deleted,
    hiddenByModeration: deleted && Boolean(message.hiddenByModeration),
    attachments: deleted ? [] : (message.attachments ?? []).map((file) => ({ id: String(file.fileId), name: file.name, type: file.type, size: file.size })),
  }
}

/** People's names by id: those in `known` (a conversation's participants, often) are not read again. */
async function namesOf(userIds: Iterable<unknown>, known: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  const missing = [...new Set([...userIds].map(String))].filter((id) => !known.has(id))
  const people = missing.length ? await User.find({ _id: { $in: missing } }, { name: 1 }).lean() : []
  return new Map([...known, ...people.map((person) => [String(person._id), person.name] as const)])
}

/** Messages as views, with their authors' names: those in `knownNames` are not read again. */
export async function viewsOf(messages: MessageDoc[], knownNames?: ReadonlyMap<string, string>): Promise<MessageView[]> {
  const names = await namesOf(messages.map((message) => message.authorId), knownNames)
  return messages.map((message) => toView(message, names.get(String(message.authorId)) ?? ''))
}

/** The conversation if the actor takes part in it; otherwise the same 404 as a missing one. */
export async function requireParticipant(actor: Actor, conversationId: string) {
  if (!isObjectId(conversationId) || !isObjectId(actor.id)) throw notFound('messaging.errors.notFound')
  const conversation = await Conversation.findOne({ _id: conversationId, participants: new ObjectId(actor.id) }).lean()
  if (!conversation) throw notFound('messaging.errors.notFound')
  return conversation
}

/**
 * The actor takes part in this conversation: checked once (requireParticipant), then handed to the
 * readers below, which only take one of these. A page that reads several things of a conversation
 * checks once instead of once per reader.
 */
type Participation = { readonly actor: Actor; readonly conversationId: string; readonly conversation: Awaited<ReturnType<typeof requireParticipant>> }

async function participation(actor: Actor, conversationId: string): Promise<Participation> {
  return { actor, conversationId, conversation: await requireParticipant(actor, conversationId) }
}

export async function isParticipant(userId: string, conversationId: string): Promise<boolean> {
  if (!isObjectId(userId) || !isObjectId(conversationId)) return false
  return Boolean(await Conversation.exists({ _id: conversationId, participants: new ObjectId(userId) }))
}

export async function participantIds(conversationId: string): Promise<string[]> {
  const conversation = await Conversation.findById(conversationId, { participants: 1 }).lean()
  return conversation ? conversation.participants.map(String) : []
}

/** One direct conversation per pair of people: asking again returns the same one. */
export async function startDirectConversation(actor: Actor, otherUserId: string): Promise<{ id: string }> {
  if (!isObjectId(otherUserId)) throw notFound('messaging.errors.userNotFound')
  if (otherUserId === actor.id) throw invalid('messaging.errors.selfConversation')
  const other = await User.findOne({ _id: otherUserId, deletedAt: null }, { _id: 1, suspendedUntil: 1 }).lean()
  if (!other) throw notFound('messaging.errors.userNotFound')
  const pairKey = [actor.id, otherUserId].sort().join(':')
  return upsertConversation({ pairKey }, { $setOnInsert: { kind: 'direct', pairKey, participants: [new ObjectId(actor.id), new ObjectId(otherUserId)] } })
}

type ConversationFilter = Record<string, unknown>
type ConversationUpdate = { $setOnInsert: Record<string, unknown>; $addToSet?: { participants: { $each: mongoose.Types.ObjectId[] } } }

/**
 * The one conversation a unique key names (a pair of people, a project, a proposal, a question),
 * created on first use. Two first requests at the same time: the unique index keeps one and the
 * other reads it — adding its participants, so nobody who should be in it is left out.
 */
export async function upsertConversation(filter: ConversationFilter, update: ConversationUpdate): Promise<{ id: string }> {
  try {
    const conversation = await Conversation.findOneAndUpdate(filter, update, { upsert: true, new: true }).lean()
    return { id: String(conversation!._id) }
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error
    const existing = update.$addToSet ? await Conversation.findOneAndUpdate(filter, { $addToSet: update.$addToSet }, { new: true }).lean() : await Conversation.findOne(filter).lean()
    return { id: String(existing!._id) }
  }
}

/**
 * The project room: created with the project's members, then kept in step (members added
 * later join; nobody is removed here — removal is a deliberate act for a later issue).
 */
export async function ensureProjectConversation(projectId: string, memberIds: string[]): Promise<{ id: string }> {
  if (!isObjectId(projectId)) throw notFound('messaging.errors.notFound')
  const members = memberIds.filter(isObjectId).map((id) => new ObjectId(id))
  const filter = { kind: 'project', projectId: new ObjectId(projectId) }
  return upsertConversation(filter, { $setOnInsert: filter, $addToSet: { participants: { $each: members } } })
}

/** The thread between a company and the organisation that proposed an answer to its need. */
export async function ensureNeedThread(needId: string, proposalId: string, memberIds: string[]): Promise<{ id: string }> {
  if (!isObjectId(needId) || !isObjectId(proposalId)) throw notFound('messaging.errors.notFound')
  const members = memberIds.filter(isObjectId).map((id) => new ObjectId(id))
  const filter = { kind: 'need_thread', proposalId: new ObjectId(proposalId) }
  return upsertConversation(filter, { $setOnInsert: { ...filter, needId: new ObjectId(needId) }, $addToSet: { participants: { $each: members } } })
}

export type ConversationView = {
  id: string
  kind: ConversationKind
  participants: Array<{ id: string; name: string }>
  projectId: string | null
  needId: string | null
  /** The need a project room or a question is about (its title is what every participant may read). */
  needTitle: string | null
}

type Subjectful = { _id: unknown; needId?: unknown; projectId?: unknown }

/** The title of the need each conversation is about: directly (questions, threads) or through its project. */
async function needTitlesOf(conversations: Subjectful[]): Promise<Map<string, string>> {
  const projectIds = conversations.filter((conversation) => !conversation.needId && conversation.projectId).map((conversation) => conversation.projectId)
  const projects = projectIds.length ? await Project.find({ _id: { $in: projectIds } }, { needId: 1 }).lean() : []
  const needOfProject = new Map(projects.map((project) => [String(project._id), String(project.needId)]))
  const needIdOf = (conversation: Subjectful) => (conversation.needId ? String(conversation.needId) : conversation.projectId ? needOfProject.get(String(conversation.projectId)) : undefined)
  const needIds = [...new Set(conversations.map(needIdOf).filter((id): id is string => Boolean(id)))]
  const needs = needIds.length ? await Need.find({ _id: { $in: needIds } }, { title: 1 }).lean() : []
  const titles = new Map(needs.map((need) => [String(need._id), need.title]))
  const result = new Map<string, string>()
  for (const conversation of conversations) {
    const title = titles.get(needIdOf(conversation) ?? '')
    if (title) result.set(String(conversation._id), title)
  }
  return result
}

export async function getConversation(actor: Actor, conversationId: string): Promise<ConversationView> {
  return conversationView(await participation(actor, conversationId))
}

async function conversationView({ conversation }: Participation): Promise<ConversationView> {
  const [people, needTitles] = await Promise.all([User.find({ _id: { $in: conversation.participants } }, { name: 1 }).sort({ name: 1 }).lean(), needTitlesOf([conversation])])
  return {
    id: String(conversation._id),
    kind: conversation.kind as ConversationKind,
    participants: people.map((person) => ({ id: String(person._id), name: person.name })),
    projectId: conversation.projectId ? String(conversation.projectId) : null,
    needId: conversation.needId ? String(conversation.needId) : null,
    needTitle: needTitles.get(String(conversation._id)) ?? null,
  }
}

/** The newest message of a conversation as the list shows it: plain, short, and nothing of a deleted or hidden one. */
export type LastMessagePreview = { authorId: string; authorName: string; state: 'visible' | 'deleted' | 'hidden'; text: string; files: number }

export type ConversationSummary = ConversationView & { lastMessageAt: string | null; unread: number; lastMessage: LastMessagePreview | null }

async function lastMessagesOf(conversationIds: mongoose.Types.ObjectId[], knownNames: ReadonlyMap<string, string>): Promise<Map<string, LastMessagePreview>> {
  if (!conversationIds.length) return new Map()
  const latest: Array<{ _id: mongoose.Types.ObjectId; message: MessageDoc }> = await Message.aggregate([
    { $match: { conversationId: { $in: conversationIds } } },
    { $sort: { conversationId: 1, seq: -1 } },
    { $group: { _id: '$conversationId', message: { $first: { authorId: '$authorId', body: '$body', deletedAt: '$deletedAt', hiddenByModeration: '$hiddenByModeration', attachments: '$attachments' } } } },
  ])
  // Authors are nearly always participants, whose names the caller has; someone who has left is read.
  const names = await namesOf(latest.map((item) => item.message.authorId), knownNames)
  return new Map(
    latest.map(({ _id, message }) => {
      const state = message.hiddenByModeration ? 'hidden' : message.deletedAt ? 'deleted' : 'visible'
      const attachments = state === 'visible' ? (message.attachments ?? []) : []
      const text = state === 'visible' ? messagePreview({ body: message.body ?? '', attachments: [] }) : ''
      return [String(_id), { authorId: String(message.authorId), authorName: names.get(String(message.authorId)) ?? '', state, text, files: attachments.length }] as const
    }),
  )
}

/** My conversations, most recent activity first, with how many messages I have not read. */
export async function listConversations(actor: Actor, limit = 100): Promise<ConversationSummary[]> {
  if (!isObjectId(actor.id)) return []
  const conversations = await Conversation.find({ participants: new ObjectId(actor.id) })
    .sort({ lastMessageAt: -1, _id: -1 })
    .limit(limit)
    .lean()
  const names = await namesOf(conversations.flatMap((conversation) => conversation.participants))
  const [unread, needTitles, lastMessages] = await Promise.all([
    unreadCounts(actor.id, conversations.map((conversation) => String(conversation._id))),
    needTitlesOf(conversations),
    lastMessagesOf(conversations.map((conversation) => conversation._id), names),
  ])
  return conversations.map((conversation) => ({
    id: String(conversation._id),
    kind: conversation.kind as ConversationKind,
    participants: conversation.participants.map((id) => ({ id: String(id), name: names.get(String(id)) ?? '' })),
    projectId: conversation.projectId ? String(conversation.projectId) : null,
    needId: conversation.needId ? String(conversation.needId) : null,
    needTitle: needTitles.get(String(conversation._id)) ?? null,
    lastMessageAt: iso(conversation.lastMessageAt),
    unread: unread[String(conversation._id)] ?? 0,
    lastMessage: lastMessages.get(String(conversation._id)) ?? null,
  }))
}

/** Unread messages (by others, not deleted, after my last read one), capped at 100 per conversation. */
export async function unreadCounts(userId: string, conversationIds?: string[]): Promise<Record<string, number>> {
  if (!isObjectId(userId)) return {}
  const ids = conversationIds ?? (await Conversation.find({ participants: new ObjectId(userId) }, { _id: 1 }).lean()).map((c) => String(c._id))
  if (!ids.length) return {}
  const receipts = await ReadReceipt.find({ userId, conversationId: { $in: ids } }).lean()
  const lastRead = new Map(receipts.map((receipt) => [String(receipt.conversationId), receipt.lastReadSeq]))
  const counts = await Promise.all(
    ids.map(async (id) => {
      const filter = { conversationId: new ObjectId(id), seq: { $gt: lastRead.get(id) ?? 0 }, authorId: { $ne: new ObjectId(userId) }, deletedAt: null }
      return [id, await Message.countDocuments(filter, { limit: 100 })] as const
    }),
  )
  return Object.fromEntries(counts.filter(([, count]) => count > 0))
}

export async function totalUnread(userId: string): Promise<number> {
  return Object.values(await unreadCounts(userId)).reduce((sum, count) => sum + count, 0)
}

/** History by place: the `limit` messages before seq `before` (newest page first), oldest first in the page. */
export async function history(actor: Actor, conversationId: string, options: { before?: number | null; limit?: number } = {}) {
  return historyIn(await participation(actor, conversationId), options)
}

async function historyIn({ conversationId }: Participation, options: { before?: number | null; limit?: number; knownNames?: ReadonlyMap<string, string> }) {
  const limit = Math.min(Math.max(options.limit ?? HISTORY_PAGE_SIZE, 1), CATCH_UP_LIMIT)
  const filter: Record<string, unknown> = { conversationId: new ObjectId(conversationId) }
  if (options.before) filter.seq = { $lt: options.before }
  const page = await Message.find(filter).sort({ seq: -1 }).limit(limit + 1).lean()
  const hasMore = page.length > limit
  const messages = await viewsOf(page.slice(0, limit).reverse(), options.knownNames)
  return { messages, hasMore, before: hasMore ? messages[0]!.seq : null }
}

/** The seq of the newest message of the conversation (0 when it has none). */
export async function lastSeqOf(conversationId: string): Promise<number> {
  const last = await Message.findOne({ conversationId: new ObjectId(conversationId) }, { seq: 1 }).sort({ seq: -1 }).lean()
  return last?.seq ?? 0
}

/**
 * What a client is missing, oldest first: the messages after seq `afterSeq` (at most `limit`;
 * `hasMore` says to ask again from the last one), and older ones edited or deleted since
 * `changedSince` (a server time the client got earlier). Read with majority read concern: what it
 * returns can never be taken back by a failover.
 */
export async function catchUp(
  actor: Actor,
  conversationId: string,
  { afterSeq, changedSince = null, limit = CATCH_UP_LIMIT }: { afterSeq: number; changedSince?: Date | null; limit?: number },
): Promise<{ messages: MessageView[]; hasMore: boolean }> {
  await requireParticipant(actor, conversationId)
  const conversation = new ObjectId(conversationId)
  const newer = await Message.find({ conversationId: conversation, seq: { $gt: afterSeq } })
    .sort({ seq: 1 })
    .limit(limit + 1)
    .read('primary')
    .setOptions({ readConcern: { level: 'majority' } })
    .lean()
  const hasMore = newer.length > limit
  const changed =
    changedSince && afterSeq > 0
      ? await Message.find({ conversationId: conversation, changedAt: { $gte: changedSince }, seq: { $lte: afterSeq } })
          .sort({ seq: 1 })
          .limit(limit)
          .lean()
      : []
  return { messages: await viewsOf([...changed, ...newer.slice(0, limit)]), hasMore }
}

async function cachedParticipant(membership: MembershipCache, actor: Actor, conversationId: string) {
  const conversation = await membership.participantsIfMember(actor.id, conversationId)
  if (!conversation) throw notFound('messaging.errors.notFound')
  return conversation
}

export type SendResult = { message: MessageView; created: boolean }

/**
 * Stores a message; the answer comes once a majority of the replica set has it. The same client id
 * sent again by the same author returns the stored message — `created: false` — found through the
 * unique index. Once stored, it is announced to this process's message feed, which pushes it;
 * the other processes push it from their change streams — so a message stored by a process that
 * dies right after is still pushed, and a retry answered from storage is not pushed twice.
 */
export async function sendMessage(
  actor: Actor,
  conversationId: string,
  input: { clientId: string; body: string },
  deps: {
    limiter: RateLimiter
    /** The socket hot path checks membership through this cache (see its rule); without it, a database read. */
    membership?: MembershipCache
    /** When the sender stops waiting (ms since epoch); past it the send fails `unavailable`. */
    deadline?: number
  },
): Promise<SendResult> {
  const conversation = deps.membership ? await cachedParticipant(deps.membership, actor, conversationId) : await requireParticipant(actor, conversationId)
  const body = messageBody.safeParse(input.body)
  if (!body.success) throw invalid(body.error.issues[0]!.message, { body: [body.error.issues[0]!.message] })
  return storeMessage(actor, conversation._id, input.clientId, { body: body.data, html: renderMessageHtml(body.data) }, deps)
}

/**
 * The one way a message is stored (text or attachment): idempotent by client id, numbered and
 * durable through the writer, "last activity" of the conversation moved on.
 */
export async function storeMessage(
  actor: Actor,
  conversationId: mongoose.Types.ObjectId,
  clientId: string,
  content: Pick<MessageDraft, 'body' | 'html'> & { attachments?: MessageDoc['attachments'] },
  deps: { limiter: RateLimiter; deadline?: number },
): Promise<SendResult> {
  if (!clientIdSchema.safeParse(clientId).success) throw invalid('messaging.errors.invalidClientId')
  const key = { conversationId, authorId: new ObjectId(actor.id), clientId }
  if (!deps.limiter.take(actor.id)) {
    // A retry of a message already stored is not a new send: answer it even when over the limit.
    const retried = await storedMessage(key)
    if (retried) return { message: toView(retried, actor.name), created: false }
    throw rateLimited('messaging.errors.rateLimited')
  }
  const draft = { _id: new ObjectId(), ...key, ...content, editedAt: null, deletedAt: null, createdAt: new Date(), storedBy: PROCESS_ID }
  const outcome = await writeMessage(draft, { deadline: deps.deadline ?? Date.now() + SEND_DEADLINE_MS }).catch((error: unknown) => {
    // Not stored (or not known to be): sending it again is not a new message for the person's limit.
    if (error instanceof DomainError && error.code === 'unavailable') deps.limiter.giveBack(actor.id)
    throw error
  })
  if (!outcome.created) {
    // Stored by an earlier try; if a majority does not have it yet, it is not acknowledged yet either.
    const stored = await storedMessage(key)
    if (!stored) throw unavailable()
    return { message: toView(stored, actor.name), created: false }
  }
  touchConversationActivity(conversationId, draft.createdAt)
  const message = toView(outcome.stored as MessageDoc, actor.name)
  announceStored(message)
  return { message, created: true }
}

/** A stored message by its author's client id, as a majority has it (what an ack may promise). */
function storedMessage(key: { conversationId: mongoose.Types.ObjectId; authorId: mongoose.Types.ObjectId; clientId: string }) {
  return Message.findOne(key).read('primary').setOptions({ readConcern: { level: 'majority' } }).lean<MessageDoc>()
}

async function ownMessage(actor: Actor, messageId: string) {
  if (!isObjectId(messageId)) throw notFound('messaging.errors.messageNotFound')
  const message = await Message.findById(messageId).lean()
  if (!message) throw notFound('messaging.errors.messageNotFound')
  await requireParticipant(actor, String(message.conversationId))
  assertAllowed(mayChangeMessage(actor, message), 'messaging.errors.notAuthor')
  if (message.deletedAt) throw invalid('messaging.errors.alreadyDeleted')
  return message
}

export async function editMessage(actor: Actor, messageId: string, newBody: string): Promise<MessageView> {
  await ownMessage(actor, messageId)
  const body = messageBody.safeParse(newBody)
  if (!body.success) throw invalid(body.error.issues[0]!.message, { body: [body.error.issues[0]!.message] })
  const updated = await Message.findOneAndUpdate(
    { _id: messageId, deletedAt: null },
    { $set: { body: body.data, html: renderMessageHtml(body.data), editedAt: new Date(), changedAt: new Date() } },
    { new: true },
  ).lean()
  if (!updated) throw invalid('messaging.errors.alreadyDeleted')
  return toView(updated, actor.name)
}

/** Deleting keeps a tombstone ("message supprimé") so the conversation still reads in order. */
export async function deleteMessage(actor: Actor, messageId: string): Promise<MessageView> {
  await ownMessage(actor, messageId)
  const updated = await Message.findOneAndUpdate({ _id: messageId }, { $set: { body: '', html: '', deletedAt: new Date(), changedAt: new Date() } }, { new: true }).lean()
  return toView(updated!, actor.name)
}

/**
 * Moderation hides a reported message: it becomes a deleted message for everyone (same tombstone,
 * same `message:deleted` event). The caller (moderation service) checks the moderator's scope.
 */
export async function hideMessageByModeration(messageId: string, at = new Date()): Promise<MessageView | null> {
  if (!isObjectId(messageId)) return null
  const updated = await Message.findOneAndUpdate(
    { _id: messageId },
    { $set: { body: '', html: '', deletedAt: at, changedAt: at, hiddenByModeration: true } },
    { new: true },
  ).lean()
  if (!updated) return null
  const [message] = await viewsOf([updated])
  return message!
}

/** Moves my read marker forward (never back) to message `seq` of this conversation. */
export async function markRead(actor: Actor, conversationId: string, seq: number): Promise<ReceiptView> {
  const checked = await participation(actor, conversationId)
  if (!(await Message.exists({ conversationId, seq }))) throw notFound('messaging.errors.messageNotFound')
  return moveReadMarker(checked, seq)
}

/** Moves the marker to a message known to exist. */
async function moveReadMarker({ actor, conversationId }: Participation, seq: number): Promise<ReceiptView> {
  const filter = { conversationId: new ObjectId(conversationId), userId: new ObjectId(actor.id) }
  const receipt = await ReadReceipt.findOneAndUpdate(filter, { $max: { lastReadSeq: seq }, $set: { readAt: new Date() } }, { upsert: true, new: true }).lean()
  return { conversationId, userId: actor.id, lastReadSeq: receipt!.lastReadSeq }
}

/** Marks everything up to the newest message read (used when the page is opened). */
export async function markAllRead(actor: Actor, conversationId: string): Promise<ReceiptView | null> {
  return markAllReadIn(await participation(actor, conversationId))
}

async function markAllReadIn(checked: Participation): Promise<ReceiptView | null> {
  const newest = await lastSeqOf(checked.conversationId)
  return newest ? moveReadMarker(checked, newest) : null
}

export async function receipts(actor: Actor, conversationId: string): Promise<ReceiptView[]> {
  return receiptsIn(await participation(actor, conversationId))
}

async function receiptsIn({ conversationId }: Participation): Promise<ReceiptView[]> {
  const found = await ReadReceipt.find({ conversationId }).lean()
  return found.map((receipt) => ({ conversationId, userId: String(receipt.userId), lastReadSeq: receipt.lastReadSeq }))
}

/** Stores a report for moderation; reporting the same message twice keeps the first report. */
export async function reportMessage(actor: Actor, messageId: string, reasonInput: string): Promise<{ reported: true }> {
  if (!isObjectId(messageId)) throw notFound('messaging.errors.messageNotFound')
  const message = await Message.findById(messageId).lean()
  if (!message) throw notFound('messaging.errors.messageNotFound')
  await requireParticipant(actor, String(message.conversationId))
  const reason = reportReason.safeParse(reasonInput)
  if (!reason.success) throw invalid(reason.error.issues[0]!.message, { reason: [reason.error.issues[0]!.message] })
  await MessageReport.updateOne(
    { messageId: message._id, reporterId: new ObjectId(actor.id) },
    { $setOnInsert: { conversationId: message.conversationId, reason: reason.data, bodySnapshot: message.body ?? '', status: 'open' } },
    { upsert: true },
  )
  return { reported: true }
}

/**
 * The project room of a project the actor is a member of (created on first use with the
 * project's members, kept in step with them). Non-members get the project's own 404.
 * `extraMemberIds`: people the projects area adds (the animator of the need's cluster or territory).
 */
export async function projectConversationFor(actor: Pick<Actor, 'id'>, projectId: string, extraMemberIds: string[] = []): Promise<{ id: string }> {
  if (!isObjectId(projectId) || !isObjectId(actor.id)) throw notFound('messaging.errors.notFound')
  const project = await Project.findOne({ _id: projectId, members: new ObjectId(actor.id) }, { members: 1 }).lean()
  if (!project) throw notFound('messaging.errors.notFound')
  return ensureProjectConversation(projectId, [...project.members.map(String), ...extraMemberIds])
}

/** Everything a ConversationPanel needs, for the conversation page and for pages embedding one. */
export async function conversationPanelData(actor: Actor, conversationId: string, options: { before?: number | null } = {}) {
  // Before any read: a live client asks for what changed since then (see catchUp).
  const renderedAt = Date.now()
  const checked = await participation(actor, conversationId)
  const conversation = await conversationView(checked)
  // Opening the latest page is reading it.
  const receipt = options.before ? null : await markAllReadIn(checked)
  const knownNames = new Map(conversation.participants.map((person) => [person.id, person.name]))
  const [page, allReceipts] = await Promise.all([historyIn(checked, { before: options.before ?? null, knownNames }), receiptsIn(checked)])
  return {
    conversation,
    // Only who I am to the page: the caller may pass a richer actor (role, animated spaces).
    me: { id: actor.id, name: actor.name },
    messages: page.messages,
    /** Where a live client starts catching up: the newest message this page holds (0: none yet). */
    lastSeq: page.messages.at(-1)?.seq ?? 0,
    olderBefore: page.before,
    receipts: allReceipts,
    renderedAt,
    /** The receipt this read produced, for the caller to publish to the room. */
    receipt,
    // A fresh id per rendered form: the same form posted twice is one message.
    clientId: crypto.randomUUID(),
    attachClientId: crypto.randomUUID(),
  }
}
