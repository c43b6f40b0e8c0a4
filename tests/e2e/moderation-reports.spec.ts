import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { addMember, createOrganisation, createPublishedNeed } from './support/marketplace'

/** Report → the animator hides the need → its author sees why and appeals once. */
test('a reported need is hidden by the animator of its territory and its author appeals', async ({ page, context, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const author = await createTestUser({ role: 'industrialist', name: `Nora Industrielle ${unique}` })
  const reporter = await createTestUser({ role: 'researcher', name: `Yann Chercheur ${unique}` })
  const animator = await createTestUser({ role: 'animator', name: `Awa Animatrice ${unique}` })
  const db = await e2eDb()
  // The marketplace fixtures put needs in Haut-Jura.
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(animator.id) }, { $set: { animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
  const companyId = await createOrganisation('company', `Lunetterie ${unique} (fictive)`)
  await addMember(companyId, author.id, 'owner')
  const title = `Achetez nos lunettes ${unique}`
  const needId = await createPublishedNeed(companyId, author.id, { title, summary: 'Promotion exceptionnelle.', description: 'Publicité.', confidentiality: 'public' })

  await signInAs(context, reporter.id, baseURL!)
  await page.goto(`/signaler?kind=need&id=${needId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Signaler ce besoin' })).toBeVisible()
  // A blank reason (spaces only, past the browser's own check) is refused next to the field.
  await page.getByLabel(/Que se passe-t-il/).fill('   ')
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(page.getByText('Indiquez un motif.')).toBeVisible()
  await page.getByLabel(/Que se passe-t-il/).fill('C’est de la publicité, pas un besoin.')
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(page.getByText('Merci : les animateurs vont examiner votre signalement.')).toBeVisible()

  await context.clearCookies()
  await signInAs(context, animator.id, baseURL!)
  await page.goto('/animation/signalements')
  const report = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(report).toContainText('C’est de la publicité, pas un besoin.')
  await report.getByLabel('Décision').selectOption('hide')
  await report.getByLabel(/Motif/).fill('Publicité commerciale')
  await report.getByRole('button', { name: 'Appliquer' }).click()
  await expect(page.getByText('Le signalement est traité.')).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)

  await context.clearCookies()
  await signInAs(context, author.id, baseURL!)
  await page.goto('/signaler/contestations')
  const hidden = page.getByRole('listitem').filter({ hasText: title })
  await expect(hidden).toContainText('Motif : Publicité commerciale')
  await hidden.getByLabel(/Votre contestation/).fill('Nous cherchons vraiment un partenaire.')
  await hidden.getByRole('button', { name: 'Contester' }).click()
  await expect(page.getByText('Votre contestation est envoyée aux animateurs.')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('Contestation envoyée le')
  await expect(page.getByRole('button', { name: 'Contester' })).toHaveCount(0)
})
