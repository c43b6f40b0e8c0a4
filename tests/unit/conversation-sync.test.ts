import { describe, expect, it, vi } from 'vitest'
import type { MessageView } from '~/domain/messaging/schema'
import { createConversationSync, type SyncSocket } from '~/realtime/conversation-sync'
import type { Ack, JoinAnswer } from '~/realtime/events'

const CONVERSATION = 'c'.repeat(24)
const message = (seq: number, overrides: Partial<MessageView> = {}): MessageView => ({
  id: String(seq).padStart(24, '0'),
  conversationId: CONVERSATION,
  seq,
  clientId: `client-${seq}`,
  author: { id: 'a'.repeat(24), name: 'Alice' },
  body: `message ${seq}`,
  html: `<p>message ${seq}</p>`,
  createdAt: new Date(seq * 1000).toISOString(),
  editedAt: null,
  deleted: false,
  attachments: [],
  ...overrides,
})

/** A socket whose joins the test answers, and whose events the test emits. */
function fakeSocket() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const joins: Array<{ payload: { afterSeq?: number }; answer: (ack: Ack<JoinAnswer>) => void }> = []
  const socket = {
    connected: true,
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, (listeners.get(event) ?? new Set()).add(listener)),
    off: (event: string, listener: (...args: unknown[]) => void) => listeners.get(event)?.delete(listener),
    timeout: () => ({
      emitWithAck: (_event: string, payload: { afterSeq?: number }) => new Promise<Ack<JoinAnswer>>((answer) => joins.push({ payload, answer })),
    }),
  }
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args))
  const answer = (index: number, messages: MessageView[], hasMore = false) =>
    joins[index]!.answer({ data: { conversationId: CONVERSATION, receipts: [], messages, hasMore, serverTime: 1 } })
  return { socket: socket as unknown as SyncSocket, emit, joins, answer }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('conversation sync', () => {
  it('joins with the last seq it holds, applies live messages in order and keeps one copy of each', async () => {
    const { socket, emit, joins, answer } = fakeSocket()
    const sync = createConversationSync({ conversationId: CONVERSATION, socket, initial: { messages: [message(1)], lastSeq: 1, renderedAt: 0 }, onChange: () => {} })
    expect(joins[0]!.payload.afterSeq).toBe(1)
    emit('message:created', message(2))
    answer(0, [message(2)])
    await tick()
    emit('message:created', message(2))
    expect(sync.state().messages.map((m) => m.seq)).toEqual([1, 2])
    expect(sync.state().lastSeq).toBe(2)
    sync.stop()
  })

  it('holds a message that arrives past a gap and catches up the gap after a short grace', async () => {
    vi.useFakeTimers()
    try {
      const { socket, emit, joins, answer } = fakeSocket()
      const sync = createConversationSync({ conversationId: CONVERSATION, socket, initial: { messages: [], lastSeq: 0, renderedAt: 0 }, onChange: () => {} })
      answer(0, [])
      await vi.advanceTimersByTimeAsync(0)
      emit('message:created', message(1))
      emit('message:created', message(3))
      expect(sync.state().messages.map((m) => m.seq)).toEqual([1])
      await vi.advanceTimersByTimeAsync(400)
      expect(joins.at(-1)!.payload.afterSeq).toBe(1)
      answer(joins.length - 1, [message(2), message(3)])
      await vi.advanceTimersByTimeAsync(0)
      expect(sync.state().messages.map((m) => m.seq)).toEqual([1, 2, 3])
      expect(sync.state().lastSeq).toBe(3)
      sync.stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it('pages a long catch-up until the server says there is no more', async () => {
    const { socket, joins, answer } = fakeSocket()
    const sync = createConversationSync({ conversationId: CONVERSATION, socket, initial: { messages: [], lastSeq: 0, renderedAt: 0 }, onChange: () => {} })
    answer(0, [message(1), message(2)], true)
    await tick()
    expect(joins[1]!.payload.afterSeq).toBe(2)
    answer(1, [message(3)], false)
    await tick()
    expect(joins).toHaveLength(2)
    expect(sync.state().lastSeq).toBe(3)
    sync.stop()
  })

  it('catches up again at every reconnection, giving up a join left on the dead link', async () => {
    const { socket, emit, joins, answer } = fakeSocket()
    const sync = createConversationSync({ conversationId: CONVERSATION, socket, initial: { messages: [], lastSeq: 0, renderedAt: 0 }, onChange: () => {} })
    expect(joins).toHaveLength(1)
    emit('disconnect')
    emit('connect')
    expect(joins).toHaveLength(2)
    answer(1, [message(1)])
    await tick()
    expect(sync.state().lastSeq).toBe(1)
    sync.stop()
  })

  it('keeps the most advanced state of a message: an edit or a deletion is never undone by an older copy', async () => {
    const { socket, emit, answer } = fakeSocket()
    const sync = createConversationSync({ conversationId: CONVERSATION, socket, initial: { messages: [message(1)], lastSeq: 1, renderedAt: 0 }, onChange: () => {} })
    emit('message:deleted', message(1, { deleted: true, body: '', html: '' }))
    answer(0, [message(1)])
    await tick()
    expect(sync.state().messages[0]!.deleted).toBe(true)
    sync.stop()
  })
})
