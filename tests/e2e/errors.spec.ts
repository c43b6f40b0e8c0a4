import { expect, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'

test('a tampered form answers 400 with a French explanation, not a generic crash page', async ({ page, context, baseURL }) => {
  const user = await createTestUser()
  await signInAs(context, user.id, baseURL!)
  await page.goto('/compte')
  // What a hand-crafted request would send: an action the page does not know.
  await page.evaluate(() => {
    const form = document.createElement('form')
    form.method = 'post'
    form.action = '/compte?index'
    const intent = document.createElement('input')
    intent.name = 'intent'
    intent.value = 'inconnue'
    form.append(intent)
    document.body.append(form)
    form.submit()
  })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demande invalide')
  await expect(page.getByText('Revenez en arrière et vérifiez ce que vous avez saisi.')).toBeVisible()
})
