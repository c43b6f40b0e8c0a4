import type { Socket } from 'socket.io-client'
import type { MessageView, ReceiptView } from '../domain/messaging/schema'
import type { Ack, ClientToServerEvents, JoinAnswer, ServerToClientEvents } from './events'
import { mergeMessages } from './merge-messages'

/** The part of a socket.io-client socket this module uses (a real one in the browser, the tests and the bench). */
export type SyncSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, 'connected' | 'on' | 'off' | 'timeout'>

export type SyncState = { messages: MessageView[]; lastSeq: number; receipts: ReceiptView[] }

const JOIN_TIMEOUT_MS = 10_000
const MAX_RETRY_MS = 10_000
/**
 * A gap is usually filled by the live messages already on their way (an ack can overtake the
 * messages stored just before it): catch up only if it is still there after this.
 */
const GAP_GRACE_MS = 300

/**
 * One conversation kept complete and in order on the client, whatever happens to the link.
 *
 * Messages carry their place in the conversation (`seq`: 1, 2, 3… with no gap). `lastSeq` is the
 * highest seq up to which nothing is missing. A live message right after it is applied; one
 * further on is held and the conversation is caught up. Catching up is `conversation:join` with
 * `afterSeq`: the server joins the room before it reads, so a message is live, or in the answer,
 * or both (one copy kept per seq) — never neither. It runs on every (re)connection and on
 * `sync:required`, and pages until `hasMore` is false.
 *
 * Used as is by the conversation page (use-conversation.ts), the fault tests and the benchmark,
 * so what the tests prove is what the browser does.
 */
export function createConversationSync({
  conversationId,
  socket,
  initial,
  onChange,
  onError,
}: {
  conversationId: string
  socket: SyncSocket
  initial: { messages: MessageView[]; lastSeq: number; renderedAt: number }
  /** Called after every change with the whole state (messages in seq order). */
  onChange: (state: SyncState) => void
  /** A catch-up the server refused for good (not a member any more, signed out). */
  onError?: (error: { code: string; message: string }) => void
}) {
  let messages = initial.messages
  let lastSeq = Math.max(initial.lastSeq, ...initial.messages.map((message) => message.seq))
  let receipts: ReceiptView[] = []
  /** Server time of the last catch-up: edits and deletions since then are asked for on the next one. */
  let syncedAt = initial.renderedAt
  /** Live messages past a gap, until the catch-up fills it. */
  const ahead = new Map<number, MessageView>()
  let catchingUp: Promise<void> | null = null
  let again = false
  /** Bumped at each disconnection: a catch-up waiting on the dead link gives way to a fresh one. */
  let link = 0
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let gapTimer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  const stats = { liveReceived: 0, liveAlreadyKnown: 0, caughtUp: 0, gapsSeen: 0 }

  const changed = () => onChange({ messages, lastSeq, receipts })

  /** Takes messages (any order, possibly known); moves `lastSeq` over every contiguous one. */
  function take(incoming: MessageView[]) {
    const own = incoming.filter((message) => message.conversationId === conversationId)
    const known = own.filter((message) => message.seq <= lastSeq)
    for (const message of own) if (message.seq > lastSeq) ahead.set(message.seq, mostAdvanced(ahead.get(message.seq), message))
    const contiguous: MessageView[] = [...known]
    while (ahead.has(lastSeq + 1)) {
      contiguous.push(ahead.get(lastSeq + 1)!)
      ahead.delete(++lastSeq)
    }
    if (contiguous.length) messages = mergeMessages(messages, contiguous)
    changed()
    if (ahead.size && !gapTimer && !stopped) {
      stats.gapsSeen++
      gapTimer = setTimeout(() => {
        gapTimer = undefined
        if (ahead.size) void catchUp()
      }, GAP_GRACE_MS)
    }
  }

  function onLive(message: MessageView) {
    if (message.conversationId !== conversationId || stopped) return
    stats.liveReceived++
    if (message.seq <= lastSeq && messages.some((known) => known.id === message.id && known.editedAt === message.editedAt && known.deleted === message.deleted)) stats.liveAlreadyKnown++
    take([message])
  }

  /** Joins the room and reads what is missing, page after page; one run at a time (a request during a run runs once more after it). */
  function catchUp(): Promise<void> {
    if (stopped) return Promise.resolve()
    if (catchingUp) {
      again = true
      return catchingUp
    }
    clearTimeout(retryTimer)
    const ownLink = link
    const run = (async () => {
      do {
        again = false
        for (let hasMore = true; hasMore && !stopped; ) {
          let ack: Ack<JoinAnswer>
          try {
            ack = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('conversation:join', { conversationId, afterSeq: lastSeq, changedSince: syncedAt })
          } catch {
            ack = { error: { code: 'internal', message: 'no answer' } }
          }
          if (ownLink !== link) return
          if (ack.error) {
            if (ack.error.code === 'not_found' || ack.error.code === 'unauthenticated' || ack.error.code === 'invalid_payload') {
              onError?.(ack.error)
              return
            }
            // Not now (database unavailable, no answer): again later, or at the next connection.
            if (socket.connected) retryTimer = setTimeout(() => void catchUp(), Math.min(MAX_RETRY_MS, 500 * 2 ** failures++))
            return
          }
          failures = 0
          syncedAt = ack.data.serverTime
          receipts = ack.data.receipts
          stats.caughtUp += ack.data.messages.length
          // The answer is complete after `afterSeq` (a seq it does not hold was never stored).
          for (const message of ack.data.messages) lastSeq = Math.max(lastSeq, message.seq)
          const overtaken = [...ahead.entries()].filter(([seq]) => seq <= lastSeq)
          for (const [seq] of overtaken) ahead.delete(seq)
          messages = mergeMessages(messages, [...ack.data.messages, ...overtaken.map(([, message]) => message)])
          take([])
          hasMore = ack.data.hasMore
        }
      } while (again && !stopped)
    })().finally(() => {
      if (catchingUp === run) catchingUp = null
    })
    catchingUp = run
    return run
  }

  const onConnect = () => {
    failures = 0
    void catchUp()
  }
  const onDisconnect = () => {
    link++
    catchingUp = null
    clearTimeout(retryTimer)
  }
  const onSyncRequired = () => void catchUp()
  socket.on('connect', onConnect)
  socket.on('disconnect', onDisconnect)
  socket.on('sync:required', onSyncRequired)
  socket.on('message:created', onLive)
  socket.on('message:edited', onLive)
  socket.on('message:deleted', onLive)
  if (socket.connected) void catchUp()

  return {
    /** Messages the app got another way (the ack of its own send, a revalidated page). */
    take,
    catchUp,
    state: (): SyncState => ({ messages, lastSeq, receipts }),
    stats: () => ({ ...stats, waitingAhead: ahead.size }),
    stop() {
      stopped = true
      clearTimeout(retryTimer)
      clearTimeout(gapTimer)
      socket.off('connect', onConnect)
      socket.off('disconnect', onDisconnect)
      socket.off('sync:required', onSyncRequired)
      socket.off('message:created', onLive)
      socket.off('message:edited', onLive)
      socket.off('message:deleted', onLive)
    },
  }
}

function mostAdvanced(known: MessageView | undefined, incoming: MessageView): MessageView {
  return known ? mergeMessages([known], [incoming])[0]! : incoming
}
