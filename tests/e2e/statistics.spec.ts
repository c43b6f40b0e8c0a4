import { expect, test } from './fixtures'

/**
 * The public statistics and the open data: the page with its charts and tables (axe on each page,
 * through the fixtures), the period picker, every download link answering its file with the schema
 * and licence in its headers, and the clear 400 / 404 on bad addresses.
 */
test('/statistiques shows each breakdown as a chart and a table, reachable from the footer, with a period picker', async ({ page }) => {
  await page.goto('/besoins')
  await page.getByRole('navigation', { name: 'Informations légales et aide' }).getByRole('link', { name: 'Statistiques' }).click()
  await expect(page).toHaveURL('/statistiques')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiques publiques')
  await expect(page).toHaveTitle('Statistiques publiques — Passerelle')
  for (const dimension of ['Par mois', 'Par Territoire d’industrie', 'Par filière', 'Par domaine technologique']) {
    await expect(page.getByRole('heading', { level: 2, name: dimension })).toBeVisible()
    const table = page.getByRole('table', { name: `Chiffres détaillés — ${dimension}` })
    await expect(table.getByRole('columnheader', { name: 'Répondus sous 3 jours' })).toBeVisible()
  }
  await expect(page.getByRole('table', { name: 'Chiffres détaillés — Par mois' }).getByRole('row')).toHaveCount(13)
  // A territory without 3 needs shows no figure.
  const leMans = page.getByRole('table', { name: 'Chiffres détaillés — Par Territoire d’industrie' }).getByRole('row', { name: /Le Mans/ })
  await expect(leMans.getByRole('cell').first()).toHaveText('moins de 3')

  await page.getByLabel('Dernier mois affiché').selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Afficher' }).click()
  await expect(page).toHaveURL(/\/statistiques\?mois=\d{4}-\d{2}$/)
  await expect(page.getByRole('table', { name: 'Chiffres détaillés — Par mois' }).getByRole('row')).toHaveCount(13)
  // The download links keep the period.
  await expect(page.getByRole('link', { name: 'CSV — Par mois' })).toHaveAttribute('href', /^\/donnees-ouvertes\/statistiques-par-mois\.csv\?mois=\d{4}-\d{2}$/)
})

test('every open dataset downloads as CSV and JSON, with its Table Schema and the licence', async ({ page }) => {
  await page.goto('/statistiques')
  await page.getByRole('link', { name: 'Voir les données ouvertes' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données ouvertes')
  await expect(page.getByRole('link', { name: 'Lire la Licence Ouverte 2.0' })).toHaveAttribute('href', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/')
  const hrefs = await page.locator('.datasets a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  expect(hrefs).toHaveLength(15)
  for (const href of hrefs) {
    const response = await page.request.get(href)
    expect(response.status(), href).toBe(200)
    expect(response.headers().link, href).toContain('rel="license"')
    if (href.endsWith('.csv')) {
      expect(response.headers()['content-type']).toContain('text/csv')
      expect(response.headers().link).toContain(href.replace('.csv', '.schema.json'))
    } else {
      const body = (await response.json()) as { donnees?: unknown[]; fields?: unknown[] }
      expect(href.endsWith('.schema.json') ? body.fields : body.donnees, href).toBeInstanceOf(Array)
    }
  }
  // A real download from the statistics page.
  await page.goto('/statistiques')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'CSV — Par filière' }).click()
  expect((await download).suggestedFilename()).toBe('statistiques-par-filiere.csv')
})

test('a bad address is a clear 400 or 404, never a server error', async ({ page }) => {
  const refused = [
    ['/statistiques?mois=2026-13', 'Ce mois n’existe pas ou précède 2020'],
    ['/statistiques?territoire=haut-jura', 'Cette adresse contient un paramètre inconnu'],
    ['/statistiques?mois=2999-01', 'Ce mois n’est pas encore commencé'],
    [`/statistiques?mois=${'x'.repeat(3000)}`, 'Cette adresse est trop longue'],
  ] as const
  for (const [path, sentence] of refused) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(400)
    await expect(page.getByText(sentence)).toBeVisible()
    await expect(page.getByText('mois=AAAA-MM')).toBeVisible()
  }
  const unknown = await page.request.get('/donnees-ouvertes/inconnu.csv')
  expect(unknown.status()).toBe(404)
  expect(await unknown.text()).toContain('Ce jeu de données n’existe pas')
  const badMonth = await page.request.get('/donnees-ouvertes/statistiques-par-mois.json?mois=2026-00')
  expect(badMonth.status()).toBe(400)
  expect(await badMonth.text()).toContain('Ce mois n’existe pas')
})
