import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { demoTerritories } from '../places/territories'
import { guichetStatuses, guichetSteps } from './guichet-lifecycle'

/** One step of a request, kept forever: who did what, when, with which words (the audit log says it too). */
const stepSchema = new Schema(
  {
    step: { type: String, enum: guichetSteps, required: true },
    /** null for the requester's own e-mail verification. */
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    at: { type: Date, required: true },
    message: { type: String, default: '', maxlength: 3000 },
    orgId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    needId: { type: Schema.Types.ObjectId, ref: 'Need', default: null },
  },
  { _id: false },
)

const requesterSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    name: { type: String, required: true, maxlength: 120 },
    email: { type: String, required: true, lowercase: true, maxlength: 254 },
    company: { type: String, default: '', maxlength: 160 },
    companyOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    language: { type: String, enum: ['fr', 'en'], default: 'fr' },
  },
  { _id: false },
)

/**
 * A request made to a territory's guichet (docs/decisions/029-guichet-requests.md). The requester
 * is copied at the time of asking (name, e-mail, company as typed) so a guest's request reads the
 * same as a member's; `userId` and `companyOrgId` are set for someone signed in.
 */
const guichetRequestSchema = new Schema(
  {
    territory: { type: String, enum: demoTerritories.map((territory) => territory.id), required: true },
    status: { type: String, enum: guichetStatuses, required: true },
    subject: { type: String, required: true, maxlength: 140 },
    message: { type: String, required: true, maxlength: 3000 },
    commune: { type: String, default: '', maxlength: 80 },
    requester: { type: requesterSchema, required: true },
    verifiedAt: { type: Date, default: null },
    steps: { type: [stepSchema], default: [] },
    fictional: { type: Boolean, default: false },
  },
  { timestamps: true },
)
// The queue: a territory's requests by status, newest first.
guichetRequestSchema.index({ territory: 1, status: 1, createdAt: -1 })
// Unverified guest requests are dropped a week after they were made.
guichetRequestSchema.index({ createdAt: 1 }, { expireAfterSeconds: 7 * 24 * 60 * 60, partialFilterExpression: { status: 'awaiting_verification' } })

export type GuichetRequestRecord = InferSchemaType<typeof guichetRequestSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date }
export const GuichetRequest: Model<InferSchemaType<typeof guichetRequestSchema>> =
  (mongoose.models.GuichetRequest as Model<InferSchemaType<typeof guichetRequestSchema>>) ??
  mongoose.model('GuichetRequest', guichetRequestSchema, 'guichet_requests')
