import type { Server } from 'socket.io'
import { conversationRoom, userRoom, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimeEvent } from '../../app/realtime/publisher.server.js'
import type { SocketData } from './auth.js'

type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** Sends a stored change to the people concerned: the conversation room, and each participant's own room for badges. */
export function createRealtimePublisher(io: RealtimeServer) {
  return (event: RealtimeEvent) => {
    if (event.type === 'user:suspended') {
      io.in(userRoom(event.userId)).disconnectSockets(true)
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
    if (event.participantIds.length) io.to(event.participantIds.map(userRoom)).emit('inbox:updated', { conversationId: event.message.conversationId })
  }
}
