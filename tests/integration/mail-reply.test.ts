import { randomUUID } from 'node:crypto'
import net from 'node:net'
import nodemailer, { type SendMailOptions, type SentMessageInfo, type Transporter } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replyAddress, signReplyToken } from '~/domain/mail/reply-address'
import { openAttachment } from '~/domain/messaging/attachments.server'
import { Conversation, Message } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { MessageMailMark, mailUnreadMessages } from '~/domain/notifications/email-messages.server'
import { User } from '~/domain/users/model.server'
import * as messaging from '~/domain/messaging/service.server'
import { readOutbox } from '../e2e/support/mail'
import { startInboundServer, type InboundServer } from '../../server/mail/inbound-server'
import { startTestMail } from './mail-support'
import { barrier, createUserWithSession, next, record, until, useLiveApiServer } from './messaging-support'
import { testLogger } from './support'

/**
 * Reply by e-mail (ADR 027), end to end over real SMTP: the inbound server on a free port, mails
 * sent to it with nodemailer, messages read back from MongoDB and from a real socket.io client.
 */
const secret = 'un-secret-de-test-d-au-moins-trente-deux-caracteres'
const domain = 'reponse.passerelle.test'
const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })

describe('reply by e-mail', () => {
  const live = useLiveApiServer()
  let inbound: InboundServer
  let smtp: Transporter
  beforeAll(async () => {
    await MessageMailMark.init()
    inbound = await startInboundServer({ port: 0, host: '127.0.0.1', domain, secret, logger: testLogger(), limiter })
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port()!, secure: false, ignoreTLS: true })
  })
  afterAll(async () => {
    smtp?.close()
    await inbound?.close()
  })

  /** Alice and Bruno in a direct conversation; Bruno's app is open on it (a real socket client in its room). */
  async function arrange() {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(bruno.actor, alice.id)
    const brunoApp = await live.open(bruno.cookie)
    expect((await brunoApp.timeout(5_000).emitWithAck('conversation:join', { conversationId })).data?.conversationId).toBe(conversationId)
    const aliceEmail = (await User.findById(alice.id).lean())!.email
    const aliceReplyTo = replyAddress(domain, signReplyToken(secret, alice.id, conversationId))
    return { alice, bruno, conversationId, brunoApp, aliceEmail, aliceReplyTo }
  }
  const storedIn = (conversationId: string) => Message.find({ conversationId }).sort({ seq: 1 }).lean()
  /** The SMTP answer to a mail: accepted, or the refusal's code and text. */
  const deliver = (mail: SendMailOptions) =>
    smtp.sendMail(mail).then(
      (info: SentMessageInfo) => ({ accepted: info.accepted?.length ?? 0, rejected: info.rejected?.length ?? 0, code: 250, response: info.response }),
      (error: { responseCode?: number; response?: string }) => ({ accepted: 0, rejected: 1, code: error.responseCode, response: error.response ?? '' }),
    )

  it('turns the reply to an unread-messages e-mail into a message, quotes and signature stripped, pushed live', async () => {
    const { alice, bruno, conversationId, brunoApp, aliceEmail } = await arrange()
    await User.updateMany({ _id: { $in: [alice.id, bruno.id] } }, { $set: { emailVerifiedAt: new Date() } })
    await messaging.sendMessage(bruno.actor, conversationId, { clientId: randomUUID(), body: 'Pouvez-vous passer jeudi ?' }, { limiter })

    // The e-mail Alice receives about it carries her own reply address, and says it is automatic.
    const mail = await startTestMail({ worker: false })
    try {
      await mailUnreadMessages({ publicUrl: 'http://passerelle.test', secret, replyDomain: domain }, { now: new Date(Date.now() + 10 * 60_000) })
      await mail.drain()
      const [sent] = (await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(aliceEmail))
      expect(sent!.text).toContain('Vous pouvez répondre directement à cet e-mail')
      const replyTo = sent!.parsed.replyTo?.value[0]?.address
      expect(replyTo).toBe(replyAddress(domain, signReplyToken(secret, alice.id, conversationId)))
      expect(sent!.parsed.headers.get('auto-submitted')).toBe('auto-generated')

      const created = next(brunoApp, 'message:created')
      const answer = await deliver({
        from: `Alice <${aliceEmail}>`,
        to: replyTo,
        subject: `Re: ${sent!.subject}`,
        messageId: `<${randomUUID()}@mail.exemple.test>`,
        text: `Oui, jeudi **10 h** <script>alert(1)</script>\n\n-- \nAlice, directrice\n\nLe lun. 7 déc. 2026 à 10:12, Passerelle <${replyTo}> a écrit :\n> ${sent!.text.split('\n').join('\n> ')}`,
      })
      expect(answer).toMatchObject({ accepted: 1, code: 250 })
      const pushed = await created
      expect(pushed).toMatchObject({ conversationId, author: { id: alice.id, name: 'Alice' }, body: 'Oui, jeudi **10 h** <script>alert(1)</script>' })
      // Sanitised like a message typed in the app: markup is text.
      expect(pushed.html).toContain('<strong>10 h</strong>')
      expect(pushed.html).not.toContain('<script>')
      expect((await storedIn(conversationId)).map((message) => message.body)).toEqual(['Pouvez-vous passer jeudi ?', pushed.body])
    } finally {
      await mail.close()
    }
  })

  it('reads an HTML-only reply as text: quoted part dropped, markup never rendered', async () => {
    const { brunoApp, aliceEmail, aliceReplyTo } = await arrange()
    const created = next(brunoApp, 'message:created')
    const html = '<div>Merci <b>Bruno</b>, <img src="x" onerror="alert(1)">à jeudi.</div><blockquote>Bonjour Alice, vous avez 1 message non lu</blockquote>'
    expect(await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re: jeudi', html })).toMatchObject({ accepted: 1 })
    const pushed = await created
    expect(pushed.body).toBe('Merci Bruno, [x]à jeudi.')
    expect(pushed.html).not.toMatch(/<img|onerror|<b>/)
  })

  it('stores the same mail delivered twice once', async () => {
    const { conversationId, aliceEmail, aliceReplyTo } = await arrange()
    const reply = { from: aliceEmail, to: aliceReplyTo, subject: 'Re: devis', messageId: `<${randomUUID()}@mail.exemple.test>`, text: 'Devis reçu, merci.' }
    expect(await deliver(reply)).toMatchObject({ accepted: 1 })
    expect(await deliver(reply)).toMatchObject({ accepted: 1 })
    expect((await storedIn(conversationId)).map((message) => message.body)).toEqual(['Devis reçu, merci.'])
  })

  it('stores an attachment as a file of the conversation, and refuses a forbidden type storing nothing', async () => {
    const { alice, conversationId, brunoApp, aliceEmail, aliceReplyTo } = await arrange()
    const created = record(brunoApp, 'message:created')
    const pdf = Buffer.from('%PDF-1.4\n% devis\n')
    expect(
      await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re: devis', text: 'Le devis signé.', attachments: [{ filename: 'devis.pdf', content: pdf, contentType: 'application/pdf' }] }),
    ).toMatchObject({ accepted: 1 })
    const stored = await storedIn(conversationId)
    expect(stored.map((message) => [message.body, message.attachments?.map((file) => [file.name, file.type, file.size]) ?? []])).toEqual([
      ['Le devis signé.', []],
      ['', [['devis.pdf', 'application/pdf', pdf.length]]],
    ])
    const file = await openAttachment(alice.actor, conversationId, String(stored[1]!.attachments![0]!.fileId))
    const chunks: Buffer[] = []
    for await (const chunk of file.stream) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true)
    await barrier(brunoApp)
    expect(created.map((message) => message.attachments.map((attachment) => attachment.name))).toEqual([[], ['devis.pdf']])

    const refused = await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re: devis', text: 'Et ceci.', attachments: [{ filename: 'outil.exe', content: Buffer.from('MZ'), contentType: 'application/octet-stream' }] })
    expect(refused).toMatchObject({ accepted: 0, code: 550 })
    const textFile = (name: string, size = 10) => ({ filename: name, content: Buffer.alloc(size, 'x'), contentType: 'text/plain' })
    const tooMany = await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re', text: 'Six fichiers', attachments: [1, 2, 3, 4, 5, 6].map((n) => textFile(`note-${n}.txt`)) })
    expect(tooMany).toMatchObject({ accepted: 0, code: 550 })
    expect(tooMany.response).toMatch(/Trop de pieces jointes/)
    const tooBig = await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re', text: 'Gros fichier', attachments: [textFile('gros.txt', 901 * 1024)] })
    expect(tooBig).toMatchObject({ accepted: 0, code: 552 })
    expect(await storedIn(conversationId)).toHaveLength(2)

    // The logo of an HTML signature (an inline image of the HTML part) is not a file Alice sent.
    const withLogo = await deliver({
      from: aliceEmail,
      to: aliceReplyTo,
      subject: 'Re',
      html: '<p>Merci.</p><p>-- <br>Alice <img src="cid:logo@signature"></p>',
      attachments: [{ filename: 'logo.png', cid: 'logo@signature', content: Buffer.from('89504e470d0a1a0a', 'hex'), contentType: 'image/png' }],
    })
    expect(withLogo, withLogo.response).toMatchObject({ accepted: 1 })
    const last = (await storedIn(conversationId)).at(-1)!
    expect([last.body, last.attachments ?? []]).toEqual(['Merci.', []])
  })

  it('drops auto-replies without an answer that could loop, and stores nothing', async () => {
    const { conversationId, aliceEmail, aliceReplyTo } = await arrange()
    const outOfOffice = [
      { headers: { 'Auto-Submitted': 'auto-replied' }, subject: 'Re: devis' },
      { headers: { Precedence: 'bulk' }, subject: 'Re: devis' },
      { headers: { 'X-Autoreply': 'yes' }, subject: 'Re: devis' },
      { headers: {}, subject: 'Réponse automatique : absente jusqu’au 4 janvier' },
    ]
    for (const mail of outOfOffice) expect(await deliver({ from: aliceEmail, to: aliceReplyTo, text: 'Je suis absente.', ...mail })).toMatchObject({ accepted: 1, code: 250 })
    // A bounce (null sender) too.
    expect(await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Undelivered', text: 'failure', envelope: { from: '', to: aliceReplyTo } })).toMatchObject({ accepted: 1 })
    expect(await storedIn(conversationId)).toEqual([])
  })

  describe('bounces, storing nothing', () => {
    it('an unknown, forged or foreign address', async () => {
      const { alice, conversationId, aliceEmail, aliceReplyTo } = await arrange()
      const [ids, signature] = aliceReplyTo.split('@')[0]!.replace('reply+', '').split('.') as [string, string]
      const forged = `reply+${ids}.${signature.slice(0, -2)}${signature.endsWith('aa') ? 'bb' : 'aa'}@${domain}`
      const otherSecret = replyAddress(domain, signReplyToken('un-autre-secret-tout-aussi-long-que-le-premier', alice.id, conversationId))
      for (const to of [forged, otherSecret, `contact@${domain}`, `reply+nimporte.quoi@${domain}`, aliceReplyTo.replace(domain, 'autre.test')]) {
        const answer = await deliver({ from: aliceEmail, to, subject: 'Re: devis', text: 'Bonjour' })
        expect(answer, to).toMatchObject({ accepted: 0, code: 550 })
        expect(answer.response).toMatch(/^550 5\.1\.1 Adresse de reponse inconnue/)
      }
      expect(await storedIn(conversationId)).toEqual([])
    })

    it('a mail without headers or with binary junk', async () => {
      const { conversationId, aliceEmail, aliceReplyTo } = await arrange()
      for (const raw of ['pas d’en-tête du tout', Buffer.from([0, 1, 2, 255, 254, 13, 10, 0x3a, 0x3a, 13, 10, 46, 46, 13, 10]), `From: ${aliceEmail}\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@@\r\n`]) {
        const answer = await deliver({ envelope: { from: aliceEmail, to: aliceReplyTo }, raw })
        expect(answer).toMatchObject({ accepted: 0, code: 550 })
      }
      expect(await storedIn(conversationId)).toEqual([])
    })

    it('a sender who is not the owner of the address', async () => {
      const { conversationId, aliceReplyTo } = await arrange()
      const answer = await deliver({ from: 'quelquun@ailleurs.test', to: aliceReplyTo, subject: 'Re: devis', text: 'Bonjour' })
      expect(answer).toMatchObject({ accepted: 0, code: 550 })
      expect(answer.response).toMatch(/5\.7\.1 Cette adresse de reponse est personnelle.* \/ This reply address is personal/)
      expect(await storedIn(conversationId)).toEqual([])
    })

    it('a suspended or deleted person, and one no longer in the conversation', async () => {
      const suspended = await arrange()
      await User.updateOne({ _id: suspended.alice.id }, { $set: { suspendedUntil: new Date(Date.now() + 86_400_000) } })
      const one = await deliver({ from: suspended.aliceEmail, to: suspended.aliceReplyTo, subject: 'Re', text: 'Bonjour' })
      expect(one).toMatchObject({ accepted: 0, code: 550 })
      expect(one.response).toMatch(/5\.7\.1 Votre compte est suspendu/)

      const deleted = await arrange()
      await User.updateOne({ _id: deleted.alice.id }, { $set: { deletedAt: new Date() } })
      expect(await deliver({ from: deleted.aliceEmail, to: deleted.aliceReplyTo, subject: 'Re', text: 'Bonjour' })).toMatchObject({ accepted: 0, code: 550 })

      const left = await arrange()
      await Conversation.updateOne({ _id: left.conversationId }, { $pull: { participants: left.alice.id } })
      const three = await deliver({ from: left.aliceEmail, to: left.aliceReplyTo, subject: 'Re', text: 'Bonjour' })
      expect(three).toMatchObject({ accepted: 0, code: 550 })
      expect(three.response).toMatch(/Vous ne faites plus partie de cette conversation/)

      for (const { conversationId } of [suspended, deleted, left]) expect(await storedIn(conversationId)).toEqual([])
    })

    it('an oversize mail (552), an empty reply, and a second reply address in one mail (452, sent apart)', async () => {
      const { alice, conversationId, aliceEmail, aliceReplyTo } = await arrange()
      const big = await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re', text: 'Gros', attachments: [{ filename: 'gros.txt', content: Buffer.alloc(9 * 1024 * 1024, 'a') }] })
      expect(big).toMatchObject({ accepted: 0, code: 552 })

      const empty = await deliver({ from: aliceEmail, to: aliceReplyTo, subject: 'Re', text: '> Bonjour Alice\n> Vous avez 1 message' })
      expect(empty).toMatchObject({ accepted: 0, code: 550 })
      expect(empty.response).toMatch(/Reponse vide/)

      const other = await startDirectConversation(alice.actor, (await createUserWithSession('Chloé')).id)
      const twoAddresses = await deliver({ from: aliceEmail, to: [aliceReplyTo, replyAddress(domain, signReplyToken(secret, alice.id, other.id))], subject: 'Re', text: 'À vous deux' })
      expect(twoAddresses).toMatchObject({ accepted: 1, rejected: 1 })
      expect((await storedIn(conversationId)).map((message) => message.body)).toEqual(['À vous deux'])
      expect(await storedIn(other.id)).toEqual([])
    })
  })

  it('advertises its size limit, and answers 552 after the data of a client that did not declare the size', async () => {
    const { conversationId, aliceEmail, aliceReplyTo } = await arrange()
    const socket = net.connect(inbound.port()!, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    const answer = async (code: RegExp) => {
      await until(() => code.test(received), { timeoutMs: 30_000, what: `SMTP answer ${code}` })
      const text = received
      received = ''
      return text
    }
    await answer(/^220 /m)
    socket.write('EHLO client.test\r\n')
    expect(await answer(/^250 /m)).toMatch(/^250[- ]SIZE 8388608\r?$/m)
    socket.write(`MAIL FROM:<${aliceEmail}>\r\n`)
    await answer(/^250 /m)
    socket.write(`RCPT TO:<${aliceReplyTo}>\r\n`)
    await answer(/^250 /m)
    socket.write('DATA\r\n')
    await answer(/^354 /m)
    socket.write(`From: ${aliceEmail}\r\nTo: ${aliceReplyTo}\r\nSubject: Re\r\n\r\n`)
    const line = `${'a'.repeat(998)}\r\n`
    for (let written = 0; written < 9 * 1024 * 1024; written += line.length) socket.write(line)
    socket.write('.\r\n')
    expect(await answer(/^552 /m)).toMatch(/^552 5\.3\.4 Message trop volumineux/m)
    socket.end('QUIT\r\n')
    expect(await storedIn(conversationId)).toEqual([])
  })

  it('a second server on the same port stands by and takes over when the first stops', async () => {
    const first = await startInboundServer({ port: 0, host: '127.0.0.1', domain, secret, logger: testLogger(), limiter })
    const port = first.port()!
    const second = await startInboundServer({ port, host: '127.0.0.1', domain, secret, logger: testLogger(), limiter, retryMs: 50 })
    try {
      expect(second.port()).toBeNull()
      await first.close()
      await until(() => second.port() !== null, { timeoutMs: 10_000, what: 'the standing-by server listens' })
      expect(second.port()).toBe(port)
    } finally {
      await first.close()
      await second.close()
    }
  })
})
