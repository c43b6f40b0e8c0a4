import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { MAX_MESSAGE_LENGTH, MAX_REPORT_REASON_LENGTH } from './schema'

export const conversationKinds = ['direct', 'need_thread', 'project'] as const
export type ConversationKind = (typeof conversationKinds)[number]

const conversationSchema = new Schema(
  {
    kind: { type: String, enum: conversationKinds, required: true },
    participants: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    /** Direct conversations only: the two user ids, sorted and joined — one conversation per pair. */
    pairKey: { type: String },
    needId: { type: Schema.Types.ObjectId, ref: 'Need' },
    proposalId: { type: Schema.Types.ObjectId, ref: 'Proposal' },
    projectId: { type: Schema.Types.ObjectId, ref: 'Project' },
    lastMessageAt: { type: Date, default: null },
  },
  { timestamps: true },
)
conversationSchema.index({ pairKey: 1 }, { unique: true, partialFilterExpression: { pairKey: { $type: 'string' } } })
conversationSchema.index({ proposalId: 1 }, { unique: true, partialFilterExpression: { kind: 'need_thread' } })
conversationSchema.index({ projectId: 1 }, { unique: true, partialFilterExpression: { kind: 'project' } })
conversationSchema.index({ participants: 1, lastMessageAt: -1 })

/**
 * Every write made through the Conversation model is announced, with the ids it touched (null:
 * could be any). Caches of who takes part in a conversation (see `createMembershipCache` in delivery.server.ts) drop
 * what they hold on it. The listeners live on `globalThis` because in development Vite loads app
 * modules apart from the server's: two copies of this module, one compiled model, one list.
 */
type ConversationWriteListener = (conversationIds: string[] | null) => void
const LISTENERS = Symbol.for('passerelle.messaging.conversationWriteListeners')
const writeListeners = ((globalThis as Record<symbol, Set<ConversationWriteListener> | undefined>)[LISTENERS] ??= new Set())
export function onConversationWrite(listener: ConversationWriteListener): () => void {
  writeListeners.add(listener)
  return () => writeListeners.delete(listener)
}
function announceWrite(conversationIds: string[] | null) {
  const ids = conversationIds?.map((id) => id.toLowerCase()) ?? null
  for (const listener of writeListeners) listener(ids)
}
/** The ids a query filter names outright (`_id: x` or `_id: { $in: [...] }`); null when it names none. */
function idsOfFilter(filter: Record<string, unknown> | undefined): string[] | null {
  const id = filter?._id
  if (typeof id === 'string' || id instanceof mongoose.Types.ObjectId) return [String(id)]
  const list = (id as { $in?: unknown[] } | undefined)?.$in
  return Array.isArray(list) ? list.map(String) : null
}
const queryWrites: mongoose.MongooseQueryMiddleware[] = ['updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete']
conversationSchema.post(queryWrites, function (this: mongoose.Query<unknown, unknown>, result: unknown) {
  // findOneAnd…: the document says which conversation it was, whatever the filter.
  const found = result && typeof result === 'object' && '_id' in result ? [String((result as { _id: unknown })._id)] : null
  announceWrite(found ?? idsOfFilter(this.getFilter()))
})
conversationSchema.post('save', function (document: { _id: unknown }) {
  announceWrite([String(document._id)])
})
conversationSchema.post(['deleteOne'], { document: true, query: false }, function (document: { _id: unknown }) {
  announceWrite([String(document._id)])
})
conversationSchema.post('bulkWrite', function () {
  announceWrite(null)
})

/**
 * A message. `seq` is its place in the conversation (1, 2, 3… with no gap), given by the writer in
 * the insert itself (writer.server.ts): clients catch up "after seq n" and see a gap when one is
 * missing, whichever process stored what. Indexes are created by `prepareMessageStore`
 * (store.server.ts) once older messages have their `seq`, hence `autoIndex: false`.
 */
const messageSchema = new Schema(
  {
    conversationId: { type: Schema.Types.ObjectId, ref: 'Conversation', required: true },
    seq: { type: Number, required: true, min: 1 },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    clientId: { type: String, required: true, maxlength: 64 },
    body: { type: String, default: '', maxlength: MAX_MESSAGE_LENGTH },
    html: { type: String, default: '' },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    /** Deleted by a moderator (not its author): shown like any deleted message, kept apart for the record. */
    hiddenByModeration: { type: Boolean, default: false },
    /** Files stored in the GridFS bucket `attachments` (see attachments.server.ts). */
    attachments: {
      type: [
        new Schema(
          { fileId: { type: Schema.Types.ObjectId, required: true }, name: { type: String, required: true, maxlength: 200 }, type: { type: String, required: true }, size: { type: Number, required: true } },
          { _id: false },
        ),
      ],
      default: undefined,
    },
    /** Last edit or deletion: what a client catching up asks for besides new messages. */
    changedAt: { type: Date },
    /** The process that stored it (`PROCESS_ID`): its own message feed leaves it out, having pushed it already. */
    storedBy: { type: String },
  },
  { timestamps: { createdAt: true, updatedAt: false }, autoIndex: false },
)
/** Index names the writer recognises in duplicate-key errors. */
export const MESSAGE_SEQ_INDEX = 'conversation_seq'
export const MESSAGE_CLIENT_ID_INDEX = 'conversation_author_client_id'
// One message per place in the conversation: two writers never both take seq n.
messageSchema.index({ conversationId: 1, seq: 1 }, { unique: true, name: MESSAGE_SEQ_INDEX })
// A retried send (same client id) finds the stored message instead of creating another.
messageSchema.index({ conversationId: 1, authorId: 1, clientId: 1 }, { unique: true, name: MESSAGE_CLIENT_ID_INDEX })
messageSchema.index({ conversationId: 1, changedAt: 1 }, { partialFilterExpression: { changedAt: { $type: 'date' } } })

/** How far each person has read each conversation: the seq of the last message they saw. */
const readReceiptSchema = new Schema({
  conversationId: { type: Schema.Types.ObjectId, ref: 'Conversation', required: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  lastReadSeq: { type: Number, required: true, min: 0 },
  readAt: { type: Date, required: true },
})
readReceiptSchema.index({ conversationId: 1, userId: 1 }, { unique: true })
readReceiptSchema.index({ userId: 1 })

/** A member's report on a message; the moderation queue (a later issue) reads these. */
const messageReportSchema = new Schema(
  {
    messageId: { type: Schema.Types.ObjectId, ref: 'Message', required: true },
    conversationId: { type: Schema.Types.ObjectId, ref: 'Conversation', required: true },
    reporterId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reason: { type: String, required: true, maxlength: MAX_REPORT_REASON_LENGTH },
    /** The text as it was when reported: an edit or a delete does not erase the evidence. */
    bodySnapshot: { type: String, default: '' },
    status: { type: String, enum: ['open', 'dismissed', 'actioned'], default: 'open' },
  },
  { timestamps: true },
)
messageReportSchema.index({ messageId: 1, reporterId: 1 }, { unique: true })
messageReportSchema.index({ status: 1, createdAt: 1 })


/**
 * Messages this process has just stored (a majority has them), for this process's message feed to
 * push at once — without waiting for its change stream, which leaves them out. Listeners on
 * `globalThis` for the same reason as the conversation write listeners.
 */
type StoredListener = (message: import('./schema').MessageView) => void
const STORED = Symbol.for('passerelle.messaging.storedListeners')
const storedListeners = ((globalThis as Record<symbol, Set<StoredListener> | undefined>)[STORED] ??= new Set())
export function onMessageStored(listener: StoredListener): () => void {
  storedListeners.add(listener)
  return () => storedListeners.delete(listener)
}
export function announceStored(message: import('./schema').MessageView) {
  for (const listener of storedListeners) listener(message)
}

function model<S extends Schema>(name: string, schema: S): Model<InferSchemaType<S>> {
  // Reuse the compiled model when Vite re-evaluates this module in development.
  return (mongoose.models[name] as Model<InferSchemaType<S>>) ?? mongoose.model(name, schema)
}

export const Conversation = model('Conversation', conversationSchema)
export const Message = model('Message', messageSchema)
export const ReadReceipt = model('ReadReceipt', readReceiptSchema)
export const MessageReport = model('MessageReport', messageReportSchema)
