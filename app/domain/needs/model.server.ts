import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { communeLocationSchema, spaceSchema } from '../places/schemas.server'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import { closedReasons, needStatuses } from './lifecycle'
import { territoryIds } from '../places/territories'
import { budgetRanges, confidentialityLevels, needCategories, needStages } from './vocabulary'

/** One step of the lifecycle, kept forever: who moved the need, when, from where to where. */
const transitionSchema = new Schema(
  {
    /** null for the system (expiry job, side effect of a proposal). */
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    at: { type: Date, required: true },
    from: { type: String, enum: needStatuses, required: true },
    to: { type: String, enum: needStatuses, required: true },
    reason: { type: String, maxlength: 1000, default: '' },
  },
  { _id: false },
)

const needSchema = new Schema(
  {
    companyOrgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true, trim: true, maxlength: 140 },
    summary: { type: String, default: '', maxlength: 600 },
    description: { type: String, default: '', maxlength: 10_000 },
    category: { type: String, enum: [...needCategories, null], default: null },
    domains: { type: [{ type: String, enum: technologyDomainIds }], default: [] },
    filiere: { type: String, enum: [...filiereIds, null], default: null },
    trlCurrent: { type: Number, min: 1, max: 9, default: null },
    trlTarget: { type: Number, min: 1, max: 9, default: null },
    stage: { type: String, enum: [...needStages, null], default: null },
    budgetRange: { type: String, enum: [...budgetRanges, null], default: null },
    /** A whole day (UTC midnight); the need expires once that day is over. */
    deadline: { type: Date, default: null },
    territory: { type: String, enum: [...territoryIds, null], default: null },
    location: { type: communeLocationSchema, default: null },
    confidentiality: { type: String, enum: confidentialityLevels, required: true, default: 'members' },
    status: { type: String, enum: needStatuses, required: true, default: 'draft' },
    closedReason: { type: String, enum: [...closedReasons, null], default: null },
    /**
     * The spaces animating this need, refreshed on every save and submission: the need's
     * territory and the clusters/pôles the company declared. Review and anonymity rules read it.
     */
    spaces: { type: [spaceSchema], default: [] },
    /** First time the need went online; closed needs stay listed only if they were. */
    publishedAt: { type: Date, default: null },
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', default: null },
    /**
     * Proposals ever sent. Every new proposal increments it with a write conditional on the
     * need being open, inside the proposal's transaction: a concurrent close then conflicts
     * instead of letting a proposal land on a closed need.
     */
    proposalsReceived: { type: Number, default: 0 },
    history: { type: [transitionSchema], default: [] },
  },
  { timestamps: true },
)
// The browse page's order (newest first, _id breaking ties) read straight from the index, per status.
needSchema.index({ status: 1, publishedAt: -1, _id: -1 })
// An animator's dashboard: the needs of their spaces created in the period.
needSchema.index({ 'spaces.kind': 1, 'spaces.ref': 1, createdAt: 1 })
needSchema.index({ companyOrgId: 1, status: 1 })
needSchema.index({ status: 1, deadline: 1 })
// A territory's page: its needs by status (key figures, issue 18).
needSchema.index({ territory: 1, status: 1 })

export type NeedRecord = InferSchemaType<typeof needSchema> & { _id: mongoose.Types.ObjectId }
export const Need: Model<InferSchemaType<typeof needSchema>> =
  (mongoose.models.Need as Model<InferSchemaType<typeof needSchema>>) ?? mongoose.model('Need', needSchema)

/**
 * Per-space setting "needs wait for an animator before going online", keyed like
 * `User.animates` ({kind, ref}) so clusters, pôles and territories share one mechanism and
 * the animators of a space (issue 7) can switch it. No record means no review.
 */
const reviewPolicySchema = new Schema(
  {
    space: { type: spaceSchema, required: true },
    needReviewRequired: { type: Boolean, required: true, default: false },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
)
reviewPolicySchema.index({ 'space.kind': 1, 'space.ref': 1 }, { unique: true })

export const NeedReviewPolicy: Model<InferSchemaType<typeof reviewPolicySchema>> =
  (mongoose.models.NeedReviewPolicy as Model<InferSchemaType<typeof reviewPolicySchema>>) ??
  mongoose.model('NeedReviewPolicy', reviewPolicySchema)
