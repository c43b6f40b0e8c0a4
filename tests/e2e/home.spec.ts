import { expect, expectAccessible, test } from './fixtures'

test('the home page is the front door of Passerelle, in French', async ({ page }) => {
  const response = await page.goto('/')
  expect(response?.status()).toBe(200)
  await expect(page).toHaveTitle(/Passerelle/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre besoin industriel, les bons experts de la recherche')
  await expect(page.getByRole('heading', { name: 'Comment ça marche' })).toBeVisible()
  await expect(page.getByText('Fabrication additive (impression 3D)')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible()
})

test('the TRL explanation opens in an accessible dialog and closes with Escape', async ({ page }) => {
  await page.goto('/')
  const opener = page.getByRole('button', { name: 'Qu’est-ce qu’un TRL ?' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Le TRL, niveau de maturité technologique' })
  await expect(dialog).toBeVisible()
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await opener.click()
  await dialog.getByRole('button', { name: 'Fermer' }).click()
  await expect(dialog).toBeHidden()
})

test('the language switch turns the interface to English and back, with a notice', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: /EN/ }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your industrial need, the right research experts')
  await expect(page.getByRole('status').filter({ hasText: 'The interface language is now: English.' })).toBeVisible()
  await expectAccessible(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your industrial need, the right research experts')

  await page.getByRole('button', { name: /FR/ }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByText('La langue de l’interface est maintenant : Français.')).toBeVisible()
})

test('the language switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('button', { name: /EN/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your industrial need, the right research experts')
  // axe-core needs JavaScript; the same page is checked with it in the test above.
  await context.close()
})

test('an unknown address answers 404 with a French page', async ({ page }) => {
  const response = await page.goto('/cette-page-n-existe-pas')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable')
  await expect(page.getByRole('link', { name: 'Revenir à l’accueil' })).toBeVisible()
})

test('the page is usable on a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('/healthz reports every service up on a running instance', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ status: 'ok', down: [] })
})

test('each persona has a first step from the front door', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Voir les besoins publiés' }).click()
  await expect(page).toHaveURL(/\/besoins$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.goto('/')
  await page.getByRole('link', { name: 'Déposer un besoin' }).click()
  // Posting a need needs an account: the sign-in page brings the person back afterwards.
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fbesoins%2Fnouveau$/)
})
