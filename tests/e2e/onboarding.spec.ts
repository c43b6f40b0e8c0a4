import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { linkIn, waitForMail } from './support/mail'
import { accountButton } from './support/header'
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
  await expect(accountButton(page, 'Inès Moreau')).toBeVisible()

  await page.goto(linkIn(await waitForMail(email), '/verifier-email/'))
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'est vérifiée' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Rejoindre une entreprise déjà inscrite' })).toHaveAttribute('href', '/organisations?type=company')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Créer ou rejoindre mon entreprise' }).click()
  await expect(page).toHaveURL(/\/organisations\/nouvelle\?type=company$/)
  await expect(page.getByLabel('Type d’organisation (obligatoire)')).toHaveValue('company')
})

test('from the need form, create my company in Morez and come back to the need form, which names it; Morez stays visible', async ({ page, context, baseURL }) => {
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
  // Morez is a commune déléguée of Hauts de Bienne and shares its code: the name chosen is kept.
  await page.getByRole('combobox', { name: /Commune/ }).fill('Morez')
  await page.getByRole('option', { name: /^Morez – Hauts de Bienne \(39\)/ }).click()
  await page.getByRole('button', { name: 'Créer l’organisation' }).click()

  await expect(page).toHaveURL(/\/besoins\/nouveau$/)
  await expect(page.getByText(`L’organisation « ${name} » est créée.`)).toBeVisible()
  await expect(page.getByText(`Besoin déposé au nom de ${name}.`)).toBeVisible()
  await expect(page.getByRole('combobox', { name: /Commune/ })).toHaveValue('Morez – Hauts de Bienne (39)')
  await expectAccessible(page)

  const org = await (await e2eDb()).collection('organisations').findOne({ name })
  expect(org?.location).toMatchObject({ communeCode: '39368', communeName: 'Hauts de Bienne', delegatedName: 'Morez' })
  await page.goto(`/organisations/${org!.slug}`)
  await expect(page.getByText('Morez – Hauts de Bienne (39)')).toBeVisible()
})
