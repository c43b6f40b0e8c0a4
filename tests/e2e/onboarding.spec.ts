import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { linkIn, waitForMail } from './support/mail'
import { signInWithForm } from './support/sign-in'

test('verified while signed in: the next step is to create or join my company, with the kind already chosen', async ({ page }) => {
  const email = `onboarding-${randomUUID().slice(0, 8)}@exemple.test`
  const password = 'les pipes de Saint-Claude sont belles'
  await page.goto('/inscription')
  await page.getByLabel('Prénom et nom').fill('Inès Moreau')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByLabel('Industriel').check()
  await page.getByLabel('J’accepte les conditions d’utilisation', { exact: false }).check()
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail')

  await page.goto('/connexion')
  await signInWithForm(page, email, password)
  await expect(page.getByRole('link', { name: 'Mon compte (Inès Moreau)' })).toBeVisible()

  await page.goto(linkIn(await waitForMail(email), '/verifier-email/'))
  await expect(page.getByRole('status').filter({ hasText: 'est vérifiée' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Rejoindre une entreprise déjà inscrite' })).toHaveAttribute('href', '/organisations?type=company')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Créer ou rejoindre mon entreprise' }).click()
  await expect(page).toHaveURL(/\/organisations\/nouvelle\?type=company$/)
  await expect(page.getByLabel('Type d’organisation (obligatoire)')).toHaveValue('company')
})

test('from the need form, create my company and come back to the need form, which names it', async ({ page, context, baseURL }) => {
  const user = await createTestUser({ name: 'Paul Girod' })
  await signInAs(context, user.id, baseURL!)
  await page.goto('/besoins/nouveau')
  await expect(page.getByRole('heading', { name: 'Rattachez-vous d’abord à une entreprise' })).toBeVisible()
  await page.getByRole('link', { name: 'Créer la fiche de mon entreprise' }).click()
  await expect(page.getByText('Une fois l’organisation créée, vous reviendrez là où vous en étiez.')).toBeVisible()

  const name = `Lunetterie Girod ${randomUUID().slice(0, 4)}`
  await page.getByLabel('Nom (obligatoire)').fill(name)
  await expect(page.getByLabel('Type d’organisation (obligatoire)')).toHaveValue('company')
  await page.getByLabel('Présentation').fill('Lunettes en acétate fabriquées dans le Haut-Jura.')
  await page.getByRole('checkbox', { name: 'Matériaux composites' }).check()
  await page.getByRole('combobox', { name: /Commune/ }).fill('Saint-Claude')
  await page.getByRole('option', { name: /^Saint-Claude \(39\)/ }).click()
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()

  await expect(page).toHaveURL(/\/besoins\/nouveau$/)
  await expect(page.getByText(`L’organisation « ${name} » est créée.`)).toBeVisible()
  await expect(page.getByText(`Besoin déposé au nom de ${name}.`)).toBeVisible()
  await expectAccessible(page)
})
