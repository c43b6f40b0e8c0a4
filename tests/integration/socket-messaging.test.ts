import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { sendMessage, startDirectConversation } from '~/domain/messaging/service.server'
import { barrier, createUserWithSession, next, record, until, type Client, useLiveApiServer } from './messaging-support'

describe('messaging over Socket.IO', () => {
  const live = useLiveApiServer()
  const open = (cookie?: string) => live.open(cookie)
  /** Two members of one direct conversation, both connected and in its room, and an outsider. */
  const arrange = async () => {
    const [alice, bruno, outsider] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno'), createUserWithSession('Olivia')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const [a, b, o] = await Promise.all([open(alice.cookie), open(bruno.cookie), open(outsider.cookie)])
    for (const client of [a, b]) expect((await client.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)
    return { alice, bruno, outsider, conversationId, a, b, o }
  }
  const send = (client: Client, conversationId: string, body: string, clientId = randomUUID()) =>
    client.timeout(5_000).emitWithAck('message:send', { conversationId, clientId, body })


  it('acks with the stored message and broadcasts it to the other member', async () => {
    const { alice, conversationId, a, b } = await arrange()
    const broadcast = next(b, 'message:created')
    const ack = await send(a, conversationId, 'Bonjour **Bruno**')
    expect(ack.error).toBeUndefined()
    expect(ack.data).toMatchObject({ conversationId, author: { id: alice.id, name: 'Alice' }, body: 'Bonjour **Bruno**', html: '<p>Bonjour <strong>Bruno</strong></p>' })
    const stored = await Message.findById(ack.data!.id).lean()
    expect(stored?.body).toBe('Bonjour **Bruno**')
    expect(await broadcast).toEqual(ack.data)
  })

  it('refuses non-members, who receive nothing from the room — not even typing', async () => {
    const { conversationId, a, b, o } = await arrange()
    const outsiderEvents = { created: record(o, 'message:created'), typing: record(o, 'typing'), edited: record(o, 'message:edited') }
    const join = await o.timeout(5_000).emitWithAck('conversation:join', { conversationId })
    expect(join.error?.code).toBe('not_found')
    expect((await send(o, conversationId, 'intrus')).error?.code).toBe('not_found')
    expect((await o.timeout(5_000).emitWithAck('typing:start', { conversationId })).error?.code).toBe('not_found')
    expect((await o.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: 0 })).error?.code).toBe('not_found')

    const typing = next(b, 'typing')
    expect((await a.timeout(5_000).emitWithAck('typing:start', { conversationId })).data).toEqual({ ok: true })
    expect((await typing).conversationId).toBe(conversationId)
    const created = next(b, 'message:created')
    await send(a, conversationId, 'secret')
    await created
    await barrier(o)
    expect(outsiderEvents).toEqual({ created: [], typing: [], edited: [] })
    expect(await Message.countDocuments({ conversationId, body: 'intrus' })).toBe(0)
  })

  it('lets an anonymous socket connect but do nothing private', async () => {
    const { conversationId } = await arrange()
    const anonymous = await open()
    expect((await anonymous.timeout(5_000).emitWithAck('conversation:join', { conversationId })).error?.code).toBe('unauthenticated')
    expect((await send(anonymous, conversationId, 'anonyme')).error?.code).toBe('unauthenticated')
    expect(anonymous.connected).toBe(true)
  })

  it('answers a wrong payload with an error ack and keeps the socket up', async () => {
    const { conversationId, a } = await arrange()
    const bad = await a.timeout(5_000).emitWithAck('message:send', { conversationId, body: 42 } as never)
    expect(bad.error?.code).toBe('invalid_payload')
    const tooLong = await send(a, conversationId, 'x'.repeat(10_001))
    expect(tooLong.error?.code).toBe('invalid_payload')
    expect(a.connected).toBe(true)
    expect((await send(a, conversationId, 'toujours là')).data?.body).toBe('toujours là')
  })

  it('stores a retried send once, returns the same message and pushes it once', async () => {
    const { conversationId, a, b } = await arrange()
    const seenByBruno = record(b, 'message:created')
    const clientId = randomUUID()
    const first = await send(a, conversationId, 'une seule fois', clientId)
    const retry = await send(a, conversationId, 'une seule fois', clientId)
    expect(retry.data).toEqual(first.data)
    expect(await Message.countDocuments({ conversationId, clientId })).toBe(1)
    // Pushes follow the order of storage: once the next message is in, a second copy would have come before it.
    const sentinel = (await send(a, conversationId, 'témoin')).data!
    await until(() => seenByBruno.some((message) => message.id === sentinel.id))
    expect(seenByBruno.map((message) => message.id)).toEqual([first.data!.id, sentinel.id])
  })

  it('stores concurrent sends of the same client id once, whatever the batch they land in', async () => {
    const { conversationId, a, b } = await arrange()
    const seenByBruno = record(b, 'message:created')
    const clientId = randomUUID()
    const acks = await Promise.all(Array.from({ length: 8 }, () => send(a, conversationId, 'en double ?', clientId)))
    const ids = new Set(acks.map((ack) => ack.data?.id))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toMatch(/^[a-f0-9]{24}$/)
    expect(await Message.countDocuments({ conversationId, clientId })).toBe(1)
    const sentinel = (await send(a, conversationId, 'témoin')).data!
    await until(() => seenByBruno.some((message) => message.id === sentinel.id))
    expect(seenByBruno.map((message) => message.id)).toEqual([...ids, sentinel.id])
  })

  it('numbers the messages of a conversation 1, 2, 3… in the order they were stored', async () => {
    const { conversationId, a, b } = await arrange()
    const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? b : a, conversationId, `n° ${i}`)))
    const seqs = acks.map((ack) => ack.data!.seq).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    const stored = await Message.find({ conversationId }).sort({ seq: 1 }).lean()
    expect(stored.map((message) => message.seq)).toEqual(seqs)
  })

  it('catches up, in the same answer as the join, the messages missed while disconnected', async () => {
    const { bruno, conversationId, a, b } = await arrange()
    const seen = next(b, 'message:created')
    await send(a, conversationId, 'avant la coupure')
    const lastSeen = (await seen).seq
    b.disconnect()
    const missed = [(await send(a, conversationId, 'pendant 1')).data!, (await send(a, conversationId, 'pendant 2')).data!]
    const back = await open(bruno.cookie)
    const joined = await back.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: lastSeen })
    expect(joined.data).toMatchObject({ conversationId, messages: missed, hasMore: false })
  })

  it('pages a long catch-up: 200 messages an answer, then the rest', async () => {
    const { alice, conversationId, b } = await arrange()
    const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
    for (let i = 1; i <= 230; i++) await sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: `message ${i}` }, { limiter })
    const first = await b.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: 0 })
    expect(first.data!.messages).toHaveLength(200)
    expect(first.data!.hasMore).toBe(true)
    const rest = await b.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: first.data!.messages.at(-1)!.seq })
    expect(rest.data!.messages.map((message: { body: string }) => message.body)).toEqual(Array.from({ length: 30 }, (_, i) => `message ${201 + i}`))
    expect(rest.data!.hasMore).toBe(false)
  })

  it('leaves no window at a join: a message stored while the join is in flight is pushed, or in the answer', async () => {
    const { alice, bruno, conversationId } = await arrange()
    const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
    for (let round = 0; round < 20; round++) {
      const joiner = await open(bruno.cookie)
      const pushed = record(joiner, 'message:created')
      const [joined, stored] = await Promise.all([
        joiner.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: 0 }),
        sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: `pendant la connexion ${round}` }, { limiter }),
      ])
      const sentinel = await sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: `témoin ${round}` }, { limiter })
      await until(() => pushed.some((message) => message.id === sentinel.message.id), { what: `round ${round}: the sentinel pushed` })
      const seen = new Set([...joined.data!.messages, ...pushed].map((message) => message.id))
      expect(seen.has(stored.message.id)).toBe(true)
      joiner.disconnect()
    }
  })

  it('also catches up the edits and deletions made while disconnected', async () => {
    const { bruno, conversationId, a, b } = await arrange()
    const [kept, removed] = [(await send(a, conversationId, 'version 1')).data!, (await send(a, conversationId, 'à retirer')).data!]
    const joined = await b.timeout(5_000).emitWithAck('conversation:join', { conversationId })
    const syncedAt = joined.data!.serverTime
    b.disconnect()
    const edited = (await a.timeout(5_000).emitWithAck('message:edit', { messageId: kept.id, body: 'version 2' })).data!
    const deleted = (await a.timeout(5_000).emitWithAck('message:delete', { messageId: removed.id })).data!
    const back = await open(bruno.cookie)
    const rejoined = await back.timeout(5_000).emitWithAck('conversation:join', { conversationId, afterSeq: removed.seq, changedSince: syncedAt })
    expect(rejoined.data?.messages).toEqual([edited, deleted])
    expect(rejoined.data!.serverTime).toBeGreaterThanOrEqual(syncedAt)
  })

  it('lets authors edit and delete their own messages only, and tells the room', async () => {
    const { conversationId, a, b } = await arrange()
    const sent = (await send(a, conversationId, 'brouillon')).data!
    expect((await b.timeout(5_000).emitWithAck('message:edit', { messageId: sent.id, body: 'piraté' })).error?.code).toBe('forbidden')
    const edited = next(b, 'message:edited')
    const edit = await a.timeout(5_000).emitWithAck('message:edit', { messageId: sent.id, body: 'version **finale**' })
    expect(edit.data).toMatchObject({ id: sent.id, body: 'version **finale**', html: '<p>version <strong>finale</strong></p>' })
    expect(edit.data?.editedAt).not.toBeNull()
    expect(await edited).toEqual(edit.data)
    const deleted = next(b, 'message:deleted')
    const removal = await a.timeout(5_000).emitWithAck('message:delete', { messageId: sent.id })
    expect(removal.data).toMatchObject({ id: sent.id, deleted: true, body: '', html: '' })
    expect((await deleted).deleted).toBe(true)
  })

  it('shares read receipts with the room', async () => {
    const { bruno, conversationId, a, b } = await arrange()
    const sent = (await send(a, conversationId, 'lu ?')).data!
    const receipt = next(a, 'receipt:updated')
    const read = await b.timeout(5_000).emitWithAck('conversation:read', { conversationId, seq: sent.seq })
    expect(read.data).toEqual({ conversationId, userId: bruno.id, lastReadSeq: sent.seq })
    expect(await receipt).toEqual(read.data)
  })

  it('limits how fast one person sends, with a clear French error', async () => {
    const { conversationId, a } = await arrange()
    const acks = await Promise.all(Array.from({ length: 40 }, (_, i) => send(a, conversationId, `rafale ${i}`)))
    const limited = acks.filter((ack) => ack.error?.code === 'rate_limited')
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.error!.message).toMatch(/trop vite/)
    expect(await Message.countDocuments({ conversationId })).toBe(acks.filter((ack) => ack.data).length)
  })

  it('pushes a message stored without a socket (a Remix action, no JavaScript) to every open tab, badges included', async () => {
    const { alice, bruno, conversationId, a, b } = await arrange()
    const brunoElsewhere = await open(bruno.cookie)
    const [seenByAlice, seenByBruno] = [next(a, 'message:created'), next(b, 'message:created')]
    const badge = next(brunoElsewhere, 'inbox:updated')
    // What the conversation route's action does: store. The message feed hears it was stored and pushes it.
    const { message } = await sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: 'sans JS' }, { limiter: createRateLimiter({ capacity: 5, refillPerSecond: 1 }) })
    expect(await seenByBruno).toEqual(message)
    expect(await seenByAlice).toEqual(message)
    expect(await badge).toEqual({ conversationId })
  })
})
