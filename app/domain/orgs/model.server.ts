import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { communeLocationFields } from '../places/schemas.server'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import { orgKinds, orgRoles } from './kinds'

/** Where an organisation is: a commune (../places/schemas.server.ts) and its coordinates. */
const locationSchema = new Schema(
  {
    ...communeLocationFields,
    /** [lng, lat] of the commune, for distance ranking in search. */
    coordinates: { type: [Number], default: undefined },
  },
  { _id: false },
)

const contactSchema = new Schema(
  { name: { type: String, maxlength: 120 }, role: { type: String, maxlength: 120 }, email: { type: String, maxlength: 254 }, phone: { type: String, maxlength: 40 } },
  { _id: false },
)

const organisationSchema = new Schema(
  {
    slug: { type: String, required: true, maxlength: 120 },
    name: { type: String, required: true, trim: true, maxlength: 160 },
    kind: { type: String, enum: orgKinds, required: true },
    description: { type: String, default: '', maxlength: 5000 },
    domains: { type: [{ type: String, enum: technologyDomainIds }], default: [] },
    keywords: { type: [{ type: String, maxlength: 60 }], default: [] },
    equipment: { type: [{ type: String, maxlength: 200 }], default: [] },
    trlMin: { type: Number, min: 1, max: 9, default: null },
    trlMax: { type: Number, min: 1, max: 9, default: null },
    filieres: { type: [{ type: String, enum: filiereIds }], default: [] },
    location: { type: locationSchema, default: null },
    /** Territoire d'industrie ids (app/domain/places/territories.ts). */
    territories: { type: [String], default: [] },
    website: { type: String, default: '', maxlength: 300 },
    contacts: { type: [contactSchema], default: [] },
    /** Clusters and pôles a company declares itself a member of. */
    memberOf: { type: [{ type: Schema.Types.ObjectId, ref: 'Organisation' }], default: [] },
    /** Company size, for matching institutional services. */
    size: { type: String, enum: ['tpe', 'pme', 'eti', 'ge', null], default: null },
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** Demo data is fictional and says so. */
    fictional: { type: Boolean, default: false },
  },
  { timestamps: true },
)
/** How the directory sorts names; its indexes have the same collation, or MongoDB sorts in memory. */
export const DIRECTORY_COLLATION = { locale: 'fr', strength: 1 }

organisationSchema.index({ slug: 1 }, { unique: true })
organisationSchema.index({ kind: 1, verifiedAt: 1 })
// The directory's order: by name in French (accents and case ignored), all kinds or one kind.
organisationSchema.index({ name: 1 }, { collation: DIRECTORY_COLLATION })
organisationSchema.index({ kind: 1, name: 1 }, { collation: DIRECTORY_COLLATION })

export type OrganisationRecord = InferSchemaType<typeof organisationSchema> & { _id: mongoose.Types.ObjectId }
export const Organisation: Model<InferSchemaType<typeof organisationSchema>> =
  (mongoose.models.Organisation as Model<InferSchemaType<typeof organisationSchema>>) ??
  mongoose.model('Organisation', organisationSchema)

/** A user's place in an organisation. Ownership checks query this collection. */
const membershipSchema = new Schema(
  {
    orgId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    role: { type: String, enum: orgRoles, required: true },
    /** Whether the member appears on the public profile. */
    listed: { type: Boolean, default: true },
  },
  { timestamps: true },
)
membershipSchema.index({ orgId: 1, userId: 1 }, { unique: true })
membershipSchema.index({ userId: 1 })

export type MembershipRecord = InferSchemaType<typeof membershipSchema> & { _id: mongoose.Types.ObjectId }
export const Membership: Model<InferSchemaType<typeof membershipSchema>> =
  (mongoose.models.Membership as Model<InferSchemaType<typeof membershipSchema>>) ?? mongoose.model('Membership', membershipSchema)
