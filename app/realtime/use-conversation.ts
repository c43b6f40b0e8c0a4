import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageView, ReceiptView } from '../domain/messaging/schema'
import type { Ack, TypingEvent } from './events'
import { mergeMessages } from './merge-messages'
import { getSocket } from './socket-client'

const TYPING_SHOWN_MS = 4_000
const TYPING_SENT_EVERY_MS = 2_500

/**
 * The live side of a conversation page. The page renders the server's history first (it works
 * without JavaScript); this hook then joins the conversation room, appends messages as they
 * arrive, shows who is typing, shares read receipts, and — after a disconnect the server could
 * not recover — catches up with a resync from the last message id seen.
 */
export function useConversation({
  conversationId,
  me,
  initialMessages,
  initialReceipts,
  renderedAt,
}: {
  conversationId: string
  me: { id: string; name: string }
  initialMessages: MessageView[]
  initialReceipts: ReceiptView[]
  /** Server time the history was read at: edits and deletions after it are caught up on connect. */
  renderedAt: number
}) {
  const [messages, setMessages] = useState(initialMessages)
  const [receipts, setReceipts] = useState<Record<string, string>>(() => receiptMap(initialReceipts))
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({})
  const [connected, setConnected] = useState(false)
  const lastId = useRef<string | null>(initialMessages.at(-1)?.id ?? null)
  const lastTypingSent = useRef(0)
  const syncedAt = useRef(renderedAt)

  // A revalidated page (after a form post) brings the server's view: merge it in.
  useEffect(() => setMessages((current) => mergeMessages(current, initialMessages)), [initialMessages])
  useEffect(() => {
    lastId.current = messages.at(-1)?.id ?? null
  }, [messages])

  useEffect(() => {
    const socket = getSocket(me.id)
    const markRead = (messageId: string) => {
      if (document.visibilityState === 'visible') socket.emit('conversation:read', { conversationId, messageId }, () => {})
    }
    const join = () => {
      setConnected(true)
      socket.emit('conversation:join', { conversationId }, (ack) => {
        if (ack.data) setReceipts((current) => ({ ...current, ...receiptMap(ack.data.receipts) }))
      })
      if (!socket.recovered) {
        socket.emit('conversation:resync', { conversationId, afterId: lastId.current, changedSince: syncedAt.current }, (ack) => {
          if (ack.data) syncedAt.current = ack.data.serverTime
          if (ack.data?.messages.length) {
            setMessages((current) => mergeMessages(current, ack.data!.messages))
            markRead(ack.data.messages.at(-1)!.id)
          }
        })
      }
    }
    const onDisconnect = () => setConnected(false)
    const onMessage = (message: MessageView) => {
      if (message.conversationId !== conversationId) return
      setMessages((current) => mergeMessages(current, [message]))
      setTyping(({ [message.author.id]: _gone, ...rest }) => rest)
      if (message.author.id !== me.id) markRead(message.id)
    }
    const onReceipt = (receipt: ReceiptView) => {
      if (receipt.conversationId === conversationId) setReceipts((current) => ({ ...current, [receipt.userId]: receipt.lastReadMessageId }))
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
      if (document.visibilityState === 'visible' && lastId.current) markRead(lastId.current)
    }

    socket.on('connect', join)
    socket.on('disconnect', onDisconnect)
    socket.on('message:created', onMessage)
    socket.on('message:edited', onMessage)
    socket.on('message:deleted', onMessage)
    socket.on('receipt:updated', onReceipt)
    socket.on('typing', onTyping)
    document.addEventListener('visibilitychange', onVisible)
    if (socket.connected) join()
    return () => {
      socket.emit('conversation:leave', { conversationId }, () => {})
      socket.off('connect', join)
      socket.off('disconnect', onDisconnect)
      socket.off('message:created', onMessage)
      socket.off('message:edited', onMessage)
      socket.off('message:deleted', onMessage)
      socket.off('receipt:updated', onReceipt)
      socket.off('typing', onTyping)
      document.removeEventListener('visibilitychange', onVisible)
      clearInterval(sweep)
    }
  }, [conversationId, me.id])

  /** Sends through the socket; resolves with the ack (the stored message, or why not). */
  const send = useCallback(
    (body: string, clientId: string): Promise<Ack<MessageView>> =>
      getSocket(me.id)
        .timeout(10_000)
        .emitWithAck('message:send', { conversationId, clientId, body })
        .then((ack) => {
          if (ack.data) setMessages((current) => mergeMessages(current, [ack.data]))
          return ack
        })
        .catch(() => ({ error: { code: 'internal' as const, message: '' } })),
    [conversationId, me.id],
  )

  const notifyTyping = useCallback(() => {
    const now = Date.now()
    const socket = getSocket(me.id)
    if (now - lastTypingSent.current < TYPING_SENT_EVERY_MS || !socket.connected) return
    lastTypingSent.current = now
    socket.emit('typing:start', { conversationId }, () => {})
  }, [conversationId, me.id])

  const typingNames = Object.values(typing).map((value) => value.name)
  return { messages, receipts, typingNames, connected, send, notifyTyping }
}

function receiptMap(receipts: ReceiptView[]): Record<string, string> {
  return Object.fromEntries(receipts.map((receipt) => [receipt.userId, receipt.lastReadMessageId]))
}
