import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { communeLocationSchema, spaceSchema } from '../places/schemas.server'
import { technologyDomainIds } from '../taxonomy/domains'
import { filiereIds } from '../taxonomy/filieres'
import { meetingStatuses, registrationStatuses } from './lifecycle'
import { MEETING_TIME_ZONE } from './timezone'

/**
 * Meetings (« Rencontres ») and their registrations. A meeting belongs to one animated space
 * (`scope`, shaped like `User.animates`); its seats are counted on the meeting itself
 * (`registeredCount`), changed only inside a registration transaction with a write conditional on
 * `registeredCount < capacity`, so the capacity holds under concurrent registrations
 * (docs/decisions/030-meetings.md).
 */

/**
 * Business meetings' grid for one-to-ones, owned by the scheduler (branch business-meetings) but
 * stored here: slots of `slotMinutes` from `firstSlotAt` to `lastSlotEndsAt`, `tables` at once.
 */
const slotGridSchema = new Schema(
  {
    slotMinutes: { type: Number, required: true, min: 5, max: 240 },
    firstSlotAt: { type: Date, required: true },
    lastSlotEndsAt: { type: Date, required: true },
    tables: { type: Number, required: true, min: 1, max: 500 },
  },
  { _id: false },
)

/** What came out of the event, recorded by an animator afterwards (links to existing records). */
const outcomesSchema = new Schema(
  {
    needIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Need' }], default: [] },
    proposalIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Proposal' }], default: [] },
    projectIds: { type: [{ type: Schema.Types.ObjectId, ref: 'Project' }], default: [] },
    notes: { type: String, default: '', maxlength: 2000 },
    recordedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    recordedAt: { type: Date, required: true },
  },
  { _id: false },
)

const meetingSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 140 },
    description: { type: String, default: '', maxlength: 5000 },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    /** Always Europe/Paris: entered, shown and written in calendar files in that zone. */
    timezone: { type: String, enum: [MEETING_TIME_ZONE], default: MEETING_TIME_ZONE },
    /** Exactly one of `place` and `onlineUrl` is set. */
    place: { type: communeLocationSchema, default: null },
    onlineUrl: { type: String, default: null, maxlength: 500 },
    /** Pôles / clusters organising it (organisation ids). */
    organisers: { type: [{ type: Schema.Types.ObjectId, ref: 'Organisation' }], default: [] },
    scope: { type: spaceSchema, required: true },
    domains: { type: [{ type: String, enum: technologyDomainIds }], default: [] },
    filieres: { type: [{ type: String, enum: filiereIds }], default: [] },
    capacity: { type: Number, required: true, min: 1, max: 10_000 },
    /** Null: registrations close when the meeting starts. */
    registrationDeadline: { type: Date, default: null },
    status: { type: String, enum: meetingStatuses, required: true, default: 'published' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Seats taken (registrations in status `registered`); the lock of every registration transaction. */
    registeredCount: { type: Number, required: true, default: 0, min: 0 },
    /** Last waiting-list position handed out: positions only grow, so the queue keeps its order. */
    waitlistSeq: { type: Number, required: true, default: 0 },
    /** iCalendar SEQUENCE: bumped on every change registrants are told about (date, place, cancellation). */
    icsSequence: { type: Number, required: true, default: 0 },
    cancelledAt: { type: Date, default: null },
    slotGrid: { type: slotGridSchema, default: null },
    outcomes: { type: outcomesSchema, default: null },
  },
  { timestamps: true },
)
// The public list: upcoming first by date; past ones read backwards.
meetingSchema.index({ status: 1, startsAt: 1 })
// An animator's meetings (their spaces).
meetingSchema.index({ 'scope.kind': 1, 'scope.ref': 1, startsAt: -1 })

export type MeetingRecord = InferSchemaType<typeof meetingSchema> & { _id: mongoose.Types.ObjectId }
export const Meeting: Model<InferSchemaType<typeof meetingSchema>> =
  (mongoose.models.Meeting as Model<InferSchemaType<typeof meetingSchema>>) ?? mongoose.model('Meeting', meetingSchema)

const registrationSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, ref: 'Meeting', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The organisation the person comes for (they are a member of it). */
    organisationId: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    status: { type: String, enum: registrationStatuses, required: true },
    /** Waiting-list position (from Meeting.waitlistSeq); null once registered or cancelled. */
    position: { type: Number, default: null },
    /** Why it was cancelled: by the person, by moderation (suspension), or the meeting was cancelled. */
    cancelledReason: { type: String, enum: ['self', 'moderation', 'meeting_cancelled', null], default: null },
    cancelledAt: { type: Date, default: null },
    /** What they left when it was cancelled: a seat (their calendar has the event) or a place on the waiting list. */
    cancelledFrom: { type: String, enum: ['registered', 'waitlisted', null], default: null },
    /**
     * How far this person's copy of the calendar event is ahead of the meeting's `icsSequence`:
     * raised when they leave their seat (the CANCEL they get) and when they come back after that
     * (the new invitation must outrank the CANCEL). Calendars ignore an update whose SEQUENCE is not higher.
     */
    icsSequenceOffset: { type: Number, required: true, default: 0, min: 0 },
    /** When the person moved up from the waiting list. */
    promotedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
// One registration per person and meeting: registering again reactivates the cancelled one.
registrationSchema.index({ meetingId: 1, userId: 1 }, { unique: true })
// The waiting list in order, and the registrants of a meeting.
registrationSchema.index({ meetingId: 1, status: 1, position: 1 })
// A person's registrations (their agenda, moderation).
registrationSchema.index({ userId: 1, status: 1 })

export type MeetingRegistrationRecord = InferSchemaType<typeof registrationSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date }
export const MeetingRegistration: Model<InferSchemaType<typeof registrationSchema>> =
  (mongoose.models.MeetingRegistration as Model<InferSchemaType<typeof registrationSchema>>) ??
  mongoose.model('MeetingRegistration', registrationSchema)
