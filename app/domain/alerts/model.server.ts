import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { alertFrequencies } from './vocabulary'

/**
 * A saved-search alert. `since`: needs published after it are new for the next run (moved to the
 * run's time once its e-mail is queued); `lastPeriod`: the last period (day, ISO week) it ran for,
 * so a run taken again after a crash skips the alerts already done.
 */
const searchAlertSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true, trim: true, maxlength: 80 },
    /** The search page's canonical query string (app/domain/alerts/schema.ts). */
    search: { type: String, required: true, maxlength: 4000 },
    frequency: { type: String, enum: alertFrequencies, required: true },
    /** Turned off by the alert's unsubscribe link; on again from « Mon compte ». */
    enabled: { type: Boolean, default: true },
    since: { type: Date, required: true },
    lastPeriod: { type: String, default: null },
  },
  { timestamps: true, collection: 'search_alerts' },
)
searchAlertSchema.index({ userId: 1, createdAt: 1 })
// The runs: the alerts of a frequency still to do for a period.
searchAlertSchema.index({ frequency: 1, enabled: 1, _id: 1 })

export type SearchAlertRecord = InferSchemaType<typeof searchAlertSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date }
export const SearchAlert: Model<InferSchemaType<typeof searchAlertSchema>> =
  (mongoose.models.SearchAlert as Model<InferSchemaType<typeof searchAlertSchema>>) ?? mongoose.model('SearchAlert', searchAlertSchema)
