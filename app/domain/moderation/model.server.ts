import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { spaceSchema } from '../places/schemas.server'

/**
 * Moderation's own collections. Hidden state lives here (not on Need/Organisation/User) so the
 * content models stay owned by their areas; listing queries ask `hiddenIds` (./hidden.server.ts).
 */
export const moderationTargetKinds = ['need', 'user', 'organisation', 'message', 'space', 'guichet_request'] as const
export type ModerationTargetKind = (typeof moderationTargetKinds)[number]

/** One moderation action or status change, kept forever: who, what, on what, when, why. */
const auditEntrySchema = new Schema({
  actorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  action: { type: String, required: true, maxlength: 60 },
  targetKind: { type: String, enum: moderationTargetKinds, required: true },
  targetId: { type: String, required: true, maxlength: 40 },
  /** The spaces the target belonged to when it happened: an animator searches their own. */
  spaces: { type: [spaceSchema], default: [] },
  reason: { type: String, default: '', maxlength: 2000 },
  before: { type: String, default: '', maxlength: 500 },
  after: { type: String, default: '', maxlength: 500 },
  at: { type: Date, required: true },
})
auditEntrySchema.index({ at: -1 })
auditEntrySchema.index({ 'spaces.kind': 1, 'spaces.ref': 1, at: -1 })

export type AuditEntryRecord = InferSchemaType<typeof auditEntrySchema> & { _id: mongoose.Types.ObjectId }
export const AuditEntry: Model<InferSchemaType<typeof auditEntrySchema>> =
  (mongoose.models.AuditEntry as Model<InferSchemaType<typeof auditEntrySchema>>) ?? mongoose.model('AuditEntry', auditEntrySchema)

export const reportTargetKinds = ['need', 'user'] as const
export type ReportTargetKind = (typeof reportTargetKinds)[number]
export const reportStatuses = ['open', 'dismissed', 'actioned'] as const

/** "Report this need/profile": a person tells the animators something is wrong. */
const reportSchema = new Schema(
  {
    targetKind: { type: String, enum: reportTargetKinds, required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    reporterId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reason: { type: String, required: true, maxlength: 1000 },
    spaces: { type: [spaceSchema], default: [] },
    status: { type: String, enum: reportStatuses, required: true, default: 'open' },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
reportSchema.index({ status: 1, createdAt: 1 })

export type ReportRecord = InferSchemaType<typeof reportSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date }
export const Report: Model<InferSchemaType<typeof reportSchema>> =
  (mongoose.models.Report as Model<InferSchemaType<typeof reportSchema>>) ?? mongoose.model('Report', reportSchema)

/** Whether a piece of content is hidden, and why (shown to its author). */
const moderationStateSchema = new Schema(
  {
    targetKind: { type: String, enum: moderationTargetKinds, required: true },
    targetId: { type: String, required: true, maxlength: 40 },
    hiddenAt: { type: Date, default: null },
    hiddenReason: { type: String, default: '', maxlength: 1000 },
    hiddenBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** One appeal per hiding: the author's text, then the animator's decision. */
    appealText: { type: String, default: '', maxlength: 2000 },
    appealedAt: { type: Date, default: null },
    appealedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    appealDecision: { type: String, enum: ['lifted', 'upheld', null], default: null },
    appealDecidedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
moderationStateSchema.index({ targetKind: 1, targetId: 1 }, { unique: true })
moderationStateSchema.index({ targetKind: 1, hiddenAt: 1 })

export const ModerationState: Model<InferSchemaType<typeof moderationStateSchema>> =
  (mongoose.models.ModerationState as Model<InferSchemaType<typeof moderationStateSchema>>) ??
  mongoose.model('ModerationState', moderationStateSchema)

/** "Mise en relation": an animator points a company to an organisation for one need. */
const recommendationSchema = new Schema(
  {
    needId: { type: Schema.Types.ObjectId, ref: 'Need', required: true },
    orgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    animatorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    note: { type: String, required: true, maxlength: 1000 },
  },
  { timestamps: true },
)
recommendationSchema.index({ needId: 1, orgId: 1 }, { unique: true })

export const Recommendation: Model<InferSchemaType<typeof recommendationSchema>> =
  (mongoose.models.Recommendation as Model<InferSchemaType<typeof recommendationSchema>>) ??
  mongoose.model('Recommendation', recommendationSchema)
