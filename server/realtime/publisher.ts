import type { Server } from 'socket.io'
import type { MessageView } from '../../app/domain/messaging/schema.js'
import { conversationRoom, userRoom, type ClientToServerEvents, type InboxMessageEvent, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimeEvent } from '../../app/realtime/publisher.server.js'
import type { SocketData } from './auth.js'

type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

const PREVIEW_LENGTH = 80

/** A message as a short plain line: markdown marks and line breaks removed, cut at a word. */
export function messagePreview(message: Pick<MessageView, 'body' | 'attachments'>): string {
  const text = message.body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= PREVIEW_LENGTH) return text
  const cut = text.slice(0, PREVIEW_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : PREVIEW_LENGTH)}…`
}

/** Sends a stored change to the people concerned: the conversation room, and each participant's own room for badges. */
export function createRealtimePublisher(io: RealtimeServer) {
  return (event: RealtimeEvent) => {
    if (event.type === 'user:suspended') {
      io.in(userRoom(event.userId)).disconnectSockets(true)
      return
    }
    if (event.type === 'notification:created') {
      io.to(userRoom(event.userId)).emit('notification:created', event.notification)
      return
    }
    if (event.type === 'receipt:updated') {
      const room = io.to(conversationRoom(event.receipt.conversationId))
      ;(event.exceptSocketId ? room.except(event.exceptSocketId) : room).emit('receipt:updated', event.receipt)
      io.to(userRoom(event.receipt.userId)).emit('inbox:updated', { conversationId: event.receipt.conversationId })
      return
    }
    const room = io.to(conversationRoom(event.message.conversationId))
    ;(event.exceptSocketId ? room.except(event.exceptSocketId) : room).emit(event.type, event.message)
    if (!event.participantIds.length) return
    const participantRooms = event.participantIds.map(userRoom)
    io.to(participantRooms).emit('inbox:updated', { conversationId: event.message.conversationId })
    if (event.type === 'message:created') {
      // Participants only (their own rooms), never the author: the page they are on says it politely.
      const announcement: InboxMessageEvent = { conversationId: event.message.conversationId, author: event.message.author, preview: messagePreview(event.message) }
      io.to(participantRooms).except(userRoom(event.message.author.id)).emit('inbox:message', announcement)
    }
  }
}
