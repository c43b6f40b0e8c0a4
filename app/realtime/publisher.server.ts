import type { ReceiptView } from '../domain/messaging/schema'
import type { NotificationView } from '../domain/notifications/schema'

/**
 * How a Remix action reaches the live sockets: the server builds a publisher on its Socket.IO
 * server and hands it to every loader and action through the load context (`context.realtime`),
 * like the mailer. Messages need none of it: whatever stores one, the message feed pushes it
 * (server/realtime/message-feed.ts).
 */
export type RealtimeEvent =
  | { type: 'receipt:updated'; receipt: ReceiptView; exceptSocketId?: string }
  /** A notification was stored for this person: their open tabs show it (badge, toast). */
  | { type: 'notification:created'; userId: string; notification: NotificationView }

export type RealtimePublisher = (event: RealtimeEvent) => void
