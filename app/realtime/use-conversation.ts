import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageView, ReceiptView } from '../domain/messaging/schema'
import { createConversationSync } from './conversation-sync'
import type { AckError, TypingEvent } from './events'
import type { OutboxItem } from './outbox'
import { getOutbox, getSocket } from './socket-client'

const TYPING_SHOWN_MS = 4_000
const TYPING_SENT_EVERY_MS = 2_500

/**
 * The live side of a conversation page. The page renders the server's history first (it works
 * without JavaScript); this hook then keeps it complete and in order (conversation-sync.ts: join
 * and catch-up by seq on every connection, gaps filled), sends through the tab's outbox (kept
 * until stored, sent again after an outage), shows who is typing and shares read receipts.
 */
export function useConversation({
  conversationId,
  me,
  initialMessages,
  initialLastSeq,
  initialReceipts,
  renderedAt,
}: {
  conversationId: string
  me: { id: string; name: string }
  initialMessages: MessageView[]
  /** The newest seq the page holds: catching up starts after it. */
  initialLastSeq: number
  initialReceipts: ReceiptView[]
  /** Server time the history was read at: edits and deletions after it are caught up on connect. */
  renderedAt: number
}) {
  const [messages, setMessages] = useState(initialMessages)
  const [receipts, setReceipts] = useState<Record<string, number>>(() => receiptMap(initialReceipts))
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({})
  const [connected, setConnected] = useState(false)
  const [hasConnected, setHasConnected] = useState(false)
  const [pending, setPending] = useState<OutboxItem[]>([])
  const [refused, setRefused] = useState<Array<{ item: OutboxItem; error: AckError }>>([])
  const sync = useRef<ReturnType<typeof createConversationSync> | null>(null)
  const lastTypingSent = useRef(0)
  const lastReadSent = useRef(0)

  // A revalidated page (after a form post) brings the server's view: merge it in.
  useEffect(() => sync.current?.take(initialMessages), [initialMessages])

  useEffect(() => {
    const socket = getSocket(me.id)
    const outbox = getOutbox(me.id)
    const markRead = (seq: number) => {
      if (document.visibilityState !== 'visible' || seq <= lastReadSent.current) return
      lastReadSent.current = seq
      socket.emit('conversation:read', { conversationId, seq }, () => {})
    }
    const live = createConversationSync({
      conversationId,
      socket,
      initial: { messages: initialMessages, lastSeq: initialLastSeq, renderedAt },
      onChange: (state) => {
        setMessages(state.messages)
        if (state.receipts.length) setReceipts((current) => ({ ...current, ...receiptMap(state.receipts) }))
        const newest = state.messages.at(-1)
        if (newest && newest.author.id !== me.id) markRead(newest.seq)
      },
    })
    sync.current = live
    const mine = (items: OutboxItem[]) => items.filter((item) => item.conversationId === conversationId)
    setPending(mine(outbox.items()))
    const unsubscribe = outbox.subscribe({
      onChange: (items) => setPending(mine(items)),
      onSent: (_item, message) => live.take([message]),
      onRefused: (item, error) => {
        if (item.conversationId === conversationId) setRefused((current) => [...current, { item, error }])
      },
    })
    const onConnect = () => {
      setConnected(true)
      setHasConnected(true)
    }
    const onDisconnect = () => setConnected(false)
    const onMessage = (message: MessageView) => {
      if (message.conversationId === conversationId) setTyping(({ [message.author.id]: _gone, ...rest }) => rest)
    }
    const onReceipt = (receipt: ReceiptView) => {
      if (receipt.conversationId === conversationId) setReceipts((current) => ({ ...current, [receipt.userId]: receipt.lastReadSeq }))
    }
    const onTyping = (event: TypingEvent) => {
      if (event.conversationId !== conversationId || event.user.id === me.id) return
      setTyping((current) => ({ ...current, [event.user.id]: { name: event.user.name, until: Date.now() + TYPING_SHOWN_MS } }))
    }
    const sweep = setInterval(() => {
      setTyping((current) => {
        const now = Date.now()
        const kept = Object.entries(current).filter(([, value]) => value.until > now)
        return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept)
      })
    }, 1_000)
    const onVisible = () => {
      const newest = live.state().messages.at(-1)
      if (document.visibilityState === 'visible' && newest) markRead(newest.seq)
    }

    socket.on('connect', onConnect)
    socket.on('disconnect', onDisconnect)
    socket.on('message:created', onMessage)
    socket.on('receipt:updated', onReceipt)
    socket.on('typing', onTyping)
    document.addEventListener('visibilitychange', onVisible)
    if (socket.connected) onConnect()
    return () => {
      live.stop()
      sync.current = null
      unsubscribe()
      socket.emit('conversation:leave', { conversationId }, () => {})
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
      socket.off('message:created', onMessage)
      socket.off('receipt:updated', onReceipt)
      socket.off('typing', onTyping)
      document.removeEventListener('visibilitychange', onVisible)
      clearInterval(sweep)
    }
    // The initial values only seed the sync; later ones are merged by the effect above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId, me.id])

  /** Hands a message to the outbox: it leaves now if it can, later if it cannot, and is never stored twice. */
  const send = useCallback((body: string, clientId: string) => getOutbox(me.id).add({ conversationId, clientId, body }), [conversationId, me.id])

  const dismissRefused = useCallback((clientId: string) => setRefused((current) => current.filter((entry) => entry.item.clientId !== clientId)), [])

  const notifyTyping = useCallback(() => {
    const now = Date.now()
    const socket = getSocket(me.id)
    if (now - lastTypingSent.current < TYPING_SENT_EVERY_MS || !socket.connected) return
    lastTypingSent.current = now
    socket.emit('typing:start', { conversationId }, () => {})
  }, [conversationId, me.id])

  const typingNames = Object.values(typing).map((value) => value.name)
  // Already stored (its ack or the live copy came first): not "waiting" any more.
  const storedClientIds = new Set(messages.filter((message) => message.author.id === me.id).map((message) => message.clientId))
  return {
    messages,
    receipts,
    typingNames,
    connected,
    /** The socket connected at least once on this page: sending goes through the outbox, not the form. */
    live: hasConnected,
    pending: pending.filter((item) => !storedClientIds.has(item.clientId)),
    refused,
    dismissRefused,
    send,
    notifyTyping,
  }
}

function receiptMap(receipts: ReceiptView[]): Record<string, number> {
  return Object.fromEntries(receipts.map((receipt) => [receipt.userId, receipt.lastReadSeq]))
}
