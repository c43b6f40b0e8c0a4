import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from './events'
import { createOutbox } from './outbox'

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

type Shared = { socket: ClientSocket; userId: string; outbox: ReturnType<typeof createOutbox> | null; stopRetrying: () => void }
let shared: Shared | null = null

const HANDSHAKE_RETRY_MS = 2_000

/**
 * Socket.IO reconnects by itself after a dropped link, but not after the server refused the
 * handshake (its middleware said no: here, "the database is unavailable, cannot read your
 * session"). Try again shortly, so the page is live again as soon as the server can say who we are.
 */
export function reconnectAfterRefusal(socket: ClientSocket, retryMs = HANDSHAKE_RETRY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const onError = () => {
    if (socket.active) return // the client's own reconnection is on it
    clearTimeout(timer)
    timer = setTimeout(() => socket.connect(), retryMs * (0.75 + Math.random() / 2))
  }
  socket.on('connect_error', onError)
  return () => {
    clearTimeout(timer)
    socket.off('connect_error', onError)
  }
}

/**
 * One Socket.IO connection per browser tab and signed-in person, shared by the navigation
 * badge and the open conversation. The server reads who we are from the session cookie at the
 * handshake, so when the person changes (sign-out, another account, all client-side
 * navigations) the connection is replaced. Browser only.
 */
export function getSocket(userId: string): ClientSocket {
  return sharedFor(userId).socket
}

/**
 * The tab's outbox (messages written, not yet acknowledged), kept in localStorage per person so
 * that a reload, a crash or a closed tab loses nothing: sent again at the next page load.
 */
export function getOutbox(userId: string) {
  const current = sharedFor(userId)
  current.outbox ??= createOutbox({ socket: current.socket, storage: window.localStorage, storageKey: `passerelle.outbox.${userId}` })
  return current.outbox
}

function sharedFor(userId: string): Shared {
  if (shared?.userId !== userId) {
    closeSocket()
    const socket: ClientSocket = io({ path: '/socket.io', withCredentials: true })
    shared = { socket, userId, outbox: null, stopRetrying: reconnectAfterRefusal(socket) }
  }
  return shared
}

/** Signed out: nobody should be listening as the previous person. */
export function closeSocket() {
  shared?.stopRetrying()
  shared?.outbox?.stop()
  shared?.socket.disconnect()
  shared = null
}
