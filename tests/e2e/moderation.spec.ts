import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { addMember, createOrganisation } from './support/marketplace'

/** Needs of Châteaubriant wait for an animator (no other e2e test uses this territory). */
const territory = 'chateaubriant'

async function requireReviewIn(ref: string) {
  const db = await e2eDb()
  await db.collection('needreviewpolicies').updateOne(
    { 'space.kind': 'territory', 'space.ref': ref },
    { $set: { space: { kind: 'territory', ref }, needReviewRequired: true, updatedBy: null, updatedAt: new Date() }, $setOnInsert: { createdAt: new Date() } },
    { upsert: true },
  )
}

async function animatorOf(ref: string, name: string) {
  const user = await createTestUser({ role: 'animator', name })
  const db = await e2eDb()
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(user.id) }, { $set: { animates: [{ kind: 'territory', ref }] } })
  return user
}

test('an industrialist’s need waits for review, the animator of its territory approves it, it appears on /besoins and in search', async ({ page, context, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  await requireReviewIn(territory)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Hugo Industriel ${unique}` })
  const companyId = await createOrganisation('company', `Mécanique de Châteaubriant ${unique} (fictive)`)
  const db = await e2eDb()
  await db.collection('organisations').updateOne({ _id: new mongoose.Types.ObjectId(companyId) }, { $set: { territories: [territory] } })
  await addMember(companyId, industrialist.id, 'owner')
  const animator = await animatorOf(territory, `Awa Animatrice ${unique}`)
  const outsider = await animatorOf('le-mans', `Paul Animateur ${unique}`)
  const title = `Usinage de précision ${unique}`

  await signInAs(context, industrialist.id, baseURL!)
  await page.goto('/besoins/nouveau')
  await page.getByLabel('Titre (obligatoire)').fill(title)
  await page.getByLabel('Résumé').fill('Réduire les vibrations lors de l’usinage de pièces fines en aluminium.')
  await page.getByLabel('Catégorie').selectOption('technical')
  await page.getByRole('checkbox', { name: 'Vision industrielle' }).check()
  await page.getByRole('button', { name: 'Publier le besoin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.locator('.need-header-meta')).toContainText('En attente de validation')
  const needId = new URL(page.url()).pathname.split('/').at(-1)!

  // Not online yet.
  await page.goto('/besoins')
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  // Not an animator: the workspace is refused.
  const refused = await page.goto('/animation/besoins')
  expect(refused?.status()).toBe(403)

  // An animator of another territory neither sees it nor may approve it.
  await context.clearCookies()
  await signInAs(context, outsider.id, baseURL!)
  await page.goto('/animation/besoins')
  await expect(page.getByRole('heading', { level: 1, name: 'Besoins à relire' })).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  const forbidden = await page.request.post('/animation/besoins', { form: { intent: 'approve', needId } })
  expect(forbidden.status()).toBe(403)

  // The animator of Châteaubriant approves it from the queue.
  await context.clearCookies()
  await signInAs(context, animator.id, baseURL!)
  await page.goto('/')
  await page.getByRole('link', { name: 'Animation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
  await page.getByRole('navigation', { name: 'Espace animation' }).getByRole('link', { name: 'Besoins à relire' }).click()
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  await expect(item).toContainText(/Attente : 0 jour(?!s)/)
  await item.getByRole('button', { name: 'Publier' }).click()
  await expect(page.getByText('Le besoin est publié.')).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)

  // Online for everyone, in search too (the index follows within about a second), and recorded in the journal.
  await page.goto('/besoins')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await expect(async () => {
    await page.goto(`/recherche?q=${encodeURIComponent(title)}`)
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await page.goto('/animation/journal?action=need.approve')
  // A sentence with names and a link to the need, never its database id.
  const entry = page.getByRole('row').filter({ hasText: title }).first()
  await expect(entry).toContainText(`a publié le besoin ${title}`)
  await expect(entry.getByRole('link', { name: title })).toHaveAttribute('href', `/besoins/${needId}`)
  await expect(page.getByRole('table')).not.toContainText(needId)
  const csv = await page.request.get('/animation/journal.csv?action=need.approve')
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain(needId)
})

test('the dashboard renders its figures and charts with data tables; follow-up and verification queues work', async ({ page, context, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const animator = await animatorOf(territory, `Lina Animatrice ${unique}`)
  const industrialist = await createTestUser({ role: 'industrialist' })
  const companyId = await createOrganisation('company', `Fonderie ${unique} (fictive)`)
  await addMember(companyId, industrialist.id, 'owner')
  const db = await e2eDb()
  await db.collection('organisations').updateOne({ _id: new mongoose.Types.ObjectId(companyId) }, { $set: { territories: [territory] } })
  const now = new Date()
  const twelveDaysAgo = new Date(now.getTime() - 12 * 86_400_000)
  await db.collection('needs').insertOne({
    companyOrgId: new mongoose.Types.ObjectId(companyId),
    createdBy: new mongoose.Types.ObjectId(industrialist.id),
    title: `Fonderie sable ${unique}`,
    summary: 'Réduire les défauts de moulage.',
    description: '',
    category: 'process',
    domains: ['ai'],
    filiere: 'automobile',
    confidentiality: 'members',
    territory,
    spaces: [{ kind: 'territory', ref: territory }],
    status: 'published',
    closedReason: null,
    publishedAt: twelveDaysAgo,
    projectId: null,
    proposalsReceived: 0,
    history: [],
    createdAt: twelveDaysAgo,
    updatedAt: twelveDaysAgo,
  })
  await signInAs(context, animator.id, baseURL!)
  await page.goto('/animation?period=30')
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Besoins par statut' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Besoins par domaine' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Besoins par filière' })).toBeVisible()
  const statusChart = page.getByRole('figure', { name: 'Besoins par statut' })
  await statusChart.getByText('Données du graphique').click()
  await expect(statusChart.getByRole('row', { name: /Publié/ })).toBeVisible()
  await expect(page.getByLabel('Période')).toHaveValue('30')

  // Published 12 days ago without a proposal: flagged in the follow-up list.
  await page.goto('/animation/suivi')
  const flagged = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Fonderie sable ${unique}` }) })
  await expect(flagged).toContainText('Aucune proposition après 10 jours')

  // The company is not verified yet: it waits in the verification queue, oldest first.
  await page.goto('/animation/organisations')
  const company = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Fonderie ${unique} (fictive)` }) })
  await company.getByRole('button', { name: 'Vérifier' }).click()
  await expect(page.getByText('L’organisation est vérifiée.')).toBeVisible()
  await expect(page.getByRole('link', { name: `Fonderie ${unique} (fictive)` })).toHaveCount(0)
})
