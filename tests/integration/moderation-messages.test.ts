import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutgoingMail } from '~/domain/mail/mailer'
import { Conversation, Message, MessageReport } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import * as messaging from '~/domain/messaging/service.server'
import { conversationSpaces } from '~/domain/moderation/message-reports.server'
import { AuditEntry, Report } from '~/domain/moderation/model.server'
import { searchAudit } from '~/domain/moderation/audit.server'
import { User } from '~/domain/users/model.server'
import { decideReport, reportsQueue } from '~/domain/moderation/service.server'
import { createNeed } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { companyWithMember, connectMarketplaceDb, join, makeOrg, makeUser, needInput } from './factories'
import { refusalCode } from './refusal'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
const sent: OutgoingMail[] = []
const mail = { mailer: { send: async (message: OutgoingMail) => void sent.push(message) }, publicUrl: 'http://passerelle.test' }

// The insider animates Haut-Jura, where the company of one participant is; the outsider animates elsewhere.
let insider: Awaited<ReturnType<typeof makeUser>>
let outsider: Awaited<ReturnType<typeof makeUser>>
let admin: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Conversation.init(), Message.init(), MessageReport.init(), AuditEntry.init(), Report.init()])
  insider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'haut-jura' }] })
  outsider = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'bressuire-cholet' }] })
  admin = await makeUser('admin')
})
afterAll(() => mongoose.disconnect())

/** Two people in a direct conversation; Alice belongs to a Haut-Jura company; Bruno reports her message. */
async function reportedConversation(body = `Achetez mes lunettes <b>${randomUUID().slice(0, 6)}</b>`) {
  const aliceUser = await makeUser('industrialist')
  const brunoUser = await makeUser('researcher')
  await join(aliceUser, await makeOrg('company', { territories: ['haut-jura'] }), 'owner')
  const alice = { ...aliceUser, name: 'Alice' }
  const bruno = { ...brunoUser, name: 'Bruno' }
  const { id: conversationId } = await messaging.startDirectConversation(alice, bruno.id)
  const { message } = await messaging.sendMessage(alice, conversationId, { clientId: randomUUID(), body }, { limiter })
  await messaging.reportMessage(bruno, message.id, 'Publicité non sollicitée')
  const report = await MessageReport.findOne({ messageId: message.id }).lean()
  return { alice, bruno, conversationId, message, body, reportId: String(report!._id) }
}

describe('message reports in the moderation queue', () => {
  it('appear to admins and in-scope animators with the text as reported, not to others', async () => {
    const { reportId, body } = await reportedConversation()
    const item = (await reportsQueue(insider)).find((report) => report.id === reportId)
    expect(item).toMatchObject({ targetKind: 'message', targetLabel: body, reason: 'Publicité non sollicitée', reporterName: expect.stringContaining('Personne') })
    expect(item!.ageDays).toBe(0)
    expect((await reportsQueue(admin)).map((report) => report.id)).toContain(reportId)
    expect((await reportsQueue(outsider)).map((report) => report.id)).not.toContain(reportId)
  })

  it('show who wrote the message and the messages around it, in order', async () => {
    const { alice, bruno, conversationId, message, reportId } = await reportedConversation()
    const answer = await messaging.sendMessage(bruno, conversationId, { clientId: randomUUID(), body: 'Merci, mais ce n’est pas le sujet.' }, { limiter })
    const item = (await reportsQueue(insider)).find((report) => report.id === reportId)
    const [aliceName, brunoName] = await Promise.all([User.findById(alice.id).lean(), User.findById(bruno.id).lean()]).then((users) => users.map((user) => user!.name))
    expect(item!.author).toEqual({ id: alice.id, name: aliceName })
    expect(item!.context!.map((entry) => [entry.id, entry.authorName, entry.reported])).toEqual([
      [message.id, aliceName, true],
      [answer.message.id, brunoName, false],
    ])
  })

  it('derives a conversation’s spaces from its participants’ organisations', async () => {
    const { conversationId } = await reportedConversation()
    const conversation = await Conversation.findById(conversationId).lean()
    expect(await conversationSpaces(conversation!)).toEqual([{ kind: 'territory', ref: 'haut-jura' }])
  })

  it('derives a need thread’s spaces from its need, even when no participant has an organisation', async () => {
    const { orgId, member } = await companyWithMember({ territories: ['haut-jura'] })
    const { id: needId } = await createNeed(member, orgId, needInput({ title: 'Contrôle par vision' }), { submit: true })
    const [a, b] = [await makeUser('researcher'), await makeUser('researcher')]
    const conversation = await Conversation.create({ kind: 'need_thread', needId, proposalId: new mongoose.Types.ObjectId(), participants: [a.id, b.id] })
    const { message } = await messaging.sendMessage({ ...a, name: 'A' }, String(conversation._id), { clientId: randomUUID(), body: 'Bonjour' }, { limiter })
    await messaging.reportMessage({ ...b, name: 'B' }, message.id, 'Hors sujet')
    const reportId = String((await MessageReport.findOne({ messageId: message.id }).lean())!._id)
    expect((await reportsQueue(insider)).map((report) => report.id)).toContain(reportId)
    expect((await reportsQueue(outsider)).map((report) => report.id)).not.toContain(reportId)
  })

  it('lists message reports oldest first together with the other reports', async () => {
    const first = await reportedConversation()
    const second = await reportedConversation()
    const ids = (await reportsQueue(admin)).map((report) => report.id)
    expect(ids.indexOf(first.reportId)).toBeLessThan(ids.indexOf(second.reportId))
  })
})

describe('deciding a message report', () => {
  it('can suspend the author from the report: the report is closed, the message stays, the author is suspended', async () => {
    const { alice, message, reportId } = await reportedConversation()
    const refused = await refusalCode(decideReport(insider, reportId, { kind: 'suspend', reason: 'Démarchage répété', days: 0 }, mail))
    expect(refused).toBe('invalid')
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'open' })
    await decideReport(insider, reportId, { kind: 'suspend', reason: 'Démarchage répété', days: 3 }, mail)
    expect((await User.findById(alice.id).lean())!.suspendedUntil!.getTime()).toBeGreaterThan(Date.now() + 2 * 24 * 3600_000)
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'actioned' })
    expect((await Message.findById(message.id).lean())!.body).not.toBe('')
    expect(await AuditEntry.exists({ targetId: alice.id, action: 'user.suspend' })).not.toBeNull()
  })

  it('warns the author from the report, by e-mail', async () => {
    const { alice, reportId } = await reportedConversation()
    const email = (await User.findById(alice.id).lean())!.email
    await decideReport(insider, reportId, { kind: 'warn', reason: 'Restez dans le sujet, s’il vous plaît.' }, mail)
    expect(sent.some((mailSent) => mailSent.to === email && mailSent.text.includes('Restez dans le sujet'))).toBe(true)
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'actioned' })
  })

  it('hides the message for both participants and writes the audit log', async () => {
    const { alice, bruno, conversationId, message, reportId } = await reportedConversation()
    await decideReport(insider, reportId, { kind: 'hide', reason: 'Publicité' }, mail)

    for (const person of [alice, bruno]) {
      const shown = (await messaging.history(person, conversationId)).messages.find((item) => item.id === message.id)
      expect(shown).toMatchObject({ deleted: true, body: '', html: '' })
    }
    expect(await Message.findById(message.id).lean()).toMatchObject({ hiddenByModeration: true, body: '' })
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'actioned' })
    expect(await AuditEntry.findOne({ targetKind: 'message', targetId: message.id, action: 'message.hide' }).lean()).toMatchObject({
      actorId: new mongoose.Types.ObjectId(insider.id),
      reason: 'Publicité',
      after: 'hidden',
      spaces: [{ kind: 'territory', ref: 'haut-jura' }],
    })
    expect(await AuditEntry.exists({ targetId: message.id, action: 'report.action' })).not.toBeNull()
    // The journal says whose message it was (« … a masqué un message de Alice »), never its id alone.
    const entry = (await searchAudit(insider, { action: 'message.hide' })).find((row) => row.targetId === message.id)
    const author = await User.findById(alice.id, { name: 1 }).lean()
    expect(entry?.target).toEqual({ label: null, href: null, ownerName: author!.name })
    // Alice, who wrote it, is told why, with a link to the conversation; Bruno, who reported it, is not.
    const told = await Notification.find({ kind: 'message_hidden', recipientId: { $in: [alice.id, bruno.id] } }).lean()
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ recipientId: new mongoose.Types.ObjectId(alice.id), data: { reason: 'Publicité' }, link: `/messages/${conversationId}` })
    expect((await messaging.history(alice, conversationId)).messages.find((item) => item.id === message.id)).toMatchObject({ hiddenByModeration: true })
    expect((await reportsQueue(insider)).map((report) => report.id)).not.toContain(reportId)
    expect(await refusalCode(decideReport(insider, reportId, { kind: 'dismiss', reason: '' }, mail))).toBe('conflict')
  })

  it('refuses an animator outside the scope and leaves the message alone', async () => {
    const { alice, conversationId, message, reportId, body } = await reportedConversation()
    expect(await refusalCode(decideReport(outsider, reportId, { kind: 'hide', reason: 'Publicité' }, mail))).toBe('forbidden')
    const shown = (await messaging.history(alice, conversationId)).messages.find((item) => item.id === message.id)
    expect(shown).toMatchObject({ deleted: false, body })
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'open' })
    expect(await AuditEntry.exists({ targetId: message.id })).toBeNull()
  })

  it('dismisses without touching the message, and refuses person sanctions on a message report', async () => {
    const { alice, conversationId, message, reportId } = await reportedConversation()
    expect(await refusalCode(decideReport(admin, reportId, { kind: 'ban', reason: 'Non' }, mail))).toBe('invalid')
    expect(await refusalCode(decideReport(admin, reportId, { kind: 'hide', reason: '  ' }, mail))).toBe('invalid')
    await decideReport(admin, reportId, { kind: 'dismiss', reason: '' }, mail)
    expect(await MessageReport.findById(reportId).lean()).toMatchObject({ status: 'dismissed' })
    expect((await messaging.history(alice, conversationId)).messages.find((item) => item.id === message.id)).toMatchObject({ deleted: false })
    expect(await AuditEntry.exists({ targetId: message.id, action: 'report.dismiss' })).not.toBeNull()
  })
})
