import type { Socket } from 'socket.io-client'
import type { MessageView } from '../domain/messaging/schema'
import { retryableAckCodes, type Ack, type AckError, type ClientToServerEvents, type ServerToClientEvents } from './events'

/** The part of a socket.io-client socket the outbox uses. */
export type OutboxSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'off' | 'timeout'>

/** A message written but not yet acknowledged as stored. */
export type OutboxItem = { conversationId: string; clientId: string; body: string; queuedAt: number; attempts: number; lastError?: AckError['code'] }

/** Where the outbox keeps its items between page loads (localStorage in the browser). */
export type OutboxStorage = { getItem: (key: string) => string | null; setItem: (key: string, value: string) => void }

const SEND_TIMEOUT_MS = 10_000
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 15_000
const MAX_INTERNAL_ERRORS = 5

/**
 * Messages leave through the outbox: kept (in localStorage, so a reload or a crash of the tab
 * loses nothing) until the server acknowledges them as stored, and sent again — with the same
 * client id, so never stored twice — when the answer is "not now" (database unavailable, busy),
 * when no answer comes, and at every reconnection. A refusal that will not change (not a member,
 * invalid) takes the message out and reports it, so the person can rewrite it.
 * Within one conversation messages leave one at a time, in the order they were written.
 */
export type OutboxListener = {
  /** After any change: what is still waiting. */
  onChange?: (items: OutboxItem[]) => void
  /** The server acknowledged it: the stored message (with its seq). */
  onSent?: (item: OutboxItem, message: MessageView) => void
  /** Refused for good: the message is out of the outbox, the person may rewrite it. */
  onRefused?: (item: OutboxItem, error: AckError) => void
}

export function createOutbox({ socket, storage, storageKey = 'passerelle.outbox', ...listener }: { socket: OutboxSocket; storage?: OutboxStorage; storageKey?: string } & OutboxListener) {
  const listeners = new Set<OutboxListener>([listener])
  let items: OutboxItem[] = read()
  const sending = new Set<string>()
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let stopped = false
  /** Bumped at each disconnection: a send waiting on the dead link is sent again on the next one. */
  let link = 0
  const stats = { attempts: 0, retried: 0, acked: 0, refused: 0 }

  function read(): OutboxItem[] {
    try {
      const parsed = JSON.parse(storage?.getItem(storageKey) ?? '[]') as unknown
      return Array.isArray(parsed) ? parsed.filter(isItem) : []
    } catch {
      return []
    }
  }
  function save() {
    try {
      storage?.setItem(storageKey, JSON.stringify(items))
    } catch {
      // Storage full or forbidden (private mode): the outbox still works for this page.
    }
    for (const each of listeners) each.onChange?.(items)
  }

  /** Sends the first waiting message of each conversation that has none in flight. */
  function pump() {
    if (stopped || !socket.connected) return
    const firstOfEach = new Map<string, OutboxItem>()
    for (const item of items) if (!firstOfEach.has(item.conversationId)) firstOfEach.set(item.conversationId, item)
    for (const item of firstOfEach.values()) if (!sending.has(item.clientId)) void attempt(item)
  }

  async function attempt(item: OutboxItem) {
    const ownLink = link
    sending.add(item.clientId)
    item.attempts++
    stats.attempts++
    if (item.attempts > 1) stats.retried++
    let ack: Ack<MessageView>
    try {
      ack = await socket.timeout(SEND_TIMEOUT_MS).emitWithAck('message:send', { conversationId: item.conversationId, clientId: item.clientId, body: item.body })
    } catch {
      // No answer in time: the message may or may not be stored; sending it again will tell.
      ack = { error: { code: 'unavailable', message: '' } }
    }
    // The link died meanwhile: the item was sent again on the new one (its answer decides).
    if (ownLink !== link && !ack.data) return
    sending.delete(item.clientId)
    if (stopped || !items.some((waiting) => waiting.clientId === item.clientId)) return
    if (ack.data) {
      failures = 0
      stats.acked++
      items = items.filter((waiting) => waiting.clientId !== item.clientId)
      save()
      for (const each of listeners) each.onSent?.(item, ack.data)
      pump()
      return
    }
    // An internal error may be a bug that no retry fixes: a few tries, then it is reported.
    const giveUp = ack.error.code === 'internal' && item.attempts >= MAX_INTERNAL_ERRORS
    if (retryableAckCodes.has(ack.error.code) && !giveUp) {
      item.lastError = ack.error.code
      save()
      // Not now: every waiting message again after a pause growing with the failures (or at reconnection).
      clearTimeout(retryTimer)
      retryTimer = setTimeout(pump, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++) * (0.75 + Math.random() / 2))
      return
    }
    stats.refused++
    items = items.filter((waiting) => waiting.clientId !== item.clientId)
    save()
    for (const each of listeners) each.onRefused?.(item, ack.error)
    pump()
  }

  const onConnect = () => {
    failures = 0
    pump()
  }
  const onDisconnect = () => {
    link++
    sending.clear()
  }
  socket.on('connect', onConnect)
  socket.on('disconnect', onDisconnect)
  if (items.length) queueMicrotask(pump)

  return {
    /** Queues a message and sends it as soon as it can. */
    add(message: { conversationId: string; clientId: string; body: string }) {
      if (items.some((item) => item.clientId === message.clientId)) return
      items = [...items, { ...message, queuedAt: Date.now(), attempts: 0 }]
      save()
      pump()
    },
    items: () => items,
    /** Hears what happens to the messages; returns the way to stop hearing. */
    subscribe(added: OutboxListener) {
      listeners.add(added)
      return () => void listeners.delete(added)
    },
    stats: () => ({ ...stats, waiting: items.length }),
    stop() {
      stopped = true
      clearTimeout(retryTimer)
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
    },
  }
}

function isItem(value: unknown): value is OutboxItem {
  const item = value as OutboxItem
  return Boolean(item) && typeof item.conversationId === 'string' && typeof item.clientId === 'string' && typeof item.body === 'string' && typeof item.queuedAt === 'number' && typeof item.attempts === 'number'
}
