import type { Actor } from '../actor'
import mongoose from 'mongoose'
import { notFound } from '../errors'
import { Notification, type NotificationRecord } from './model.server'
import { toNotificationView } from './notifier.server'
import { NOTIFICATIONS_PAGE_SIZE, type NotificationView } from './schema'
import { isObjectId } from '../ids'

/**
 * Reading and acknowledging one's own notifications. Every query carries the recipient, so
 * nobody can read or mark someone else's (an unknown id and another person's are the same 404).
 */


/** Newest first, one page at a time; `before` is the id of the last notification already shown. */
export async function listNotifications(reader: Actor, options: { before?: string | null; limit?: number } = {}): Promise<{ items: NotificationView[]; nextBefore: string | null }> {
  const limit = options.limit ?? NOTIFICATIONS_PAGE_SIZE
  const filter: Record<string, unknown> = { recipientId: reader.id }
  if (options.before && isObjectId(options.before)) filter._id = { $lt: new mongoose.Types.ObjectId(options.before) }
  const records = (await Notification.find(filter).sort({ _id: -1 }).limit(limit + 1).lean()) as NotificationRecord[]
  const page = records.slice(0, limit)
  return { items: page.map(toNotificationView), nextBefore: records.length > limit ? String(page.at(-1)!._id) : null }
}

export async function unreadNotificationCount(reader: Actor): Promise<number> {
  return Notification.countDocuments({ recipientId: reader.id, readAt: null })
}

export async function markNotificationRead(reader: Actor, notificationId: string, now = new Date()) {
  if (!isObjectId(notificationId)) throw notFound()
  const found = await Notification.findOneAndUpdate({ _id: notificationId, recipientId: reader.id }, [{ $set: { readAt: { $ifNull: ['$readAt', now] } } }], { new: true }).lean()
  if (!found) throw notFound()
  return toNotificationView(found as NotificationRecord)
}

export async function markAllNotificationsRead(reader: Actor, now = new Date()): Promise<number> {
  const result = await Notification.updateMany({ recipientId: reader.id, readAt: null }, { $set: { readAt: now } })
  return result.modifiedCount
}

/** Opening a notification marks it read and answers where it leads (always a path of this app). */
export async function openNotification(reader: Actor, notificationId: string): Promise<string> {
  const { link } = await markNotificationRead(reader, notificationId)
  return link.startsWith('/') && !link.startsWith('//') ? link : '/notifications'
}
