import { expect, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'

test('an admin appoints an animator for a territory, who then finds the animation workspace', async ({ page, browser, context, baseURL }) => {
  const admin = await createTestUser({ role: 'admin', name: 'Alice Admin' })
  const future = await createTestUser({ role: 'researcher', name: 'Bastien Futur-Animateur' })
  await signInAs(context, admin.id, baseURL!)
  await page.goto('/')
  await page.getByRole('link', { name: 'Administration' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Animateurs')

  // Nothing chosen: the form says what is missing, next to the field.
  await page.getByLabel('Adresse e-mail du compte (obligatoire)').fill(future.email)
  await page.getByRole('button', { name: 'Nommer' }).click()
  await expect(page.getByText('Choisissez au moins un territoire, un cluster ou un pôle.')).toBeVisible()

  await page.getByRole('group', { name: 'Territoires d’industrie' }).getByLabel('Laval-Loiron').check()
  await page.getByRole('button', { name: 'Nommer' }).click()
  await expect(page.getByText('Le rôle d’animateur est attribué et son périmètre enregistré.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Bastien Futur-Animateur' })).toBeVisible()

  const other = await browser.newContext({ baseURL })
  await signInAs(other, future.id, baseURL!)
  const animatorPage = await other.newPage()
  await animatorPage.goto('/')
  await animatorPage.getByRole('link', { name: 'Animation' }).click()
  await expect(animatorPage).toHaveURL(/\/animation$/)
  await other.close()
})

test('someone who is not an admin is refused the page', async ({ page, context, baseURL }) => {
  const animator = await createTestUser({ role: 'animator' })
  await signInAs(context, animator.id, baseURL!)
  const response = await page.goto('/admin/animateurs')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé')
})
