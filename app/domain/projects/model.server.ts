import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { MAX_MILESTONE_TITLE, projectStatuses } from './schema'

export { projectStatuses, type ProjectStatus } from './schema'

/** A step the members agree on: a title, an optional due day, done or not (and by whom). */
const milestoneSchema = new Schema({
  title: { type: String, required: true, maxlength: MAX_MILESTONE_TITLE },
  /** A calendar day, stored at 00:00 UTC (like a need's deadline). */
  dueDate: { type: Date, default: null },
  doneAt: { type: Date, default: null },
  doneBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  createdAt: { type: Date, required: true },
})

/** Each status change, for the record shown on the project page. */
const statusChangeSchema = new Schema(
  {
    from: { type: String, enum: projectStatuses, required: true },
    to: { type: String, enum: projectStatuses, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
)

/** Colleagues a member brought in after the start (the first members came with the acceptance). */
const memberAdditionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
)

/**
 * The collaboration that starts when a company accepts a proposal: its members, status and
 * milestones. The room's conversation and its files live in the messaging area
 * (Conversation kind `project`); see app/domain/projects/room.server.ts.
 */
const projectSchema = new Schema(
  {
    needId: { type: Schema.Types.ObjectId, ref: 'Need', required: true },
    proposalId: { type: Schema.Types.ObjectId, ref: 'Proposal', required: true },
    companyOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    partnerOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    /** Members of both organisations when the proposal was accepted, plus colleagues added since. */
    members: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    status: { type: String, enum: projectStatuses, required: true, default: 'active' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    milestones: { type: [milestoneSchema], default: [] },
    statusHistory: { type: [statusChangeSchema], default: [] },
    memberAdditions: { type: [memberAdditionSchema], default: [] },
  },
  { timestamps: true },
)
// One project per need: the last guard against two accepted proposals.
projectSchema.index({ needId: 1 }, { unique: true })
projectSchema.index({ members: 1 })

export type ProjectRecord = InferSchemaType<typeof projectSchema> & { _id: mongoose.Types.ObjectId }
export const Project: Model<InferSchemaType<typeof projectSchema>> =
  (mongoose.models.Project as Model<InferSchemaType<typeof projectSchema>>) ?? mongoose.model('Project', projectSchema)
