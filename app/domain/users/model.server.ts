import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { userRoles } from './roles'

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    title: { type: String, trim: true, maxlength: 160, default: '' },
    role: { type: String, enum: userRoles, required: true },
    emailVerifiedAt: { type: Date, default: null },
    /** Set by moderation: no sign-in, no messages until then. */
    suspendedUntil: { type: Date, default: null },
    language: { type: String, enum: ['fr', 'en'], default: 'fr' },
    /** For animators: the clusters/pôles (organisation ids) and Territoires d'industrie (ids) they animate. */
    animates: {
      type: [
        new Schema(
          { kind: { type: String, enum: ['organisation', 'territory'], required: true }, ref: { type: String, required: true } },
          { _id: false },
        ),
      ],
      default: [],
    },
    /** The role an animator had before an admin appointed them, given back on revocation. */
    roleBeforeAnimator: { type: String, enum: userRoles.filter((role) => role !== 'animator'), default: undefined },
    /** Each version of the terms of use this person accepted, and when (app/domain/legal/terms.ts). */
    termsAcceptances: {
      type: [new Schema({ version: { type: String, required: true }, acceptedAt: { type: Date, required: true } }, { _id: false })],
      default: [],
    },
    /** Set when the person deleted their account: what remains is a nameless record (see app/domain/users/privacy.server.ts). */
    deletedAt: { type: Date, default: null },
    /** E-mail choices per kind that differ from the persona's defaults (app/domain/notifications/preferences.ts). */
    mailPreferences: { type: Schema.Types.Mixed, default: undefined },
    /** Demo accounts are fictional people and say so. */
    fictional: { type: Boolean, default: false },
  },
  { timestamps: true },
)
userSchema.index({ email: 1 }, { unique: true })

export type UserDocument = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId }

// Reuse the compiled model when Vite re-evaluates this module in development.
export const User: Model<InferSchemaType<typeof userSchema>> =
  (mongoose.models.User as Model<InferSchemaType<typeof userSchema>>) ?? mongoose.model('User', userSchema)
