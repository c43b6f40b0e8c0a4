import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import mongoose from 'mongoose'
import { renderMessageHtml } from '~/domain/messaging/markdown'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs, type TestUser } from './support/db'

/** A direct conversation holding one message by `author`, arranged in the e2e server's database. */
async function conversationWithMessage(author: TestUser, other: TestUser, body: string) {
  const db = await e2eDb()
  const now = new Date()
  const { insertedId: conversationId } = await db.collection('conversations').insertOne({
    kind: 'direct',
    pairKey: [author.id, other.id].sort().join(':'),
    participants: [new mongoose.Types.ObjectId(author.id), new mongoose.Types.ObjectId(other.id)],
    lastMessageAt: now,
    createdAt: now,
    updatedAt: now,
  })
  await db.collection('messages').insertOne({
    conversationId,
    seq: 1,
    authorId: new mongoose.Types.ObjectId(author.id),
    clientId: randomUUID(),
    body,
    html: renderMessageHtml(body),
    editedAt: null,
    deletedAt: null,
    createdAt: now,
  })
  return String(conversationId)
}

const log = (page: Page) => page.getByRole('log', { name: 'Historique des messages' })
/** The rendered message texts (the author's edit form holds the source too). */
const bodies = (page: Page) => log(page).locator('.message-body')
const live = (page: Page) => expect(page.getByText('Connecté : les nouveaux messages s’affichent en direct.')).toBeVisible()

/** Bruno reports Alice's message → an admin hides it → it vanishes from Alice's open page, live. */
test('a reported message hidden from the reports queue disappears live from the open conversation', async ({ page, context, browser, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const alice = await createTestUser({ name: `Alice Vendeuse ${unique}` })
  const bruno = await createTestUser({ role: 'researcher', name: `Bruno Lecteur ${unique}` })
  const admin = await createTestUser({ role: 'admin', name: `Adèle Admin ${unique}` })
  const text = `Achetez mes lunettes ${unique} <script>alert(1)</script>`
  const conversationId = await conversationWithMessage(alice, bruno, text)

  // Alice keeps the conversation open in her own browser for the whole test.
  const aliceContext = await browser.newContext({ baseURL, locale: 'fr-FR' })
  await signInAs(aliceContext, alice.id, baseURL!)
  const alicePage = await aliceContext.newPage()
  const aliceErrors: string[] = []
  alicePage.on('pageerror', (error) => aliceErrors.push(error.message))
  alicePage.on('console', (message) => {
    if (message.type() === 'error') aliceErrors.push(message.text())
  })
  await alicePage.goto(`/messages/${conversationId}`)
  await expect(bodies(alicePage).getByText(`Achetez mes lunettes ${unique}`)).toBeVisible()
  await live(alicePage)
  // Survives only if the page is never reloaded.
  await alicePage.evaluate(() => Object.assign(window, { keptOpen: true }))

  await signInAs(context, bruno.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)
  const message = log(page).getByRole('listitem').filter({ hasText: `Achetez mes lunettes ${unique}` })
  await message.getByText('Signaler', { exact: true }).click()
  await message.getByLabel('Pourquoi signalez-vous ce message ?').fill('Publicité non sollicitée')
  await message.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(page.getByText('Merci : votre signalement a été transmis à la modération.')).toBeVisible()

  await context.clearCookies()
  await signInAs(context, admin.id, baseURL!)
  await page.goto('/animation/signalements')
  const report = page.getByRole('listitem').filter({ hasText: `Achetez mes lunettes ${unique}` })
  // The text as reported, shown escaped (the script tag is text, not markup).
  await expect(report.locator('.report-snapshot')).toHaveText(text)
  await expect(report).toContainText('Publicité non sollicitée')
  await expect(report).toContainText(`Signalé par Bruno Lecteur ${unique}`)
  // Who wrote it (her page, where she can be found again) and the message in its conversation.
  await expect(report.getByRole('link', { name: `Alice Vendeuse ${unique}` })).toHaveAttribute('href', `/membres/${alice.id}`)
  await report.getByText('Le message dans sa conversation').click()
  await expect(report.locator('[aria-current="true"]')).toContainText(`Achetez mes lunettes ${unique}`)
  await expect(report.getByLabel('Décision').locator('option')).toHaveText(['Classer sans suite', 'Masquer le contenu', 'Avertir la personne', 'Suspendre la personne'])
  await report.getByLabel('Décision').selectOption('hide')
  await report.getByLabel(/Motif/).fill('Démarchage commercial')
  await report.getByRole('button', { name: 'Appliquer' }).click()
  await expect(page.getByText('Le signalement est traité.')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: `Achetez mes lunettes ${unique}` })).toHaveCount(0)

  // Alice's open page: the message is gone, replaced by a tombstone saying moderation hid it, without a reload.
  await expect(log(alicePage).getByText(`Achetez mes lunettes ${unique}`)).toHaveCount(0)
  await expect(log(alicePage).getByText('Message masqué par la modération')).toBeVisible()
  expect(await alicePage.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen)).toBe(true)
  expect(aliceErrors).toEqual([])
  await aliceContext.close()
})
