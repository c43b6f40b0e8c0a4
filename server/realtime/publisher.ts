import type { Server } from 'socket.io'
import { messagePreview } from '../../app/domain/messaging/preview.js'
import type { MessageView } from '../../app/domain/messaging/schema.js'
import { conversationRoom, userRoom, type ClientToServerEvents, type InboxMessageEvent, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimeEvent } from '../../app/realtime/publisher.server.js'
import type { SocketData } from './auth.js'

type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** Moved beside the messages it shortens; re-exported for the socket announcements. */
export { messagePreview }

/** Badge and announcement events of one conversation leave at most once per this window. */
export const INBOX_WINDOW_MS = 1_000

/**
 * Sends a stored change to the people concerned through the Socket.IO adapter (every process):
 * receipts and notifications. One per server: socket commands and
 * Remix actions (no JavaScript) share it. Messages themselves are pushed by each process's
 * message feed (message-feed.ts), from what MongoDB stored.
 */
export function createRealtimePublisher(io: RealtimeServer) {
  return (event: RealtimeEvent) => {
    if (event.type === 'notification:created') {
      io.to(userRoom(event.userId)).emit('notification:created', event.notification)
      return
    }
    const room = io.to(conversationRoom(event.receipt.conversationId))
    ;(event.exceptSocketId ? room.except(event.exceptSocketId) : room).emit('receipt:updated', event.receipt)
    io.to(userRoom(event.receipt.userId)).emit('inbox:updated', { conversationId: event.receipt.conversationId })
  }
}

type Emitter = Pick<RealtimeServer, 'to'>

/**
 * The participants' own rooms hear about new messages (`inbox:updated` for the unread badge,
 * `inbox:message` for the announcement) at most once per `windowMs` per conversation: the first
 * message of a quiet conversation at once, then one more at the end of the window if others came
 * meanwhile, carrying the latest. A busy room of five then costs each member one badge refresh a
 * second instead of one per message. The messages themselves reach the conversation room at once,
 * every one. Edits and deletions refresh the badges at once.
 */
export function coalescedInbox(target: Emitter, windowMs = INBOX_WINDOW_MS) {
  type Latest = { message: MessageView; participantIds: string[] } | null
  const windows = new Map<string, { latest: Latest }>()
  const emit = (message: MessageView, participantIds: string[]) => {
    if (!participantIds.length) return
    const rooms = participantIds.map(userRoom)
    // Not to the tabs showing this conversation: the message itself is there, and reading it
    // sends a receipt that refreshes the badges; an announcement there would repeat what is on screen.
    const elsewhere = conversationRoom(message.conversationId)
    target.to(rooms).except(elsewhere).emit('inbox:updated', { conversationId: message.conversationId })
    // Participants only (their own rooms), never the author: the page they are on says it politely.
    const announcement: InboxMessageEvent = { conversationId: message.conversationId, author: message.author, preview: messagePreview(message) }
    target.to(rooms).except([userRoom(message.author.id), elsewhere]).emit('inbox:message', announcement)
  }
  const open = (conversationId: string) => {
    const window: { latest: Latest } = { latest: null }
    windows.set(conversationId, window)
    setTimeout(() => {
      windows.delete(conversationId)
      if (window.latest) {
        emit(window.latest.message, window.latest.participantIds)
        open(conversationId)
      }
    }, windowMs).unref()
  }
  return {
    created(message: MessageView, participantIds: string[]) {
      const window = windows.get(message.conversationId)
      if (window) {
        window.latest = { message, participantIds }
        return
      }
      emit(message, participantIds)
      open(message.conversationId)
    },
    changed(message: MessageView, participantIds: string[]) {
      if (participantIds.length) target.to(participantIds.map(userRoom)).emit('inbox:updated', { conversationId: message.conversationId })
    },
  }
}
