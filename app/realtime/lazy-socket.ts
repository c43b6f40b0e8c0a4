import type { ClientSocket } from './socket-client'

/**
 * The shell's live parts (badges, presence) reach the shared socket through a dynamic import:
 * Socket.IO and the payload schemas then stay out of every page's first load — most first
 * visits are anonymous and never open a socket — and are fetched once the page is interactive.
 * `attach` subscribes and returns its own clean-up; the returned function undoes it, even when
 * it runs before the import has finished.
 */
export function withSocket(userId: string, attach: (socket: ClientSocket) => () => void): () => void {
  let detach: (() => void) | null = null
  let cancelled = false
  void import('./socket-client').then(({ getSocket }) => {
    if (!cancelled) detach = attach(getSocket(userId))
  })
  return () => {
    cancelled = true
    detach?.()
  }
}

/** Signed out: nobody should be listening as the previous person. */
export function closeSocketLater() {
  void import('./socket-client').then(({ closeSocket }) => closeSocket())
}
