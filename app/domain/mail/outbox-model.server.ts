import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'

export const outboxStatuses = ['pending', 'sent', 'failed'] as const

/**
 * One outgoing mail. `pending` mails are claimed by one worker at a time (`claimedBy` until
 * `claimedUntil`); a sent mail keeps its headers and subject for the record, never its body nor its attachments' content
 * (a verification or reset link is a secret once delivered). Sent and failed mails go after 30 days.
 */
const outboxSchema = new Schema(
  {
    key: { type: String },
    to: { type: String, required: true },
    kind: { type: String, required: true },
    language: { type: String, enum: ['fr', 'en'], required: true },
    subject: { type: String, required: true },
    text: { type: String },
    html: { type: String },
    headers: { type: Schema.Types.Mixed, default: {} },
    /** Files sent with it (a meeting's .ics); once sent only their names and types stay, like the body. */
    attachments: {
      type: [new Schema({ filename: { type: String, required: true }, contentType: { type: String, required: true }, content: { type: String } }, { _id: false })],
      default: undefined,
    },
    status: { type: String, enum: outboxStatuses, default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimedBy: { type: String, default: null },
    claimedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    messageId: { type: String, default: null },
    /** When it left the queue (sent or failed): the TTL index clears it 30 days later. */
    doneAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'outbox' },
)
// Workers' claim: the next due pending mail.
outboxSchema.index({ status: 1, nextAttemptAt: 1 })
outboxSchema.index({ key: 1 }, { unique: true, partialFilterExpression: { key: { $type: 'string' } } })
outboxSchema.index({ doneAt: 1 }, { expireAfterSeconds: 30 * 24 * 60 * 60 })

export type OutboxRecord = InferSchemaType<typeof outboxSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date }
export const OutboxMail: Model<InferSchemaType<typeof outboxSchema>> =
  (mongoose.models.OutboxMail as Model<InferSchemaType<typeof outboxSchema>>) ?? mongoose.model('OutboxMail', outboxSchema)
