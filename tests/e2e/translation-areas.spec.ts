import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Issue 16: a page downloads its language's translation areas only, and the server starts those
 * downloads from the head (app/i18n/area-preloads.tsx) instead of leaving them to the modules,
 * which fetch them once they run. The page must still hydrate cleanly (no console error: the
 * fixture) and work, and each area must come once.
 */
async function areaRequests(page: Page, path: string) {
  const requested: string[] = []
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname
    if (file.startsWith('/assets/i18n-')) requested.push(file)
  })
  await page.goto(path)
  const headScript = await page.locator('head script').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? '').join('\n'))
  const started = [...headScript.matchAll(/import\("(\/assets\/i18n-[^"]+)"\)/g)].map((match) => match[1]!)
  return { requested, started }
}

test('the search page starts its French areas from the head, once each, and works', async ({ page }) => {
  const { requested, started } = await areaRequests(page, '/recherche')
  const areas = started.map((file) => file.match(/^\/assets\/i18n-(\w+)-(\w+)-/)!.slice(1).join(' '))
  expect(areas).toEqual(expect.arrayContaining(['fr common', 'fr search', 'fr needs']))
  // Organisation kinds and badges are common texts; proposals are shown on need pages only.
  expect(areas).not.toEqual(expect.arrayContaining(['fr orgs']))
  expect(areas).not.toEqual(expect.arrayContaining(['fr proposals']))
  expect(areas.every((area) => area.startsWith('fr '))).toBe(true)
  expect([...requested].sort()).toEqual([...new Set(requested)].sort())
  expect(requested).toEqual(expect.arrayContaining(started))
  await page.getByRole('searchbox', { name: 'Mots-clés' }).fill('vision')
  await expect(page).toHaveURL(/q=vision/)
})

test('in English, the head starts the English areas only', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: /^EN/ }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const { requested, started } = await areaRequests(page, '/recherche')
  expect(started.length).toBeGreaterThan(3)
  expect(started.every((file) => file.startsWith('/assets/i18n-en-'))).toBe(true)
  expect(requested.every((file) => file.startsWith('/assets/i18n-en-'))).toBe(true)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Search/)
})

test('a language chosen in another tab reaches this one when its data is next revalidated, without a reload', async ({ page, context }) => {
  await page.goto('/')
  await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true))
  const otherTab = await context.newPage()
  await otherTab.goto('/')
  await otherTab.getByRole('button', { name: /^EN/ }).click()
  await expect(otherTab.locator('html')).toHaveAttribute('lang', 'en')
  await otherTab.close()

  // Following a link to the page one is on asks every loader again, the root's (and its language) included.
  await page.getByRole('link', { name: 'Passerelle, accueil' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your industrial need, the right research experts')
  await expect(page.getByRole('link', { name: 'Passerelle, home' })).toBeVisible()
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true)
})
