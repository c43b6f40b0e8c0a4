import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { NOTIFICATION_TTL_DAYS, meetingChanges, needChanges, notificationKinds, notificationMailStates } from './schema'

const notificationSchema = new Schema(
  {
    recipientId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: notificationKinds, required: true },
    data: {
      type: new Schema(
        {
          needTitle: { type: String, maxlength: 200 },
          orgName: { type: String, maxlength: 200 },
          change: { type: String, enum: needChanges },
          reason: { type: String, maxlength: 500 },
          inDiscussion: { type: Boolean },
          actorName: { type: String, maxlength: 200 },
          meetingTitle: { type: String, maxlength: 200 },
          meetingChange: { type: String, enum: meetingChanges },
          oneToOneId: { type: String, match: /^[a-f0-9]{24}$/ },
        },
        { _id: false },
      ),
      default: {},
    },
    link: { type: String, required: true, maxlength: 200 },
    readAt: { type: Date, default: null },
    /** The need it is about, when there is one: e-mails check again what the recipient may see of it. */
    needId: { type: Schema.Types.ObjectId, ref: 'Need' },
    /** Its e-mail (issue 14, app/domain/notifications/email-*.server.ts): to decide, queued, none, waiting for a digest, sent in one. */
    mail: { type: String, enum: notificationMailStates, default: 'pending' },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
)
// A person's page, newest first, and their unread count.
notificationSchema.index({ recipientId: 1, _id: -1 })
notificationSchema.index({ recipientId: 1, readAt: 1 })
// The e-mail jobs: notifications still to decide, and each digest's, by recipient.
notificationSchema.index({ mail: 1, recipientId: 1, _id: 1 })
notificationSchema.index({ createdAt: 1 }, { expireAfterSeconds: NOTIFICATION_TTL_DAYS * 24 * 60 * 60 })

export type NotificationRecord = InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date }
export const Notification: Model<InferSchemaType<typeof notificationSchema>> =
  (mongoose.models.Notification as Model<InferSchemaType<typeof notificationSchema>>) ?? mongoose.model('Notification', notificationSchema)
