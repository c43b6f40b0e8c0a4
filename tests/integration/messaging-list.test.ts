import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import * as messaging from '~/domain/messaging/service.server'
import { createUserWithSession } from './messaging-support'
import { isolatedMongoUri } from './support'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await Promise.all([Conversation.init(), Message.init()])
})
afterAll(() => mongoose.disconnect())

async function pair() {
  const [alice, bruno] = await Promise.all([createUserWithSession('Alice Liste'), createUserWithSession('Bruno Liste')])
  const { id } = await messaging.startDirectConversation(alice.actor, bruno.id)
  const send = (who: typeof alice, body: string) => messaging.sendMessage(who.actor, id, { clientId: randomUUID(), body }, { limiter }).then((result) => result.message)
  const listed = async (who: typeof alice) => (await messaging.listConversations(who.actor)).find((item) => item.id === id)!
  return { alice, bruno, id, send, listed }
}

describe('the conversation list', () => {
  it('previews the newest message as one short plain line, with its author', async () => {
    const { alice, bruno, send, listed } = await pair()
    expect((await listed(alice)).lastMessage).toBeNull()
    await send(alice, 'Premier message')
    await send(bruno, `Voir **le plan** [ici](https://exemple.test/plan)\n\n> et ${'la suite '.repeat(20)}`)
    const { lastMessage } = await listed(alice)
    expect(lastMessage).toMatchObject({ authorId: bruno.id, authorName: 'Bruno Liste', state: 'visible', files: 0 })
    expect(lastMessage!.text).toMatch(/^Voir le plan ici et la suite/)
    expect(lastMessage!.text.length).toBeLessThanOrEqual(81)
    expect(lastMessage!.text).not.toMatch(/[*\n>[\]]/)
  })

  it('says nothing of a deleted message’s words, and tells a hidden one apart', async () => {
    const { alice, bruno, send, listed } = await pair()
    const secret = await send(alice, 'Un mot de trop')
    await messaging.deleteMessage(alice.actor, secret.id)
    expect((await listed(bruno)).lastMessage).toMatchObject({ state: 'deleted', text: '', authorName: 'Alice Liste' })

    const rude = await send(bruno, 'Un message grossier')
    await messaging.hideMessageByModeration(rude.id)
    expect((await listed(alice)).lastMessage).toMatchObject({ state: 'hidden', text: '' })
    // In the conversation, the hidden message says moderation hid it (a deleted one does not).
    const { messages } = await messaging.history(bruno.actor, (await listed(bruno)).id)
    expect(messages.map((message) => [message.deleted, message.hiddenByModeration])).toEqual([
      [true, false],
      [true, true],
    ])
  })
})
