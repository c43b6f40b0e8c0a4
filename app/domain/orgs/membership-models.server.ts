import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'

/** How long an e-mailed invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/**
 * An invitation e-mailed by an owner. The link carries a random token; only its sha256 is
 * stored, so the database alone cannot be used to accept someone else's invitation.
 */
const invitationSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    tokenHash: { type: String, required: true },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    acceptedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
invitationSchema.index({ tokenHash: 1 }, { unique: true })
invitationSchema.index({ orgId: 1, email: 1 })

export type InvitationRecord = InferSchemaType<typeof invitationSchema> & { _id: mongoose.Types.ObjectId }
export const Invitation: Model<InferSchemaType<typeof invitationSchema>> =
  (mongoose.models.Invitation as Model<InferSchemaType<typeof invitationSchema>>) ?? mongoose.model('Invitation', invitationSchema)

export const joinRequestStatuses = ['pending', 'accepted', 'declined'] as const

/** Someone asking to join an organisation; its owners accept or decline. */
const joinRequestSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    message: { type: String, default: '', maxlength: 1000 },
    status: { type: String, enum: joinRequestStatuses, default: 'pending' },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
// At most one pending request per person and organisation, even under concurrent clicks.
joinRequestSchema.index({ orgId: 1, userId: 1 }, { unique: true, partialFilterExpression: { status: 'pending' } })
joinRequestSchema.index({ orgId: 1, status: 1 })

export type JoinRequestRecord = InferSchemaType<typeof joinRequestSchema> & { _id: mongoose.Types.ObjectId }
export const JoinRequest: Model<InferSchemaType<typeof joinRequestSchema>> =
  (mongoose.models.JoinRequest as Model<InferSchemaType<typeof joinRequestSchema>>) ?? mongoose.model('JoinRequest', joinRequestSchema)
