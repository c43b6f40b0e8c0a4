import { Notification, type NotificationRecord } from './model.server'
import type { NotificationData, NotificationKind, NotificationView } from './schema'
import { isObjectId } from '../ids'
import { domainLog } from '../log'

export type NotificationDraft = { recipientId: string; kind: NotificationKind; data: NotificationData; link: string; needId?: string }

/**
 * Stores notifications, then pushes each one live to its recipient's sockets. A domain
 * service calls it after its own write succeeded; a failure here is logged and never undoes
 * (nor fails) the action the person just did.
 */
export type Notifier = (drafts: NotificationDraft[]) => Promise<void>

/** Pushes a stored notification to its recipient's live sockets (the server's realtime publisher). */
export type NotificationPush = (event: { type: 'notification:created'; userId: string; notification: NotificationView }) => void

/** What the services accept: without a notifier they still store (no live push). */
export type NotifyHook = { notifier?: Notifier }


export function toNotificationView(record: Pick<NotificationRecord, '_id' | 'kind' | 'data' | 'link' | 'readAt' | 'createdAt'>): NotificationView {
  const data = (record.data ?? {}) as NotificationData
  return {
    id: String(record._id),
    kind: record.kind as NotificationKind,
    data: Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && value !== null)) as NotificationData,
    link: record.link,
    readAt: record.readAt ? record.readAt.toISOString() : null,
    createdAt: record.createdAt.toISOString(),
  }
}

export function createNotifier(options: { publish?: NotificationPush; onError?: (error: unknown) => void } = {}): Notifier {
  const onError = options.onError ?? ((error: unknown) => domainLog().error({ err: error }, 'notifications: could not notify'))
  return async (drafts) => {
    // One notification per person and event, even when they are in both organisations.
    const seen = new Set<string>()
    const unique = drafts.filter((draft) => {
      const key = `${draft.recipientId}:${draft.kind}:${draft.link}`
      if (!isObjectId(draft.recipientId) || seen.has(key)) return false
      seen.add(key)
      return true
    })
    if (!unique.length) return
    try {
      const inserted = await Notification.insertMany(unique, { ordered: false })
      const stored = inserted.map((doc) => doc.toObject()) as unknown as NotificationRecord[]
      if (!options.publish) return
      for (const record of stored) options.publish({ type: 'notification:created', userId: String(record.recipientId), notification: toNotificationView(record) })
    } catch (error) {
      onError(error)
    }
  }
}

/** The default: stored, shown at the next page load (jobs and tests without sockets). */
export const storeOnlyNotifier = createNotifier()
