import { expect, test } from './fixtures'
import { accountButton } from './support/header'
import { createTestUser, signInAs } from './support/db'

test('a signed-in person sees their name and a sign-out button in the header', async ({ page, context, baseURL }) => {
  const user = await createTestUser({ name: 'Claire Martin', role: 'industrialist' })
  await signInAs(context, user.id, baseURL!)
  await page.goto('/')
  await expect(accountButton(page, 'Claire Martin')).toBeVisible()
  await accountButton(page, 'Claire Martin').click()
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
})

test('an anonymous visitor is offered to sign in or create an account', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Créer un compte' })).toBeVisible()
})
