import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { linkIn, waitForMail } from './support/mail'
import { addMember, createOrganisation } from './support/marketplace'

/**
 * Issue 18 (first half), end to end against the production build: a guest finds a territory from
 * the list, contacts its guichet, confirms their address through the e-mailed link; the
 * territory's animator finds the request in « Guichet » and routes it to an organisation, whose
 * member and the guest are e-mailed. Axe checks every page on the way.
 */
test('a guest contacts the guichet, confirms by e-mail, and the animator routes the request to an organisation', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(120_000)
  const unique = randomUUID().slice(0, 6)
  const animator = await createTestUser({ role: 'animator', name: `Agnès Animatrice ${unique}` })
  await (await e2eDb()).collection('users').updateOne({ _id: new mongoose.Types.ObjectId(animator.id) }, { $set: { animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
  const labName = `Centre Vision Jura ${unique}`
  const labId = await createOrganisation('lab', labName)
  const researcher = await createTestUser({ role: 'researcher', name: `Rémi Chercheur ${unique}` })
  await addMember(labId, researcher.id, 'owner')
  const guestEmail = `invite-${unique}@exemple.test`
  const subject = `Contrôle des montures ${unique}`

  // The list, grouped by region, leads to the territory's page.
  await page.goto('/territoires')
  await expect(page.getByRole('heading', { level: 2, name: /Bourgogne-Franche-Comté/ })).toBeVisible()
  await page.getByRole('link', { name: 'Haut-Jura', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Haut-Jura' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Chiffres clés' })).toBeVisible()
  await expect(page.getByRole('link', { name: `Voir le profil de ${animator.name}` })).toBeVisible()

  // « Contacter le guichet » as a guest.
  const guichet = page.getByRole('region', { name: 'Contacter le guichet' })
  await guichet.getByRole('button', { name: 'Envoyer au guichet' }).click()
  await expect(guichet.getByText('Indiquez votre nom.')).toBeVisible()
  await guichet.getByLabel('Nom et prénom').fill('Mathilde Invitée')
  await guichet.getByLabel('Adresse e-mail').fill(guestEmail)
  await guichet.getByLabel('Entreprise').fill('Atelier Invité (fictif)')
  await guichet.getByLabel('Objet').fill(subject)
  await guichet.getByLabel('Votre message').fill('Nous cherchons un partenaire pour automatiser le contrôle visuel.')
  await guichet.getByLabel('Commune (facultatif)').fill('Morez')
  await guichet.getByRole('button', { name: 'Envoyer au guichet' }).click()
  await expect(page.getByText(`ouvrez le lien envoyé à ${guestEmail}`)).toBeVisible()

  // The link in the e-mail leads to a button that puts the request in the queue. The guest's mail
  // client has no JavaScript here: a plain form does it.
  const verify = await waitForMail(guestEmail, { subject: /Confirmez votre demande/, timeoutMs: 30_000 })
  const link = linkIn(verify, '/guichet/confirmer/')
  const mailClient = await browser.newContext({ javaScriptEnabled: false })
  const guest = await mailClient.newPage()
  const opened = await guest.goto(link)
  expect(opened?.headers()['cache-control']).toContain('no-store')
  await expect(guest.getByRole('button', { name: 'Confirmer ma demande' })).toBeVisible()

  // Only opening it (a mail scanner, a link preview) sends nothing: the animator's queue does not have it.
  await signInAs(context, animator.id, baseURL!)
  await page.goto('/animation/guichet')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: subject })).toHaveCount(0)

  await guest.getByRole('button', { name: 'Confirmer ma demande' }).click()
  await expect(guest.getByText('Merci, votre adresse est confirmée')).toBeVisible()
  // Pressed again (the form posted twice): it says it is already done.
  const again = await guest.request.post(link, { form: {} })
  expect(await again.text()).toContain('Cette demande est déjà confirmée')
  await guest.goto(link)
  await expect(guest.getByText('Cette demande est déjà confirmée')).toBeVisible()
  await expect(guest.getByRole('button', { name: 'Confirmer ma demande' })).toHaveCount(0)
  await mailClient.close()

  // The animator routes it.
  await page.goto('/animation/guichet')
  const request = page.locator('li', { has: page.getByRole('heading', { name: subject }) })
  await expect(request.getByText('À traiter')).toBeVisible()
  await expect(request.getByText('Préparer un besoin n’est possible que pour un demandeur qui a un compte')).toBeVisible()
  await request.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: `${labName} (Laboratoire)` })
  await request.getByLabel('Message pour l’organisation et le demandeur').fill('Ce centre fait de la vision industrielle.')
  await request.getByRole('button', { name: 'Orienter' }).click()
  await expect(page.getByText(`Demande orientée vers ${labName} ; le demandeur est prévenu.`)).toBeVisible()
  const routed = page.locator('li', { has: page.getByRole('heading', { name: subject }) })
  await expect(routed.getByText('Orienté', { exact: true })).toBeVisible()
  await expect(routed.getByText(`${animator.name} a orienté vers ${labName}`)).toBeVisible()

  // Both sides are told.
  const toGuest = await waitForMail(guestEmail, { subject: /orientée vers/, timeoutMs: 30_000 })
  expect(toGuest.text).toContain('Ce centre fait de la vision industrielle.')
  const toLab = await waitForMail(researcher.email, { subject: /Une demande du guichet de Haut-Jura/, timeoutMs: 30_000 })
  expect(toLab.text).toContain(guestEmail)
  expect(toLab.text).toContain('Nous cherchons un partenaire pour automatiser le contrôle visuel.')

  // The journal says it in a sentence.
  await page.goto('/animation/journal')
  await expect(page.getByText(`${animator.name} a orienté la demande`).first()).toBeVisible()
})

test('an unknown territory is a 404 page', async ({ page }) => {
  const response = await page.goto('/territoires/atlantide')
  expect(response?.status()).toBe(404)
})
