import type { MessageView } from '../domain/messaging/schema'

/**
 * Merges messages from the server page and from live events: one entry per id, in id order
 * (ObjectIds grow with time). For the same id the most advanced state wins: deleted, then the
 * latest edit, then the newer copy.
 */
export function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(current.map((message) => [message.id, message]))
  for (const message of incoming) {
    const known = byId.get(message.id)
    byId.set(message.id, known ? mostAdvanced(known, message) : message)
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function mostAdvanced(a: MessageView, b: MessageView): MessageView {
  if (a.deleted !== b.deleted) return a.deleted ? a : b
  if ((a.editedAt ?? '') > (b.editedAt ?? '')) return a
  return b
}
