import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import type { Actor } from '~/domain/actor'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { Conversation, Message, MessageReport } from '~/domain/messaging/model.server'
import { Project } from '~/domain/projects/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import * as messaging from '~/domain/messaging/service.server'
import { activitySettled } from '~/domain/messaging/delivery.server'
import { createUserWithSession } from './messaging-support'
import { isolatedMongoUri } from './support'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  )

describe('messaging service', () => {
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    await Promise.all([Conversation.init(), Message.init(), MessageReport.init()])
  })
  afterAll(() => mongoose.disconnect())

  const pair = async () => {
    const [alice, bruno, outsider] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno'), createUserWithSession('Olivia')])
    const { id } = await messaging.startDirectConversation(alice.actor, bruno.id)
    return { alice: alice.actor, bruno: bruno.actor, outsider: outsider.actor, conversationId: id }
  }
  const say = (actor: Actor, conversationId: string, body: string) =>
    messaging.sendMessage(actor, conversationId, { clientId: randomUUID(), body }, { limiter }).then((result) => result.message)

  it('keeps one direct conversation per pair, whoever starts it, even when both start at once', async () => {
    const { alice, bruno, conversationId } = await pair()
    const again = await Promise.all([messaging.startDirectConversation(bruno, alice.id), messaging.startDirectConversation(alice, bruno.id)])
    expect(again.map((c) => c.id)).toEqual([conversationId, conversationId])
    expect(await refusal(messaging.startDirectConversation(alice, alice.id))).toBe('invalid')
    expect(await refusal(messaging.startDirectConversation(alice, new mongoose.Types.ObjectId().toString()))).toBe('not_found')
  })

  it('lists my conversations by last activity', async () => {
    const { alice, bruno, conversationId: first } = await pair()
    const carla = await createUserWithSession('Carla')
    const { id: second } = await messaging.startDirectConversation(alice, carla.id)
    await say(alice, second, 'à Carla')
    await say(bruno, first, 'à Alice, plus tard')
    await activitySettled()
    const mine = await messaging.listConversations(alice)
    expect(mine.map((c) => c.id)).toEqual([first, second])
  })

  it("opens a conversation in one go: marks it read, names every author, even one who has left, and refuses outsiders", async () => {
    const { alice, bruno, outsider, conversationId } = await pair()
    const carla = await createUserWithSession('Carla')
    await Conversation.updateOne({ _id: conversationId }, { $push: { participants: new mongoose.Types.ObjectId(carla.id) } })
    await say(carla.actor, conversationId, 'je passe le relais')
    await say(bruno, conversationId, 'merci Carla')
    // Carla leaves: her message stays, with her name, in the page and in the list's preview.
    await Conversation.updateOne({ _id: conversationId }, { $pull: { participants: new mongoose.Types.ObjectId(carla.id) } })
    const panel = await messaging.conversationPanelData(alice, conversationId)
    expect(panel.messages.map((message) => [message.author.name, message.body])).toEqual([
      ['Carla', 'je passe le relais'],
      ['Bruno', 'merci Carla'],
    ])
    expect(panel.conversation.participants.map((person) => person.name)).toEqual(['Alice', 'Bruno'])
    expect(panel.receipt).toEqual({ conversationId, userId: alice.id, lastReadSeq: 2 })
    expect(panel.receipts).toEqual([expect.objectContaining({ userId: alice.id, lastReadSeq: 2 })])
    await Message.updateOne({ conversationId, seq: 2 }, { $set: { authorId: new mongoose.Types.ObjectId(carla.id) } })
    await activitySettled()
    const [summary] = (await messaging.listConversations(bruno)).filter((item) => item.id === conversationId)
    expect(summary!.lastMessage).toMatchObject({ authorName: 'Carla' })
    expect(await refusal(messaging.conversationPanelData(outsider, conversationId))).toBe('not_found')
    expect(await refusal(messaging.conversationPanelData(carla.actor, conversationId))).toBe('not_found')
  })

  it('hides a conversation from non-participants exactly as a missing one', async () => {
    const { outsider, conversationId } = await pair()
    expect(await refusal(messaging.getConversation(outsider, conversationId))).toBe('not_found')
    expect(await refusal(messaging.history(outsider, conversationId))).toBe('not_found')
    expect(await refusal(say(outsider, conversationId, 'intrus'))).toBe('not_found')
    expect(await refusal(messaging.getConversation(outsider, new mongoose.Types.ObjectId().toString()))).toBe('not_found')
  })

  it('pages history by cursor, 50 at a time, oldest first within a page', async () => {
    const { alice, conversationId } = await pair()
    for (let i = 1; i <= 55; i++) await say(alice, conversationId, `message ${i}`)
    const newest = await messaging.history(alice, conversationId)
    expect(newest.messages).toHaveLength(50)
    expect(newest.messages[0]!.body).toBe('message 6')
    expect(newest.messages.at(-1)!.body).toBe('message 55')
    expect(newest.hasMore).toBe(true)
    const older = await messaging.history(alice, conversationId, { before: newest.before })
    expect(older.messages.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5'])
    expect(older.hasMore).toBe(false)
  })

  it('counts unread messages per conversation until they are read, and never moves the marker back', async () => {
    const { alice, bruno, conversationId } = await pair()
    const first = await say(alice, conversationId, 'un')
    const second = await say(alice, conversationId, 'deux')
    await say(bruno, conversationId, 'ma réponse ne compte pas pour moi')
    expect(await messaging.unreadCounts(bruno.id)).toEqual({ [conversationId]: 2 })
    expect((await messaging.listConversations(bruno)).find((c) => c.id === conversationId)?.unread).toBe(2)
    expect([first.seq, second.seq]).toEqual([1, 2])
    await messaging.markRead(bruno, conversationId, first.seq)
    expect(await messaging.totalUnread(bruno.id)).toBe(1)
    await messaging.markRead(bruno, conversationId, second.seq)
    const back = await messaging.markRead(bruno, conversationId, first.seq)
    expect(back.lastReadSeq).toBe(second.seq)
    expect(await messaging.unreadCounts(bruno.id)).toEqual({})
  })

  it('lets only the author edit or delete, keeps a tombstone, and stores reports with the original text', async () => {
    const { alice, bruno, outsider, conversationId } = await pair()
    const message = await say(alice, conversationId, 'texte **initial**')
    expect(await refusal(messaging.editMessage(bruno, message.id, 'non'))).toBe('forbidden')
    expect(await refusal(messaging.deleteMessage(outsider, message.id))).toBe('not_found')
    expect(await refusal(messaging.reportMessage(outsider, message.id, 'spam spam'))).toBe('not_found')
    await messaging.reportMessage(bruno, message.id, 'Propos déplacés')
    await messaging.reportMessage(bruno, message.id, 'Deuxième fois')
    const deleted = await messaging.deleteMessage(alice, message.id)
    expect(deleted).toMatchObject({ deleted: true, body: '', html: '' })
    expect(await refusal(messaging.editMessage(alice, message.id, 'ressuscité'))).toBe('invalid')
    const reports = await MessageReport.find({ messageId: message.id }).lean()
    expect(reports.map((r) => [r.reason, r.bodySnapshot, r.status])).toEqual([['Propos déplacés', 'texte **initial**', 'open']])
    const { messages } = await messaging.history(bruno, conversationId)
    expect(messages[0]).toMatchObject({ id: message.id, deleted: true, body: '' })
  })

  it('refuses messages over 10,000 characters and empty ones', async () => {
    const { alice, conversationId } = await pair()
    expect(await refusal(say(alice, conversationId, 'x'.repeat(10_001)))).toBe('invalid')
    expect(await refusal(say(alice, conversationId, '   '))).toBe('invalid')
    expect((await say(alice, conversationId, 'x'.repeat(10_000))).body).toHaveLength(10_000)
  })

  it('creates the project room once and adds members who join later', async () => {
    const [a, b, c] = await Promise.all([createUserWithSession(), createUserWithSession(), createUserWithSession()])
    const projectId = new mongoose.Types.ObjectId().toString()
    const room = await messaging.ensureProjectConversation(projectId, [a.id, b.id])
    const again = await messaging.ensureProjectConversation(projectId, [a.id, b.id, c.id])
    expect(again.id).toBe(room.id)
    const view = await messaging.getConversation(c.actor, room.id)
    expect(view.kind).toBe('project')
    expect(view.participants.map((p) => p.id).sort()).toEqual([a.id, b.id, c.id].sort())
  })

  it('opens the project room to project members only, with the members of the project', async () => {
    const [a, b, outsider] = await Promise.all([createUserWithSession(), createUserWithSession(), createUserWithSession()])
    const id = () => new mongoose.Types.ObjectId()
    const project = await Project.create({ needId: id(), proposalId: id(), companyOrgId: id(), partnerOrgId: id(), members: [a.id, b.id], createdBy: a.id })
    const room = await messaging.projectConversationFor(a.actor, String(project._id))
    expect((await messaging.projectConversationFor(b.actor, String(project._id))).id).toBe(room.id)
    expect(await refusal(messaging.projectConversationFor(outsider.actor, String(project._id)))).toBe('not_found')
    const panel = await messaging.conversationPanelData(b.actor, room.id)
    expect(panel.conversation.participants.map((p) => p.id).sort()).toEqual([a.id, b.id].sort())
    expect(panel.messages).toEqual([])
  })
})
