import { randomUUID } from 'node:crypto'
import { text } from 'node:stream/consumers'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { ATTACHMENT_MAX_BYTES } from '~/domain/messaging/attachment-types'
import { openAttachment, sendAttachment } from '~/domain/messaging/attachments.server'
import { Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { deleteMessage, history, startDirectConversation } from '~/domain/messaging/service.server'
import { createUserWithSession } from './messaging-support'
import { isolatedMongoUri } from './support'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
const file = (name: string, content: string | Uint8Array, type = '') => ({ name, type, data: typeof content === 'string' ? new TextEncoder().encode(content) : content })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? `${error.code}:${error.message}` : error),
  )

describe('message attachments (GridFS)', () => {
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    await Message.init()
  })
  afterAll(() => mongoose.disconnect())

  const arrange = async () => {
    const [alice, bruno, outsider] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno'), createUserWithSession('Olivia')])
    const { id } = await startDirectConversation(alice.actor, bruno.id)
    return { alice: alice.actor, bruno: bruno.actor, outsider: outsider.actor, conversationId: id }
  }

  it('stores a file with its message, once per client id, and lets members download it', async () => {
    const { alice, bruno, conversationId } = await arrange()
    const clientId = randomUUID()
    const sent = await sendAttachment(alice, conversationId, { clientId, file: file('devis.csv', 'poste;montant\nétude;1200', 'text/csv') }, { limiter })
    const again = await sendAttachment(alice, conversationId, { clientId, file: file('devis.csv', 'poste;montant\nétude;1200', 'text/csv') }, { limiter })
    expect(sent.created).toBe(true)
    expect(again).toMatchObject({ created: false, message: sent.message })
    expect(await Message.countDocuments({ conversationId })).toBe(1)
    expect(sent.message.attachments).toEqual([{ id: expect.stringMatching(/^[a-f0-9]{24}$/), name: 'devis.csv', type: 'text/csv', size: 25 }])
    const download = await openAttachment(bruno, conversationId, sent.message.attachments[0]!.id)
    expect(download).toMatchObject({ name: 'devis.csv', type: 'text/csv' })
    expect(await text(download.stream)).toBe('poste;montant\nétude;1200')
    expect((await history(bruno, conversationId)).messages[0]!.attachments).toHaveLength(1)
  })

  it('refuses downloads to non-members, from another conversation, and once the message is deleted', async () => {
    const { alice, bruno, outsider, conversationId } = await arrange()
    const { message } = await sendAttachment(alice, conversationId, { clientId: randomUUID(), file: file('note.txt', 'confidentiel') }, { limiter })
    const fileId = message.attachments[0]!.id
    expect(await refusal(openAttachment(outsider, conversationId, fileId))).toBe('not_found:messaging.errors.notFound')
    const other = await startDirectConversation(bruno, (await createUserWithSession()).id)
    expect(await refusal(openAttachment(bruno, other.id, fileId))).toBe('not_found:messaging.errors.fileNotFound')
    await deleteMessage(alice, message.id)
    expect(await refusal(openAttachment(bruno, conversationId, fileId))).toBe('not_found:messaging.errors.fileNotFound')
  })

  it('refuses files too big, empty, of another type, or whose declared type contradicts the name', async () => {
    const { alice, conversationId } = await arrange()
    const send = (f: ReturnType<typeof file>) => refusal(sendAttachment(alice, conversationId, { clientId: randomUUID(), file: f }, { limiter }))
    expect(await send(file('gros.pdf', new Uint8Array(ATTACHMENT_MAX_BYTES + 1), 'application/pdf'))).toBe('invalid:messaging.errors.fileTooBig')
    expect(await send(file('vide.txt', ''))).toBe('invalid:messaging.errors.fileEmpty')
    expect(await send(file('page.html', '<script>alert(1)</script>', 'text/html'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('image.png', '<svg onload=alert(1)>', 'image/svg+xml'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('outil.exe', 'MZ'))).toBe('invalid:messaging.errors.fileType')
    expect(await Message.countDocuments({ conversationId })).toBe(0)
  })
})
