import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { createMembershipCache } from '~/domain/messaging/delivery.server'
import * as messaging from '~/domain/messaging/service.server'
import type { RealtimeOptions } from '../../server/realtime/socket-server'
import { startApiServer } from './app-support'
import { barrier, createUserWithSession, record, socketClient, until, type Client } from './messaging-support'
import { isolatedMongoUri } from './support'

/**
 * The socket hot path's shortcuts keep the rules: membership answers are reused only as the
 * cache's rule allows (additions at once, removals here at once, removals elsewhere within the
 * time to live), a full server tells senders to slow down, badges are coalesced.
 */
describe('messaging throughput safeguards', () => {
  const servers: Array<() => Promise<void>> = []
  const clients: Client[] = []

  /** The app's server with the messaging options under test. */
  async function start({ inboxWindowMs, ...messagingOptions }: NonNullable<RealtimeOptions['messaging']> & { inboxWindowMs?: number } = {}) {
    const server = await startApiServer({ realtime: { inboxWindowMs, messaging: { limiter: createRateLimiter({ capacity: 100, refillPerSecond: 100 }), ...messagingOptions } } })
    servers.push(server.stop)
    const url = server.url
    return async (cookie: string) => {
      const client = await socketClient(url, cookie)
      clients.push(client)
      return client
    }
  }
  const send = (client: Client, conversationId: string, body = 'bonjour', clientId = randomUUID()) =>
    client.timeout(5_000).emitWithAck('message:send', { conversationId, clientId, body })
  /** A project room of three people. */
  async function room() {
    const people = await Promise.all(['Alice', 'Bruno', 'Carole'].map((name) => createUserWithSession(name)))
    const projectId = new mongoose.Types.ObjectId().toString()
    const { id } = await messaging.ensureProjectConversation(projectId, people.map((person) => person.id))
    return { people, projectId, conversationId: id }
  }

  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    for (const stop of servers) await stop()
    await mongoose.disconnect()
  })

  it('refuses a member removed through the Conversation model on their very next message', async () => {
    // An hour-long time to live: only the invalidation can explain a refusal here.
    const open = await start({ membership: createMembershipCache({ ttlMs: 60 * 60_000 }) })
    const { people, conversationId } = await room()
    const carole = await open(people[2]!.cookie)
    expect((await send(carole, conversationId, 'avant')).data?.body).toBe('avant')
    await Conversation.updateOne({ _id: conversationId }, { $pull: { participants: new mongoose.Types.ObjectId(people[2]!.id) } })
    expect((await send(carole, conversationId, 'après')).error?.code).toBe('not_found')
    expect((await carole.timeout(5_000).emitWithAck('typing:start', { conversationId })).error?.code).toBe('not_found')
    expect(await Message.countDocuments({ conversationId, body: 'après' })).toBe(0)
  })

  it('refuses a whole conversation deleted through the model at once', async () => {
    const open = await start({ membership: createMembershipCache({ ttlMs: 60 * 60_000 }) })
    const { people, conversationId } = await room()
    const alice = await open(people[0]!.cookie)
    expect((await send(alice, conversationId)).data).toBeDefined()
    await Conversation.deleteOne({ _id: conversationId })
    expect((await send(alice, conversationId)).error?.code).toBe('not_found')
  })

  it('accepts a person added to the room on their first message, however they were added', async () => {
    const open = await start({ membership: createMembershipCache({ ttlMs: 60 * 60_000 }) })
    const { people, projectId, conversationId } = await room()
    const alice = await open(people[0]!.cookie)
    expect((await send(alice, conversationId)).data).toBeDefined() // the room is now remembered
    const [dominique, eva] = await Promise.all([createUserWithSession('Dominique'), createUserWithSession('Eva')])
    const [d, e] = await Promise.all([open(dominique.cookie), open(eva.cookie)])
    expect((await send(d, conversationId)).error?.code).toBe('not_found')
    // Through the model (as the projects area does), then behind its back (a raw write, as another process might).
    await messaging.ensureProjectConversation(projectId, [dominique.id])
    await Conversation.collection.updateOne({ _id: new mongoose.Types.ObjectId(conversationId) }, { $addToSet: { participants: new mongoose.Types.ObjectId(eva.id) } })
    expect((await send(d, conversationId, 'Dominique arrive')).data?.author.id).toBe(dominique.id)
    expect((await send(e, conversationId, 'Eva arrive')).data?.author.id).toBe(eva.id)
  })

  it('refuses a removal made behind the model once the time to live is over', async () => {
    let now = 0
    const open = await start({ membership: createMembershipCache({ ttlMs: 1_000, now: () => now }) })
    const { people, conversationId } = await room()
    const carole = await open(people[2]!.cookie)
    expect((await send(carole, conversationId)).data).toBeDefined()
    // Raw driver write: no mongoose middleware sees it, as with another process's write.
    await mongoose.connection.collection<{ participants: mongoose.Types.ObjectId[] }>('conversations').updateOne(
      { _id: new mongoose.Types.ObjectId(conversationId) },
      { $pull: { participants: new mongoose.Types.ObjectId(people[2]!.id) } },
    )
    // The documented bound: another process's removal may go unseen for up to the time to live…
    now = 999
    expect((await send(carole, conversationId)).data).toBeDefined()
    // …and no longer.
    now = 1_000
    expect((await send(carole, conversationId)).error?.code).toBe('not_found')
  })

  it('tells senders to slow down when too many sends are in progress, and takes them again afterwards', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const slowService = { ...messaging, sendMessage: async (...args: Parameters<typeof messaging.sendMessage>) => (await held, messaging.sendMessage(...args)) }
    const open = await start({ service: slowService, maxSendsInFlight: 2 })
    const { people, conversationId } = await room()
    const alice = await open(people[0]!.cookie)
    const refusedId = randomUUID()
    const inProgress = [send(alice, conversationId, 'un'), send(alice, conversationId, 'deux')]
    const refused = await send(alice, conversationId, 'trois', refusedId)
    expect(refused.error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/sollicité/) })
    release()
    expect((await Promise.all(inProgress)).map((ack) => ack.data?.body)).toEqual(['un', 'deux'])
    // The refused message was not stored; sent again (same client id) it is, once.
    expect(await Message.countDocuments({ conversationId, clientId: refusedId })).toBe(0)
    expect((await send(alice, conversationId, 'trois', refusedId)).data?.body).toBe('trois')
    expect(await Message.countDocuments({ conversationId, clientId: refusedId })).toBe(1)
  })

  it('delivers every message to the room, coalesces the badge events of a busy conversation, and spares the tab showing it', async () => {
    const open = await start({ inboxWindowMs: 60 * 60_000 })
    const { people, conversationId } = await room()
    // Bruno has the conversation open in one tab, and another tab elsewhere (the badge and the announcements are for that one).
    const [alice, brunoReading, brunoElsewhere] = await Promise.all([open(people[0]!.cookie), open(people[1]!.cookie), open(people[1]!.cookie)])
    expect((await brunoReading.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data).toBeDefined()
    const reading = { created: record(brunoReading, 'message:created'), updated: record(brunoReading, 'inbox:updated'), announced: record(brunoReading, 'inbox:message') }
    const elsewhere = { updated: record(brunoElsewhere, 'inbox:updated'), announced: record(brunoElsewhere, 'inbox:message') }
    for (const body of ['un', 'deux', 'trois']) expect((await send(alice, conversationId, body)).data).toBeDefined()
    await until(() => reading.created.length >= 3 && elsewhere.announced.length >= 1, { what: 'three messages pushed, one announcement' })
    await Promise.all([barrier(brunoReading), barrier(brunoElsewhere)])
    expect(reading.created.map((message) => message.body)).toEqual(['un', 'deux', 'trois'])
    expect(elsewhere.updated).toEqual([{ conversationId }])
    expect(elsewhere.announced).toEqual([{ conversationId, author: { id: people[0]!.id, name: 'Alice' }, preview: 'un' }])
    expect([reading.updated, reading.announced]).toEqual([[], []])
  })

  it('always announces the latest message, once its window closes', async () => {
    const open = await start({ inboxWindowMs: 20 })
    const { people, conversationId } = await room()
    const [alice, bruno] = await Promise.all([open(people[0]!.cookie), open(people[1]!.cookie)])
    const latest = new Promise((resolve) => bruno.on('inbox:message', (event) => event.preview === 'dernier' && resolve(event)))
    for (const body of ['premier', 'deuxième', 'dernier']) expect((await send(alice, conversationId, body)).data).toBeDefined()
    expect(await latest).toEqual({ conversationId, author: { id: people[0]!.id, name: 'Alice' }, preview: 'dernier' })
  })
})
