import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteFailedMail, listTroubledMails, retryTroubledMail } from '~/domain/mail/outbox-admin.server'
import { enqueueMail } from '~/domain/mail/outbox.server'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { readOutbox } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { connectMarketplaceDb, makeUser } from './factories'

/** « Renvoyer » and « Supprimer » on /admin/e-mails, against a real mongod and the SMTP capture server. */
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await connectMarketplaceDb()
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})

async function failedMail() {
  const to = `admin-${randomUUID().slice(0, 8)}@exemple.test`
  const { id } = await enqueueMail({ to, subject: 'Un e-mail en échec', text: 'Bonjour', kind: 'test', language: 'fr' })
  await OutboxMail.updateOne({ _id: id }, { $set: { status: 'failed', attempts: 30, doneAt: new Date(), lastError: '550 mailbox unavailable' } })
  return { id: id!, to }
}

describe('troubled mails', () => {
  it('are sent again now by an admin only, with a fresh series of attempts, and delivered once', async () => {
    const { id, to } = await failedMail()
    const admin = await makeUser('admin')
    for (const role of ['industrialist', 'researcher', 'animator'] as const) {
      await expect(retryTroubledMail(await makeUser(role), id)).rejects.toMatchObject({ code: 'forbidden' })
      await expect(deleteFailedMail(await makeUser(role), id)).rejects.toMatchObject({ code: 'forbidden' })
    }
    expect((await listTroubledMails(admin)).find((item) => item.id === id)).toMatchObject({ status: 'failed', attempts: 30 })

    await retryTroubledMail(admin, id)
    expect(await OutboxMail.findById(id).lean()).toMatchObject({ status: 'pending', attempts: 0, doneAt: null })
    await mail.drain()
    expect((await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(to))).toHaveLength(1)
    expect(await OutboxMail.findById(id).lean()).toMatchObject({ status: 'sent' })
    // Sent: nothing left to send again or delete.
    await expect(retryTroubledMail(admin, id)).rejects.toMatchObject({ code: 'conflict', message: 'admin.mails.gone' })
    await expect(deleteFailedMail(admin, id)).rejects.toMatchObject({ code: 'conflict', message: 'admin.mails.gone' })
  })

  it('are deleted by an admin, never sent; a mail a worker holds is left alone', async () => {
    const admin = await makeUser('admin')
    const { id, to } = await failedMail()
    await deleteFailedMail(admin, id)
    expect(await OutboxMail.findById(id).lean()).toBeNull()
    await mail.drain()
    expect((await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(to))).toEqual([])

    const held = await failedMail()
    await OutboxMail.updateOne({ _id: held.id }, { $set: { status: 'pending', attempts: 4, claimedBy: 'another-worker', claimedUntil: new Date(Date.now() + 60_000) } })
    await expect(deleteFailedMail(admin, held.id)).rejects.toMatchObject({ code: 'conflict' })
    await expect(retryTroubledMail(admin, 'pas-un-identifiant')).rejects.toMatchObject({ code: 'conflict' })
    expect(await OutboxMail.findById(held.id).lean()).toMatchObject({ claimedBy: 'another-worker' })
  })

  it('show the names of a mail’s attachments, never their content; a retried one goes with its file', async () => {
    const admin = await makeUser('admin')
    const to = `admin-ics-${randomUUID().slice(0, 8)}@exemple.test`
    const content = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nUID:secret-call-link@passerelle.test\r\nEND:VCALENDAR\r\n'
    const { id } = await enqueueMail({ to, subject: 'Invitation', text: 'Bonjour', kind: 'test', attachments: [{ filename: 'rencontre-essai.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content }] })
    await OutboxMail.updateOne({ _id: id }, { $set: { status: 'failed', attempts: 30, doneAt: new Date(), lastError: '550 mailbox unavailable' } })
    const listed = (await listTroubledMails(admin)).find((item) => item.id === id)
    expect(listed).toMatchObject({ subject: 'Invitation', attachments: ['rencontre-essai.ics'] })
    expect(JSON.stringify(listed)).not.toContain('secret-call-link')

    await retryTroubledMail(admin, id!)
    await mail.drain()
    const [received] = (await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(to))
    expect(received!.parsed.attachments.map((file) => [file.filename, file.content.toString('utf8')])).toEqual([['rencontre-essai.ics', content]])
  })
})
