import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import mongoose from 'mongoose'
import nodemailer from 'nodemailer'
import { replyAddress, signReplyToken } from '~/domain/mail/reply-address'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'

/**
 * Issue 14, reply by e-mail, end to end against the production build: Alice answers from her mail
 * client (a real SMTP client, nodemailer) to her personal reply address; the server's inbound SMTP
 * server posts it, and it appears live on Bruno's open conversation, without the quoted e-mail.
 */
const domain = 'reponse.passerelle.test'
const log = (page: Page) => page.getByRole('log', { name: 'Historique des messages' })

test('a reply by e-mail appears live in the other person’s open conversation', async ({ page, context, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Courriel' })
  const bruno = await createTestUser({ name: 'Bruno Ouvert' })
  const db = await e2eDb()
  const now = new Date()
  const { insertedId } = await db.collection('conversations').insertOne({
    kind: 'direct',
    pairKey: [alice.id, bruno.id].sort().join(':'),
    participants: [new mongoose.Types.ObjectId(alice.id), new mongoose.Types.ObjectId(bruno.id)],
    lastMessageAt: null,
    createdAt: now,
    updatedAt: now,
  })
  const conversationId = String(insertedId)

  await signInAs(context, bruno.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Alice Courriel' })).toBeVisible()
  await expect(page.getByText('Connecté : les nouveaux messages s’affichent en direct.')).toBeVisible()

  // The address the unread-messages e-mail would carry, signed with the server's own secret.
  const secret = (await readFile(path.join(process.env.E2E_DATA_DIR!, 'app-secret'), 'utf8')).trim()
  const to = replyAddress(domain, signReplyToken(secret, alice.id, conversationId))
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: Number(process.env.E2E_INBOUND_PORT), secure: false, ignoreTLS: true })
  try {
    await smtp.sendMail({
      from: `Alice Courriel <${alice.email}>`,
      to,
      subject: 'Re: Bruno Ouvert vous a écrit sur Passerelle',
      text: `Je vous réponds depuis ma messagerie : **jeudi** me va.\n\nLe lun. 7 déc. 2026 à 10:12, Passerelle <${to}> a écrit :\n> Bonjour Alice,\n> Vous avez 1 message non lu`,
    })
    // A forged address is refused at once, in the SMTP dialogue.
    const forged = to.replace(/\.[a-z2-7]{16}@/, '.aaaaaaaaaaaaaaaa@')
    await expect(smtp.sendMail({ from: alice.email, to: forged, subject: 'Re', text: 'Intrus' })).rejects.toMatchObject({ responseCode: 550 })
  } finally {
    smtp.close()
  }

  await expect(log(page).locator('strong', { hasText: 'jeudi' })).toBeVisible()
  await expect(log(page).getByText('Je vous réponds depuis ma messagerie')).toBeVisible()
  await expect(log(page).getByText('Vous avez 1 message non lu')).toHaveCount(0)
  await expect(log(page).getByText('Intrus')).toHaveCount(0)
  await expectAccessible(page)
})
