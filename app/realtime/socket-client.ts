import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from './events'

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let shared: { socket: ClientSocket; userId: string } | null = null

/**
 * One Socket.IO connection per browser tab and signed-in person, shared by the navigation
 * badge and the open conversation. The server reads who we are from the session cookie at the
 * handshake, so when the person changes (sign-out, another account, all client-side
 * navigations) the connection is replaced. Browser only.
 */
export function getSocket(userId: string): ClientSocket {
  if (shared?.userId !== userId) {
    shared?.socket.disconnect()
    shared = { socket: io({ path: '/socket.io', withCredentials: true }), userId }
  }
  return shared.socket
}

/** Signed out: nobody should be listening as the previous person. */
export function closeSocket() {
  shared?.socket.disconnect()
  shared = null
}
