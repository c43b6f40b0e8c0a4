import type { Page } from '@playwright/test'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { e2eDb } from './support/db'

/**
 * The map of needs and competences (issue 20) against the e2e server's real Meilisearch: three
 * photonics needs in Lozère (where the demo data has none) reach the index through the app's
 * change-stream sync; the map counts them, names the area, and leads to the filtered search.
 */
const mende = { communeCode: '48095', communeName: 'Mende', departementCode: '48', departementName: 'Lozère', regionCode: '76', regionName: 'Occitanie' }
const MAP = '/recherche/carte?domain=photonics'
const lozere = /^Lozère : 3 besoins/

const SLUG = 'e2e-map-optique-lozere'

/** Once per server: a worker restarted after a failure finds the company there and adds nothing. */
let arranged: Promise<void> | undefined
function arrangeLozere() {
  arranged ??= (async () => {
    const db = await e2eDb()
    if (await db.collection('organisations').findOne({ slug: SLUG })) return
    const now = new Date()
    const { insertedId: companyId } = await db.collection('organisations').insertOne({
      slug: SLUG,
      name: 'Optique Lozère (fictive)',
      kind: 'company',
      description: '',
      domains: [],
      keywords: [],
      equipment: [],
      filieres: [],
      location: mende,
      territories: [],
      contacts: [],
      memberOf: [],
      fictional: true,
      createdAt: now,
      updatedAt: now,
    })
    await db.collection('needs').insertMany(
      [1, 2, 3].map((index) => ({
        companyOrgId: companyId,
        createdBy: new mongoose.Types.ObjectId(),
        title: `Mesure laser de pièces ${index}`,
        summary: 'Contrôler des surfaces par photonique.',
        description: '',
        category: 'technical',
        domains: ['photonics'],
        confidentiality: 'public',
        status: 'published',
        publishedAt: now,
        location: mende,
        territory: null,
        spaces: [],
        history: [],
        proposalsReceived: 0,
        createdAt: now,
        updatedAt: now,
      })),
    )
  })()
  return arranged
}

const layers = (page: Page) => page.getByRole('navigation', { name: 'Afficher' })

/** The sync is asynchronous: reload until the map counts the three needs (with a deadline). */
async function openWhenCounted(page: Page, url: string) {
  await arrangeLozere()
  await page.goto(url)
  // Reloads are not checked by axe (the first load was): each attempt stays quick.
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('link', { name: lozere })).toBeAttached({ timeout: 500 })
  }).toPass({ timeout: 30_000 })
}

test('the map names each area with its counts, and Tab then Enter on an area opens the filtered search', async ({ page }) => {
  await openWhenCounted(page, MAP)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carte des besoins et des compétences')
  await expect(page.getByRole('group', { name: 'Carte de France métropolitaine par département' })).toBeVisible()
  // Fewer than 3 reads « moins de 3 », never the number.
  await expect(page.getByRole('link', { name: /^Cantal : moins de 3 besoins, / })).toBeAttached()
  await expect(page.getByText('Couleur : nombre de besoins')).toBeVisible()

  // From the last control before the map, Tab walks the areas (in code order) until Lozère.
  await layers(page).getByRole('link', { name: 'Compétences', exact: true }).focus()
  let focused = ''
  for (let presses = 0; presses < 150 && !lozere.test(focused); presses++) {
    await page.keyboard.press('Tab')
    focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')
  }
  expect(focused).toMatch(lozere)
  // The focus is visible: the area's outline is drawn black and thick.
  const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('path')!).strokeWidth)
  expect(stroke).toBe('3px')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/recherche\?type=needs&domain=photonics&departement=Loz%C3%A8re$/)
  await expect(page.getByText('3 résultats')).toBeVisible()
})

test('the toggle shows needs, competences or both, keeping the filters', async ({ page }) => {
  await openWhenCounted(page, MAP)
  await layers(page).getByRole('link', { name: 'Compétences', exact: true }).click()
  await expect(page).toHaveURL(/layer=competences&domain=photonics/)
  await expect(layers(page).getByRole('link', { name: 'Compétences', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('link', { name: /^Lozère : moins de 3 organisations$/ })).toBeAttached()
  await expect(page.getByText('Couleur : nombre d’organisations')).toBeVisible()
  await layers(page).getByRole('link', { name: 'Besoins', exact: true }).click()
  await expect(page).toHaveURL(/layer=needs&domain=photonics/)
  await expect(page.getByRole('link', { name: lozere })).toHaveAttribute('aria-label', /^Lozère : 3 besoins( — besoins sans compétence à proximité)?$/)
})

test('the table behind « Voir le tableau » says the same, and the search page links to the map', async ({ page }) => {
  await openWhenCounted(page, MAP)
  await page.getByText('Voir le tableau').click()
  const row = page.getByRole('row', { name: /Lozère \(48\)/ })
  await expect(row.getByRole('cell').first()).toHaveText('3')
  await expect(page.getByRole('table', { name: 'Besoins et organisations par Territoire d’industrie' })).toBeVisible()
  await page.goto('/recherche')
  await page.getByRole('link', { name: 'Voir la carte des besoins et des compétences' }).click()
  await expect(page).toHaveURL(/\/recherche\/carte$/)
})

test('without JavaScript the map, its toggle and its filters work', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  const page = await context.newPage()
  await openWhenCounted(page, MAP)
  await layers(page).getByRole('link', { name: 'Compétences', exact: true }).click()
  await expect(page).toHaveURL(/layer=competences/)
  // A filter is chosen: the « Filtres » disclosure is open from the start.
  await expect(page.locator('details.map-filters')).toHaveAttribute('open', '')
  await page.getByRole('group', { name: 'TRL' }).getByLabel('TRL 5').check()
  await page.getByRole('button', { name: 'Mettre à jour la carte' }).click()
  await expect(page).toHaveURL(/layer=competences&domain=photonics&trl=5/)
  await page.getByRole('link', { name: /^Lozère : / }).click()
  await expect(page).toHaveURL(/\/recherche\?type=organisations&domain=photonics&trl=5&kind=lab/)
  // axe-core needs JavaScript; the same page is checked with it in the tests above.
  await context.close()
})

test('a bad map address answers a clear 400, never a server error', async ({ page }) => {
  for (const [query, message] of [
    ['?trl=12', 'valeur de filtre qui n’existe pas'],
    ['?couleur=rouge', 'filtre inconnu'],
    [`?domain=${'ai&domain='.repeat(300)}ai`, 'trop longue'],
  ] as const) {
    const response = await page.goto(`/recherche/carte${query}`)
    expect(response?.status()).toBe(400)
    await expect(page.getByText(message)).toBeVisible()
  }
  await page.getByRole('link', { name: 'Revenir à la carte sans filtre' }).click()
  await expect(page).toHaveURL(/\/recherche\/carte$/)
})
