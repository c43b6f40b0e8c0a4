import type { MessageView, ReceiptView } from '../domain/messaging/schema'

/**
 * How a Remix action (a message posted without JavaScript) reaches the live sockets. Remix
 * route modules and the server's own modules are separate module instances (Vite in
 * development, the server build in production), so the socket server registers its publisher
 * on `globalThis` under a registry symbol: one per process. Without a socket server (tests of
 * the services alone) publishing does nothing — the message is stored either way.
 * TODO(lead): pass the publisher through the Remix load context instead and drop this bridge.
 */
export type RealtimeEvent =
  | { type: 'message:created' | 'message:edited' | 'message:deleted'; message: MessageView; participantIds: string[]; exceptSocketId?: string }
  | { type: 'receipt:updated'; receipt: ReceiptView; exceptSocketId?: string }

export type RealtimePublisher = (event: RealtimeEvent) => void

const KEY = Symbol.for('passerelle.realtime.publisher')
type Registry = { [KEY]?: RealtimePublisher }

export function setRealtimePublisher(publisher: RealtimePublisher | undefined) {
  ;(globalThis as Registry)[KEY] = publisher
}

/** Unregisters `publisher` if it is still the registered one (a server closing in a process that started another). */
export function clearRealtimePublisher(publisher: RealtimePublisher) {
  if ((globalThis as Registry)[KEY] === publisher) (globalThis as Registry)[KEY] = undefined
}

export function publishRealtime(event: RealtimeEvent) {
  ;(globalThis as Registry)[KEY]?.(event)
}
