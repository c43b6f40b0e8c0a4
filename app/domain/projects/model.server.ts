import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'

export const projectStatuses = ['active', 'paused', 'completed'] as const
export type ProjectStatus = (typeof projectStatuses)[number]

/**
 * The collaboration that starts when a company accepts a proposal. Its room, chat and
 * milestones come with the messaging issue; the record and its members exist from day one.
 */
const projectSchema = new Schema(
  {
    needId: { type: Schema.Types.ObjectId, ref: 'Need', required: true },
    proposalId: { type: Schema.Types.ObjectId, ref: 'Proposal', required: true },
    companyOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    partnerOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    /** Members of both organisations when the proposal was accepted. */
    members: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
    status: { type: String, enum: projectStatuses, required: true, default: 'active' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
// One project per need: the last guard against two accepted proposals.
projectSchema.index({ needId: 1 }, { unique: true })
projectSchema.index({ members: 1 })

export type ProjectRecord = InferSchemaType<typeof projectSchema> & { _id: mongoose.Types.ObjectId }
export const Project: Model<InferSchemaType<typeof projectSchema>> =
  (mongoose.models.Project as Model<InferSchemaType<typeof projectSchema>>) ?? mongoose.model('Project', projectSchema)
