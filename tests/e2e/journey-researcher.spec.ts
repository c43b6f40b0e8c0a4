import { randomUUID } from 'node:crypto'
import { expect, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { linkIn, waitForMail } from './support/mail'
import { hydrated } from './support/hydration'
import { signInWithForm } from './support/sign-in'

/**
 * Issue 3's whole journey in one go, through the real forms: a researcher signs up, confirms
 * the address from the captured e-mail, creates the lab profile from the welcome page and
 * sees it publicly; someone else cannot edit it.
 */
test('sign up → verify the e-mail → create a lab profile → see it publicly; an outsider cannot edit it', async ({ page, browser, baseURL }) => {
  const email = `labo-${randomUUID().slice(0, 8)}@exemple.test`
  const labName = `Laboratoire des matériaux du Jura ${randomUUID().slice(0, 6)}`

  await page.goto('/inscription')
  await page.getByLabel('Prénom et nom').fill('Nora Benali')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('les composites de Saint-Claude tiennent')
  await page.getByLabel('Chercheur', { exact: false }).check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail')

  const mail = await waitForMail(email)
  await page.goto(linkIn(mail, '/verifier-email/'))
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await expect(page.getByText(`Votre adresse e-mail ${email} est vérifiée`, { exact: false })).toBeVisible()
  await page.getByRole('link', { name: 'Se connecter pour continuer' }).click()
  await signInWithForm(page, email, 'les composites de Saint-Claude tiennent')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue sur Passerelle, Nora Benali !')

  // As a person would: the page is ready (hydrated) before they click and type.
  await hydrated(page)
  await page.getByRole('link', { name: 'Créer le profil de mon organisation' }).click()
  await hydrated(page)
  await page.getByLabel('Nom (obligatoire)').fill(labName)
  await page.getByLabel('Type d’organisation (obligatoire)').selectOption('lab')
  await page.getByLabel('Présentation').fill('Caractérisation de matériaux composites et plastiques techniques.')
  await page.getByRole('checkbox', { name: 'Matériaux composites' }).check()
  const commune = page.getByRole('combobox', { name: /Commune/ })
  await commune.fill('Saint-Claude')
  await page.getByRole('option', { name: /^Saint-Claude \(39\)/ }).click()
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: labName })).toBeVisible()
  const profileUrl = new URL(page.url())

  // Anyone can read the public profile, which says it is not verified yet.
  const visitor = await browser.newContext({ baseURL })
  const visitorPage = await visitor.newPage()
  await visitorPage.goto(profileUrl.pathname)
  await expect(visitorPage.getByRole('heading', { level: 1, name: labName })).toBeVisible()
  await expect(visitorPage.getByText('Non vérifié', { exact: true })).toBeVisible()
  await expect(visitorPage.getByRole('link', { name: 'Nora Benali', exact: true })).toBeVisible()

  // A signed-in outsider is refused the edit page.
  const outsider = await createTestUser({ role: 'researcher' })
  await signInAs(visitor, outsider.id, baseURL!)
  const refused = await visitorPage.goto(`${profileUrl.pathname}/modifier`)
  expect(refused?.status()).toBe(403)
  await visitor.close()
})

test('signing up from a link that needs an account offers to continue there', async ({ page }) => {
  const email = `suite-${randomUUID().slice(0, 8)}@exemple.test`
  await page.goto('/inscription?redirectTo=%2Forganisations%3Ftype%3Dlab')
  await page.getByLabel('Prénom et nom').fill('Yann Morel')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill('une passerelle entre Laval et Angers')
  await page.getByLabel('Industriel').check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  const link = linkIn(await waitForMail(email), '/verifier-email/')
  expect(new URL(link).searchParams.get('suite')).toBe('/organisations?type=lab')
  await page.goto(link)
  // The button posts to the link itself, where the person was going (`?suite=`) included.
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await page.getByRole('link', { name: 'Se connecter pour continuer' }).click()
  await signInWithForm(page, email, 'une passerelle entre Laval et Angers')
  await page.getByRole('link', { name: 'Continuer là où j’en étais' }).click()
  await expect(page).toHaveURL(/\/organisations\?type=lab$/)
})

test('a hostile redirectTo on sign-up is ignored', async ({ page }) => {
  await page.goto('/inscription?redirectTo=%2F%2Fevil.example%2F')
  await expect(page.locator('form.auth-form input[name="redirectTo"]')).toHaveValue('/')
})
