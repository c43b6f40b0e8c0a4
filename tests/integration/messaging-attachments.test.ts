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
const file = (name: string, content: string | Uint8Array, type = '') => ({ name, type, content: [typeof content === 'string' ? new TextEncoder().encode(content) : content] })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? `${error.code}:${error.message}` : error),
  )

const storedFiles = () => mongoose.connection.db!.collection('attachments.files').countDocuments()

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
    const filesBefore = await storedFiles()
    const send = (f: ReturnType<typeof file>) => refusal(sendAttachment(alice, conversationId, { clientId: randomUUID(), file: f }, { limiter }))
    const tooBig = new Uint8Array(ATTACHMENT_MAX_BYTES + 1)
    tooBig.set(new TextEncoder().encode('%PDF-1.7\n'))
    expect(await send(file('gros.pdf', tooBig, 'application/pdf'))).toBe('invalid:messaging.errors.fileTooBig')
    expect(await send(file('vide.txt', ''))).toBe('invalid:messaging.errors.fileEmpty')
    expect(await send(file('page.html', '<script>alert(1)</script>', 'text/html'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('image.png', '<svg onload=alert(1)>', 'image/svg+xml'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('outil.exe', 'MZ'))).toBe('invalid:messaging.errors.fileType')
    // By content, not by name: a program renamed devis.pdf, a text renamed piece.step.
    expect(await send(file('devis.pdf', 'MZ\u0090\u0000 programme', 'application/pdf'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('piece.step', 'pas un fichier STEP'))).toBe('invalid:messaging.errors.fileType')
    expect(await send(file('image.png', '%PDF-1.4', 'application/pdf'))).toBe('invalid:messaging.errors.fileType')
    expect(await Message.countDocuments({ conversationId })).toBe(0)
    // Nothing of a refused file is left in storage.
    expect(await storedFiles()).toBe(filesBefore)
  })

  it('streams a 20 MB CAD file in pieces into storage and gives it back byte for byte', async () => {
    const { alice, bruno, conversationId } = await arrange()
    const triangles = 400_000 // 84 + 50 × 400,000 bytes ≈ 20 MB
    const stl = Buffer.alloc(84 + 50 * triangles)
    stl.write('binary STL exported by the design office')
    stl.writeUInt32LE(triangles, 80)
    for (let offset = 84; offset < stl.length; offset += 50) stl.writeFloatLE(offset % 997, offset)
    // Pieces of 64 kB, as a request body arrives: never the whole file at once.
    async function* pieces() {
      for (let offset = 0; offset < stl.length; offset += 64 * 1024) yield new Uint8Array(stl.subarray(offset, offset + 64 * 1024))
    }
    const { message } = await sendAttachment(alice, conversationId, { clientId: randomUUID(), file: { name: 'support-moteur.stl', type: '', content: pieces() } }, { limiter })
    expect(message.attachments).toEqual([{ id: expect.any(String), name: 'support-moteur.stl', type: 'model/stl', size: stl.length }])
    const download = await openAttachment(bruno, conversationId, message.attachments[0]!.id)
    const chunks: Buffer[] = []
    for await (const chunk of download.stream) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(stl)).toBe(true)

    // A binary STL whose length does not match its triangle count is not an STL: refused, nothing kept.
    const before = await storedFiles()
    const truncated = stl.subarray(0, stl.length - 10)
    expect(await refusal(sendAttachment(alice, conversationId, { clientId: randomUUID(), file: { name: 'coupe.stl', type: 'model/stl', content: [truncated] } }, { limiter }))).toBe(
      'invalid:messaging.errors.fileType',
    )
    expect(await storedFiles()).toBe(before)
  })

  it('accepts the CAD formats industrial projects exchange, by their content', async () => {
    const { alice, conversationId } = await arrange()
    const send = (name: string, content: string) => sendAttachment(alice, conversationId, { clientId: randomUUID(), file: file(name, content) }, { limiter })
    const sent = await Promise.all([
      send('carter.step', 'ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((\'carter\'),\'2;1\');\nENDSEC;\n'),
      send('bride.igs', `${'Bride de fixation, export IGES'.padEnd(72)}S      1\n`),
      send('plan.dxf', '  0\nSECTION\n  2\nHEADER\n  0\nENDSEC\n  0\nEOF\n'),
      send('gabarit.stl', 'solid gabarit\nendsolid gabarit\n'),
    ])
    expect(sent.map(({ message }) => message.attachments[0]!.type)).toEqual(['model/step', 'model/iges', 'image/vnd.dxf', 'model/stl'])
  })
})
