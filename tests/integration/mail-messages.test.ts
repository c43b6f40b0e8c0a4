import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '~/domain/actor'
import { Conversation, Message, ReadReceipt } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import * as messaging from '~/domain/messaging/service.server'
import { MessageMailMark, mailUnreadMessages } from '~/domain/notifications/email-messages.server'
import { defaultMailPreferences } from '~/domain/notifications/preferences'
import { updateMailPreferences } from '~/domain/notifications/preferences.server'
import { User } from '~/domain/users/model.server'
import { readOutbox } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { createUserWithSession } from './messaging-support'
import { isolatedMongoUri } from './support'

/** Unread messages by e-mail: one per conversation burst, after the quiet time, never one per message. */
const links = { publicUrl: 'http://passerelle.test', secret: 'un-secret-de-test-d-au-moins-trente-deux-caracteres' }
const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await Promise.all([Conversation.init(), Message.init(), ReadReceipt.init(), MessageMailMark.init()])
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})

const say = (actor: Actor, conversationId: string, body: string) => messaging.sendMessage(actor, conversationId, { clientId: randomUUID(), body }, { limiter }).then((result) => result.message)
const mailsTo = async (actor: Actor) => {
  const email = (await User.findById(actor.id).lean())!.email
  return (await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(email))
}
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)
async function tick(minutes: number) {
  await mailUnreadMessages(links, { now: later(minutes) })
  await mail.drain()
}

async function pair() {
  const [alice, bruno] = await Promise.all([createUserWithSession(`Alice ${randomUUID().slice(0, 4)}`), createUserWithSession(`Bruno ${randomUUID().slice(0, 4)}`)])
  await User.updateMany({ _id: { $in: [alice.id, bruno.id] } }, { $set: { emailVerifiedAt: new Date() } })
  const { id } = await messaging.startDirectConversation(alice.actor, bruno.id)
  return { alice: alice.actor, bruno: bruno.actor, conversationId: id }
}

describe('unread messages by e-mail', () => {
  it('one e-mail for a burst of three messages, once it has been quiet a few minutes; none to their author', async () => {
    const { alice, bruno, conversationId } = await pair()
    for (const body of ['Bonjour Bruno', 'Avez-vous vu le devis ?', 'Réponse attendue **avant vendredi**']) await say(alice, conversationId, body)

    await tick(1) // still in the burst
    expect(await mailsTo(bruno)).toEqual([])
    await tick(4)
    const [message, ...more] = await mailsTo(bruno)
    expect(more).toEqual([])
    expect(message!.subject).toMatch(/^Alice .* vous a écrit sur Passerelle$/)
    expect(message!.text).toContain('Vous avez 3 messages non lus')
    expect(message!.text).toContain(`http://passerelle.test/messages/${conversationId}`)
    expect(message!.text).toContain('avant vendredi')
    expect(message!.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line).toMatch(/\.message\./)
    // Reply by e-mail is off here (no inbound domain): no Reply-To, no invitation to reply.
    expect(message!.parsed.replyTo).toBeUndefined()
    expect(message!.text).not.toContain('répondre directement')
    expect(await mailsTo(alice)).toEqual([])

    // Later ticks, more messages while Bruno has not come back: not chased.
    await tick(10)
    await say(alice, conversationId, 'Relance')
    await tick(20)
    expect(await mailsTo(bruno)).toHaveLength(1)

    // Bruno reads everything; a new burst brings a new e-mail.
    await messaging.markRead(bruno, conversationId, 4)
    await say(alice, conversationId, 'Nouvelle question')
    await tick(25)
    expect(await mailsTo(bruno)).toHaveLength(2)
  })

  it('nothing when the messages were read in time, or when the person keeps messages in the app', async () => {
    const { alice, bruno, conversationId } = await pair()
    await say(alice, conversationId, 'Lu tout de suite')
    await messaging.markRead(bruno, conversationId, 1)
    await say(bruno, conversationId, 'Merci')
    await updateMailPreferences(alice, { ...defaultMailPreferences('industrialist'), message: 'in_app' })
    await tick(10)
    expect(await mailsTo(bruno)).toEqual([])
    expect(await mailsTo(alice)).toEqual([])
  })
})
