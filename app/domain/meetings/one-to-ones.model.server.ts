import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { oneToOneCancelReasons, oneToOneStatuses } from './one-to-ones.lifecycle'
import { unscheduledReasons } from './scheduler'

/**
 * Business meetings' one-to-one requests at a meeting, and where the scheduler seated them
 * (docs/decisions/031-one-to-one-scheduler.md). A seat is kept as the slot's start instant, not
 * its index, so it stays put when the animator edits the grid around it.
 */
const oneToOneSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, ref: 'Meeting', required: true },
    requesterId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    recipientId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The two ids sorted and joined: one live request per pair, whoever asked. */
    pairKey: { type: String, required: true },
    message: { type: String, default: '', maxlength: 500 },
    status: { type: String, enum: oneToOneStatuses, required: true, default: 'pending' },
    /** Pending or accepted: the unique index below lets a pair ask again once it is over. */
    live: { type: Boolean, required: true, default: true },
    requestedAt: { type: Date, required: true },
    respondedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancelledReason: { type: String, enum: [...oneToOneCancelReasons, null], default: null },
    cancelledBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** The seat (accepted and scheduled): the slot's start and the table number. */
    slotStartsAt: { type: Date, default: null },
    table: { type: Number, default: null, min: 1 },
    /**
     * The seat last given, kept when it is released or the one-to-one cancelled: the event the two
     * people's calendars hold (their e-mails carry it), which a cancellation removes.
     */
    calendarSeat: { type: new Schema({ startsAt: Date, endsAt: Date, table: Number }, { _id: false }), default: null },
    /** iCalendar SEQUENCE of that event: raised on every seat given and on cancellation. */
    icsSequence: { type: Number, required: true, default: 0 },
    /** Accepted but not seated: why (no slot free for both, no table). */
    unscheduledReason: { type: String, enum: [...unscheduledReasons, null], default: null },
  },
  { timestamps: true },
)
oneToOneSchema.index({ meetingId: 1, pairKey: 1 }, { unique: true, partialFilterExpression: { live: true } })
// The last guard against a table given twice: one live seat per slot and table.
oneToOneSchema.index({ meetingId: 1, slotStartsAt: 1, table: 1 }, { unique: true, partialFilterExpression: { live: true, table: { $type: 'number' } } })
oneToOneSchema.index({ meetingId: 1, requesterId: 1, live: 1 })
oneToOneSchema.index({ meetingId: 1, recipientId: 1, live: 1 })

export type OneToOneRecord = InferSchemaType<typeof oneToOneSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date }
export const OneToOne: Model<InferSchemaType<typeof oneToOneSchema>> =
  (mongoose.models.OneToOne as Model<InferSchemaType<typeof oneToOneSchema>>) ?? mongoose.model('OneToOne', oneToOneSchema)

/**
 * One document per meeting, written by every re-plan: two transactions planning the same meeting
 * write it both, so MongoDB aborts one (a write conflict) and `withTransaction` runs it again on
 * the other's result — two concurrent accepts never seat the same person twice.
 */
const planLockSchema = new Schema({
  meetingId: { type: Schema.Types.ObjectId, ref: 'Meeting', required: true },
  version: { type: Number, required: true, default: 0 },
  plannedAt: { type: Date, default: null },
})
planLockSchema.index({ meetingId: 1 }, { unique: true })

export const OneToOnePlan: Model<InferSchemaType<typeof planLockSchema>> =
  (mongoose.models.OneToOnePlan as Model<InferSchemaType<typeof planLockSchema>>) ?? mongoose.model('OneToOnePlan', planLockSchema)
