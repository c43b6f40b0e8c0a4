import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { addMember } from './support/marketplace'

/**
 * The search page against the e2e server's real Meilisearch: data is written straight into
 * MongoDB and reaches the index through the app's change-stream sync.
 */
const place = { communeCode: '39478', communeName: 'Saint-Claude', departementCode: '39', departementName: 'Jura', regionCode: '27', regionName: 'Bourgogne-Franche-Comté' }
const oyonnax = { communeCode: '01283', communeName: 'Oyonnax', departementCode: '01', departementName: 'Ain', regionCode: '84', regionName: 'Auvergne-Rhône-Alpes' }

async function arrangeNeeds() {
  const db = await e2eDb()
  const unique = randomUUID().slice(0, 6)
  // A made-up word only these two needs contain, so the test sees just them.
  const marker = `zorblax${unique}`
  const now = new Date()
  const { insertedId: companyId } = await db.collection('organisations').insertOne({
    slug: `e2e-search-${unique}`,
    name: `Plasturgie Test ${unique}`,
    kind: 'company',
    description: '',
    domains: [],
    keywords: [],
    equipment: [],
    filieres: [],
    location: place,
    territories: ['haut-jura'],
    contacts: [],
    memberOf: [],
    fictional: true,
    createdAt: now,
    updatedAt: now,
  })
  const need = (title: string, summary: string, domains: string[], category: string) => ({
    companyOrgId: companyId,
    createdBy: new mongoose.Types.ObjectId(),
    title,
    summary,
    description: '',
    category,
    domains,
    confidentiality: 'public',
    status: 'published',
    publishedAt: now,
    location: place,
    territory: 'haut-jura',
    spaces: [],
    history: [],
    proposalsReceived: 0,
    createdAt: now,
    updatedAt: now,
  })
  const additive = `Moules en fabrication additive ${unique}`
  const cobot = `Cobot de palettisation ${unique}`
  await db.collection('needs').insertMany([
    need(additive, `Qualifier des inserts métalliques pour nos moules (${marker}).`, ['additive-manufacturing'], 'technical'),
    need(cobot, `Automatiser la fin de ligne avec un bras collaboratif (${marker}).`, ['robotics'], 'process'),
  ])
  return { marker, additive, cobot, companyId: String(companyId) }
}

/** The sync is asynchronous: reload until the index has caught up (with a deadline). */
async function openWhenIndexed(page: Page, url: string, title: string) {
  await expect(async () => {
    await page.goto(url)
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 20_000 })
}

test('a typo query "impresion 3d" finds a need about "fabrication additive"', async ({ page }) => {
  const { additive } = await arrangeNeeds()
  await openWhenIndexed(page, '/recherche?q=impresion+3d', additive)
  await expect(page.getByRole('searchbox', { name: 'Mots-clés' })).toHaveValue('impresion 3d')
})

test('facets narrow the results, live in the URL, and the back button restores them', async ({ page }) => {
  const { marker, additive, cobot } = await arrangeNeeds()
  await openWhenIndexed(page, `/recherche?q=${marker}`, cobot)
  await expect(page.getByRole('link', { name: additive })).toBeVisible()
  await expect(page.getByText('2 résultats pour')).toBeVisible()

  await page.getByRole('group', { name: 'Domaines technologiques' }).getByLabel(/Robotique & cobotique \(1\)/).check()
  await expect(page).toHaveURL(/domain=robotics/)
  await expect(page.getByRole('link', { name: additive })).toHaveCount(0)
  await expect(page.getByRole('link', { name: cobot })).toBeVisible()
  await expect(page.getByText('1 résultat pour')).toBeVisible()

  await page.goBack()
  await expect(page).not.toHaveURL(/domain=robotics/)
  await expect(page.getByRole('link', { name: additive })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Domaines technologiques' }).getByLabel(/Robotique & cobotique/)).not.toBeChecked()
})

test('results follow the typing, and the URL can be shared', async ({ page }) => {
  const { marker, cobot } = await arrangeNeeds()
  await openWhenIndexed(page, `/recherche?q=${marker}`, cobot)
  await page.goto('/recherche')
  // Live searches read the JSON endpoint, not a route navigation's single-fetch payload.
  const liveAnswer = page.waitForResponse((response) => response.url().includes(`/api/recherche?`) && response.url().includes(marker))
  await page.getByRole('searchbox', { name: 'Mots-clés' }).pressSequentially(`palettisation ${marker}`)
  await expect(page.getByRole('link', { name: cobot })).toBeVisible()
  expect((await liveAnswer).headers()['content-type']).toContain('application/json')
  await expect(page).toHaveURL(new RegExp(`q=palettisation\\+${marker}`))
  // The matched word is highlighted (rendered as text in <mark>).
  await expect(page.locator('.search-hit mark', { hasText: 'palettisation' }).first()).toBeVisible()
})

test('an empty result offers suggestions and the other kind of entry', async ({ page }) => {
  await page.goto('/recherche?q=qwxzqwxzqwxz')
  await expect(page.getByRole('heading', { name: 'Aucun résultat' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Chercher parmi les organisations' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'impression 3D' })).toBeVisible()
})

test('without JavaScript, the GET form searches and filters', async ({ page, browser, baseURL }) => {
  const { marker, additive, cobot } = await arrangeNeeds()
  await openWhenIndexed(page, `/recherche?q=${marker}`, additive)
  // A second browser with JavaScript off (axe needs scripts, so this page is checked with JS on above).
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  const noJs = await context.newPage()
  await noJs.goto('/recherche')
  await noJs.getByRole('searchbox', { name: 'Mots-clés' }).fill(marker)
  await noJs.getByRole('button', { name: 'Rechercher' }).click()
  await expect(noJs.getByRole('link', { name: cobot })).toBeVisible()
  await expect(noJs.getByRole('link', { name: additive })).toBeVisible()

  await noJs.getByRole('group', { name: 'Catégorie' }).getByLabel(/Technique \(1\)/).check()
  await noJs.getByRole('button', { name: 'Appliquer les filtres' }).click()
  await expect(noJs).toHaveURL(/category=technical/)
  await expect(noJs.getByRole('link', { name: additive })).toBeVisible()
  await expect(noJs.getByRole('link', { name: cobot })).toHaveCount(0)
  await context.close()
})

test('the organisations switch searches profiles, filtered by kind', async ({ page }) => {
  const db = await e2eDb()
  const unique = randomUUID().slice(0, 6)
  const name = `Laboratoire cobotique ${unique}`
  const now = new Date()
  await db.collection('organisations').insertOne({
    slug: `e2e-lab-${unique}`,
    name,
    kind: 'lab',
    description: `Robots collaboratifs et ergonomie (${unique}).`,
    domains: ['robotics'],
    keywords: ['cobot'],
    equipment: [],
    trlMin: 3,
    trlMax: 6,
    filieres: [],
    location: place,
    territories: [],
    contacts: [],
    memberOf: [],
    verifiedAt: now,
    fictional: true,
    createdAt: now,
    updatedAt: now,
  })
  await openWhenIndexed(page, `/recherche?type=organisations&q=${unique}`, name)
  await page.getByRole('group', { name: 'Type d’organisation' }).getByLabel(/Laboratoire \(1\)/).check()
  await expect(page).toHaveURL(/kind=lab/)
  await expect(page.getByRole('link', { name })).toBeVisible()
})

/** A lab or centre profile in Oyonnax (Ain), about 20 km from the needs' Saint-Claude. */
async function arrangeLab(kind: 'lab' | 'technology_centre', name: string, keywords: string[] = []) {
  const db = await e2eDb()
  const now = new Date()
  const { insertedId } = await db.collection('organisations').insertOne({
    slug: `e2e-partner-${randomUUID().slice(0, 8)}`,
    name,
    kind,
    description: 'Cobotique.',
    domains: ['robotics'],
    keywords,
    equipment: [],
    trlMin: 3,
    trlMax: 6,
    filieres: [],
    location: oyonnax,
    territories: [],
    contacts: [],
    memberOf: [],
    verifiedAt: now,
    fictional: true,
    createdAt: now,
    updatedAt: now,
  })
  return String(insertedId)
}

test('the need page suggests partners to its company, with the reasons and the distance', async ({ page, context, baseURL }) => {
  const db = await e2eDb()
  const { cobot, companyId } = await arrangeNeeds()
  const lab = `Laboratoire robotique de l’Ain ${randomUUID().slice(0, 6)}`
  await arrangeLab('lab', lab)
  const need = await db.collection('needs').findOne({ title: cobot })
  await db.collection('needs').updateOne({ _id: need!._id }, { $set: { trlTarget: 5, trlCurrent: 3 } })
  const member = await createTestUser({ name: 'Industrielle Suggestions' })
  await addMember(companyId, member.id)
  await signInAs(context, member.id, baseURL!)

  await expect(async () => {
    await page.goto(`/besoins/${String(need!._id)}`)
    await expect(page.getByRole('link', { name: lab })).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 20_000 })
  const item = page.getByRole('region', { name: 'Partenaires suggérés' }).getByRole('listitem').filter({ hasText: lab })
  await expect(item).toContainText('Domaines en commun : Robotique & cobotique')
  await expect(item).toContainText('TRL dans sa plage')
  // Saint-Claude → Oyonnax, from the communes' coordinates.
  await expect(item).toContainText('À 20 km')
})

test('a visitor sees no suggested partners on a need page', async ({ page }) => {
  const db = await e2eDb()
  const { cobot } = await arrangeNeeds()
  const need = await db.collection('needs').findOne({ title: cobot })
  await page.goto(`/besoins/${String(need!._id)}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cobot)
  await expect(page.getByRole('region', { name: 'Partenaires suggérés' })).toHaveCount(0)
})

test('a centre member finds "besoins pour vous" on their proposals page, with the distance', async ({ page, context, baseURL }) => {
  const { cobot } = await arrangeNeeds()
  const unique = cobot.split(' ').at(-1)!
  const centreId = await arrangeLab('technology_centre', `Centre cobotique ${unique}`, [unique])
  const researcher = await createTestUser({ name: 'Chercheuse Suggestions' })
  await addMember(centreId, researcher.id)
  await signInAs(context, researcher.id, baseURL!)

  await expect(async () => {
    await page.goto('/mes-propositions')
    await expect(page.getByRole('link', { name: cobot })).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 20_000 })
  const item = page.getByRole('region', { name: 'Besoins pour vous' }).getByRole('listitem').filter({ hasText: cobot })
  await expect(item).toContainText('Domaines en commun : Robotique & cobotique')
  await expect(item).toContainText('À 20 km')
})

test('"près de" limits the profiles to a radius around a commune and says how far each one is', async ({ page }) => {
  const unique = randomUUID().slice(0, 6)
  const near = `Plateforme cobotique de l’Ain ${unique}`
  const far = `Centre robotique ligérien ${unique}`
  await arrangeLab('lab', near, [`zorblax${unique}`])
  const db = await e2eDb()
  const farId = await arrangeLab('technology_centre', far, [`zorblax${unique}`])
  const cholet = { communeCode: '49099', communeName: 'Cholet', departementCode: '49', departementName: 'Maine-et-Loire', regionCode: '52', regionName: 'Pays de la Loire' }
  await db.collection('organisations').updateOne({ _id: new mongoose.Types.ObjectId(farId) }, { $set: { location: cholet } })

  // Both indexed (the far one with its new place) before narrowing.
  await expect(async () => {
    await page.goto(`/recherche?type=organisations&q=zorblax${unique}&near=Cholet+49&radius=25`)
    await expect(page.getByRole('link', { name: far })).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 20_000 })
  await openWhenIndexed(page, `/recherche?type=organisations&q=zorblax${unique}`, near)

  await page.getByLabel('Près de (commune ou code postal)').fill('Saint-Claude 39')
  await expect(page).toHaveURL(/near=Saint-Claude/)
  await expect(page.getByRole('status').filter({ hasText: 'Autour de Saint-Claude (39), dans un rayon de 50 km.' })).toBeVisible()
  const hit = page.getByRole('listitem').filter({ hasText: near })
  await expect(hit).toContainText('À 20 km')
  await expect(page.getByRole('link', { name: far })).toHaveCount(0)

  await page.getByLabel('Dans un rayon de').selectOption('200')
  await expect(page).toHaveURL(/radius=200/)
  await expect(page.getByRole('link', { name: far })).toHaveCount(0)

  // A name several communes share: the page asks which one, with links.
  await page.goto(`/recherche?type=organisations&q=zorblax${unique}&near=Saint-Martin`)
  await expect(page.getByRole('alert')).toContainText('Plusieurs communes s’appellent « Saint-Martin »')
})
