import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderMarkdown, renderMessageHtml } from '~/domain/messaging/markdown'
import type { MessageView } from '~/domain/messaging/schema'
import { createMembershipCache } from '~/domain/messaging/delivery.server'
import { createActivityToucher } from '~/domain/messaging/writer.server'
import { coalescedInbox } from '../../server/realtime/publisher'

const A = 'a'.repeat(24)
const B = 'b'.repeat(24)
const C = 'c'.repeat(24)
const CONVERSATION = 'f'.repeat(24)

/** A membership cache over a fake database the test changes, on a clock the test moves. */
function arrangeCache(participants: string[] | null, ttlMs = 1_000) {
  const state = { participants, loads: 0, time: 0 }
  let release: (() => void) | null = null
  let gate: Promise<void> | null = null
  const cache = createMembershipCache({
    ttlMs,
    now: () => state.time,
    load: async () => {
      state.loads++
      const answer = state.participants
      if (gate) await gate
      return answer
    },
  })
  const hold = () => {
    gate = new Promise((resolve) => (release = resolve))
    return () => {
      gate = null
      release!()
    }
  }
  return { state, cache, hold }
}

describe('membership cache', () => {
  it('reuses a positive answer within its time to live, then reads again', async () => {
    const { state, cache } = arrangeCache([A, B])
    expect((await cache.participantsIfMember(A, CONVERSATION))?.participantIds).toEqual([A, B])
    expect(await cache.participantsIfMember(B, CONVERSATION)).not.toBeNull()
    expect(state.loads).toBe(1)
    // Removed by another process: still trusted until the time to live is over, not after.
    state.participants = [B]
    state.time = 999
    expect(await cache.participantsIfMember(A, CONVERSATION)).not.toBeNull()
    state.time = 1_000
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
    expect(state.loads).toBe(2)
  })

  it('never reuses a negative answer: someone just added is accepted at once', async () => {
    const { state, cache } = arrangeCache([A])
    expect(await cache.participantsIfMember(A, CONVERSATION)).not.toBeNull()
    expect(await cache.participantsIfMember(C, CONVERSATION)).toBeNull()
    state.participants = [A, C]
    expect((await cache.participantsIfMember(C, CONVERSATION))?.participantIds).toEqual([A, C])
    expect(state.loads).toBe(3)
  })

  it('drops what it knows of a conversation when told it changed', async () => {
    const { state, cache } = arrangeCache([A, B])
    await cache.participantsIfMember(A, CONVERSATION)
    state.participants = [B]
    cache.forget([CONVERSATION])
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
    state.participants = [A]
    await cache.participantsIfMember(A, CONVERSATION)
    state.participants = []
    cache.forget(null)
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
  })

  it('does not keep a read that a change overtook, and shares one read between concurrent lookups', async () => {
    const { state, cache, hold } = arrangeCache([A, B])
    const open = hold()
    const lookups = [cache.participantsIfMember(A, CONVERSATION), cache.participantsIfMember(B, CONVERSATION)]
    cache.forget([CONVERSATION]) // a removal lands while the read is on its way
    state.participants = [B]
    open()
    expect((await Promise.all(lookups)).every(Boolean)).toBe(true)
    expect(state.loads).toBe(1)
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
    expect(state.loads).toBe(2)
  })

  it('knows one conversation under one name, however its id is spelt', async () => {
    const { state, cache } = arrangeCache([A, B])
    await cache.participantsIfMember(A, CONVERSATION.toUpperCase())
    state.participants = [B]
    cache.forget([CONVERSATION]) // writes name conversations as ObjectId prints them
    expect(await cache.participantsIfMember(A, CONVERSATION.toUpperCase())).toBeNull()
    expect(await cache.participantsIfMember(B.toUpperCase(), CONVERSATION)).not.toBeNull()
  })

  it('reads a busy conversation again ahead of time, never trusting a list past its time to live', async () => {
    const { state, cache, hold } = arrangeCache([A, B])
    await cache.participantsIfMember(A, CONVERSATION)
    expect(state.loads).toBe(1)
    state.time = 700 // young: no read
    await cache.participantsIfMember(A, CONVERSATION)
    expect(state.loads).toBe(1)
    // Getting old (3/4 of the time to live): answered from memory at once, read again in the background.
    state.participants = [B]
    const open = hold()
    state.time = 800
    expect(await cache.participantsIfMember(A, CONVERSATION)).not.toBeNull()
    expect(await cache.participants(CONVERSATION)).toEqual([A, B])
    expect(state.loads).toBe(2) // one background read, shared
    // Past the time to live the old list is no longer trusted, even while the read is on its way.
    state.time = 1_000
    const waiting = cache.participantsIfMember(A, CONVERSATION)
    open()
    expect(await waiting).toBeNull()
    expect(state.loads).toBe(2)
    // The read that landed (started at 800) replaced the list: A is refused, B accepted without a read.
    expect(await cache.participantsIfMember(B, CONVERSATION)).not.toBeNull()
    expect(state.loads).toBe(2)
  })

  it('forgets a conversation a background read finds gone', async () => {
    const { state, cache } = arrangeCache([A, B])
    await cache.participantsIfMember(A, CONVERSATION)
    state.participants = null
    state.time = 800
    expect(await cache.participantsIfMember(A, CONVERSATION)).not.toBeNull() // still within its time to live
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
    expect(await cache.participants(CONVERSATION)).toEqual([])
  })

  it('answers null for a missing conversation or malformed ids without reading', async () => {
    const { state, cache } = arrangeCache(null)
    expect(await cache.participantsIfMember(A, CONVERSATION)).toBeNull()
    expect(await cache.participantsIfMember('nope', CONVERSATION)).toBeNull()
    expect(await cache.participantsIfMember(A, '{"$ne":1}')).toBeNull()
    expect(state.loads).toBe(1)
  })
})

describe('plain-line markdown shortcut', () => {
  const samples = [
    'bonjour',
    '  bonjour  ',
    '',
    '   ',
    'a < b & c > d "e" \'f\'',
    '- item',
    '-item',
    '* item',
    '1. un',
    '1) un',
    '12345678901. trop long',
    'voir https://exemple.fr',
    'voir http:/exemple.fr',
    'mailto:x@exemple.fr',
    '**gras**',
    '*presque',
    '`code`',
    '[lien](https://exemple.fr)',
    'ligne\nligne',
    'ligne\r\nligne',
    'ligne\rligne',
    '```',
    '\u00a0- item',
    '\u2028x\u2029',
    '<script>alert(1)</script>',
  ]
  it.each(samples)('renders %j like the full renderer', (source) => {
    expect(renderMessageHtml(source)).toBe(renderMarkdown(source))
  })

  it('agrees with the full renderer on random text made of markdown marks', () => {
    const alphabet = ['a', ' ', '\n', '\r', '-', '*', '`', '[', ']', '(', ')', ':', '/', '1', '.', 'http', 'https://x.fr', '<', '&', '\t', '\u00a0']
    let seed = 42
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 5_000; i++) {
      const source = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
      expect(renderMessageHtml(source), JSON.stringify(source)).toBe(renderMarkdown(source))
    }
  })
})

/** A Socket.IO server stand-in that records what is emitted to which rooms. */
/** Records what reaches the participants' own rooms (the conversation room gets every message at once). */
function recordingIo() {
  const emitted: Array<{ rooms: string[]; except: string[]; event: string; payload: unknown }> = []
  const target = (rooms: string[], except: string[] = []) => ({
    except: (room: string | string[]) => target(rooms, [...except, ...[room].flat()]),
    emit: (event: string, payload: unknown) => {
      if (event !== 'message:created') emitted.push({ rooms, except, event, payload })
    },
  })
  return { io: { to: (rooms: string | string[]) => target([rooms].flat()) }, emitted }
}

const message = (n: number, authorId = A): MessageView => ({
  id: String(n).padStart(24, '0'),
  conversationId: CONVERSATION,
  seq: n,
  clientId: `client-${n}`,
  author: { id: authorId, name: authorId === A ? 'Alice' : 'Bruno' },
  body: `message ${n}`,
  html: `<p>message ${n}</p>`,
  createdAt: new Date(0).toISOString(),
  editedAt: null,
  deleted: false,
  attachments: [],
})

describe('coalesced inbox events', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('tells the participants at once, then once more per window with the latest message', () => {
    vi.useFakeTimers()
    const { io, emitted } = recordingIo()
    const inbox = coalescedInbox(io as never, 1_000)
    const notify = (created: MessageView, participantIds: string[]) => inbox.created(created, participantIds)
    notify(message(1), [A, B])
    expect(emitted.map((e) => e.event)).toEqual(['inbox:updated', 'inbox:message'])
    // Never to the tabs showing the conversation (its room), and the announcement never to the author.
    expect(emitted[0]).toMatchObject({ rooms: [`user:${A}`, `user:${B}`], except: [`conversation:${CONVERSATION}`], payload: { conversationId: CONVERSATION } })
    expect(emitted[1]).toMatchObject({ except: [`user:${A}`, `conversation:${CONVERSATION}`], payload: { author: { id: A }, preview: 'message 1' } })

    notify(message(2, B), [A, B])
    notify(message(3, B), [A, B])
    expect(emitted).toHaveLength(2)
    vi.advanceTimersByTime(1_000)
    expect(emitted).toHaveLength(4)
    expect(emitted[3]).toMatchObject({ except: [`user:${B}`, `conversation:${CONVERSATION}`], payload: { author: { id: B }, preview: 'message 3' } })

    // A window with nothing new closes without a word; the next message is told at once.
    vi.advanceTimersByTime(1_000)
    expect(emitted).toHaveLength(4)
    notify(message(4), [A, B])
    expect(emitted).toHaveLength(6)
  })
})

describe('conversation activity', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes the latest date of each conversation, at most one bulk write per interval', async () => {
    vi.useFakeTimers()
    const writes: Array<Array<{ updateOne: { filter: { _id: unknown }; update: { $max: { lastMessageAt: Date } } } }>> = []
    const collection = { bulkWrite: async (operations: (typeof writes)[number]) => void writes.push(operations) }
    const toucher = createActivityToucher(() => collection as never, () => {}, { minIntervalMs: 250 })
    const [one, two] = ['1'.repeat(24), '2'.repeat(24)].map((id) => ({ id, toString: () => id }))
    toucher.touch(one as never, new Date(1))
    await vi.advanceTimersByTimeAsync(0)
    expect(writes).toHaveLength(1)
    toucher.touch(one as never, new Date(3))
    toucher.touch(one as never, new Date(2))
    toucher.touch(two as never, new Date(5))
    await vi.advanceTimersByTimeAsync(100)
    expect(writes).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(150)
    expect(writes).toHaveLength(2)
    expect(writes[1]!.map((operation) => operation.updateOne.update.$max.lastMessageAt.getTime())).toEqual([3, 5])
  })
})

describe('app node flags', () => {
  it('npm start runs the app with the same node options as the cluster and the benchmark', async () => {
    const { APP_NODE_FLAGS } = await import('../../server/node-flags')
    const { readFile } = await import('node:fs/promises')
    const scripts = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>
    const start = scripts.start!.slice(scripts.start!.indexOf('node '))
    expect(start).toBe(`node ${APP_NODE_FLAGS.join(' ')} --import tsx server/main.ts`)
  })
})
