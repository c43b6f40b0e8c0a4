import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { addMember, createOrganisation, createPublishedNeed } from './support/marketplace'

test('a company posts a need, a lab proposes, the company shortlists then accepts, and both see the project', async ({ page, context, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Industrielle ${unique}` })
  const researcher = await createTestUser({ role: 'researcher', name: `Inès Chercheuse ${unique}` })
  const companyId = await createOrganisation('company', `Plasturgie du Jura ${unique} (fictive)`)
  const labId = await createOrganisation('lab', `Laboratoire Vision ${unique}`)
  await addMember(companyId, industrialist.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const title = `Contrôle qualité par vision ${unique}`

  // The company posts the short first version and publishes it.
  await signInAs(context, industrialist.id, baseURL!)
  await page.goto('/besoins')
  await page.getByRole('main').getByRole('link', { name: 'Déposer un besoin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Déposer un besoin' })).toBeVisible()
  await page.getByLabel('Titre (obligatoire)').fill(title)
  await page.getByLabel('Résumé').fill('Détecter automatiquement les défauts de surface de nos pièces injectées.')
  await page.getByLabel('Catégorie').selectOption('technical')
  await page.getByRole('checkbox', { name: 'Vision industrielle' }).check()
  // The company's commune is prefilled.
  await expect(page.getByRole('combobox', { name: /Commune/ })).toHaveValue('Saint-Claude (39)')
  await page.getByRole('button', { name: 'Publier le besoin' }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Votre besoin est publié')).toBeVisible()
  await expect(page.locator('.need-header-meta')).toContainText('Publié')
  const needUrl = page.url()

  // A researcher of a lab finds it and proposes.
  await context.clearCookies()
  await signInAs(context, researcher.id, baseURL!)
  await page.goto('/besoins')
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByRole('link', { name: 'Proposer une réponse' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Proposer une réponse' })).toBeVisible()
  await page.getByLabel('Votre approche (obligatoire)').fill('Campagne d’images sur votre ligne puis modèle de détection entraîné sur notre banc.')
  await page.getByLabel('Équipe (obligatoire)').fill('Deux ingénieurs vision et une doctorante')
  await page.getByLabel('Durée (en mois) (obligatoire)').fill('6')
  await page.getByLabel('Coût estimé (obligatoire)').selectOption('50k_200k')
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await expect(page.getByText('Proposition envoyée.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Vos propositions' })).toBeVisible()
  await expect(page.locator('.proposal-card')).toContainText('Envoyée')

  // The company sees it, shortlists, then accepts.
  await context.clearCookies()
  await signInAs(context, industrialist.id, baseURL!)
  await page.goto(needUrl)
  await expect(page.locator('.need-header-meta')).toContainText('En discussion')
  const proposal = page.getByRole('article', { name: `Proposition de Laboratoire Vision ${unique}` })
  await expect(proposal).toContainText('Deux ingénieurs vision et une doctorante')
  await proposal.getByText('Décliner…').click()
  await expect(proposal.getByLabel('Raison (obligatoire)')).toBeVisible()
  await expectAccessible(page) // decisions, open decline form and aides panel
  await proposal.getByRole('button', { name: 'Présélectionner' }).click()
  await expect(page.getByText('Proposition présélectionnée')).toBeVisible()
  await expect(proposal).toContainText('Présélectionnée')
  await proposal.getByRole('button', { name: 'Accepter et lancer le projet' }).click()
  // Irreversible, so confirmed in a dialog that names the partner.
  await page.getByRole('dialog', { name: `Accepter la proposition de Laboratoire Vision ${unique} ?` }).getByRole('button', { name: /^Oui, accepter/ }).click()

  await expect(page).toHaveURL(/\/projets\/[a-f0-9]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const members = page.getByRole('region', { name: 'Membres du projet' })
  await expect(members).toContainText(industrialist.name)
  await expect(members).toContainText(researcher.name)
  const projectUrl = page.url()

  // The researcher sees the outcome in their proposals and opens the project.
  await context.clearCookies()
  await signInAs(context, researcher.id, baseURL!)
  await page.goto('/mes-propositions')
  await expect(page.getByText('Votre proposition est acceptée')).toBeVisible()
  await page.getByRole('link', { name: 'Ouvrir le projet' }).click()
  await expect(page).toHaveURL(projectUrl)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // Anyone else is told the project does not exist.
  const outsider = await createTestUser({ role: 'researcher' })
  await context.clearCookies()
  await signInAs(context, outsider.id, baseURL!)
  const response = await page.goto(projectUrl)
  expect(response?.status()).toBe(404)
})

test('an anonymous visitor sees neither an anonymised company’s name nor the members-only details', async ({ page }) => {
  const unique = randomUUID().slice(0, 6)
  const owner = await createTestUser({ role: 'industrialist' })
  const companyName = `Lunetterie Discrète ${unique} (fictive)`
  const companyId = await createOrganisation('company', companyName)
  await addMember(companyId, owner.id, 'owner')
  const title = `Traitement antireflet ${unique}`
  const needId = await createPublishedNeed(companyId, owner.id, {
    title,
    summary: 'Un traitement antireflet plus durable pour nos verres.',
    description: `Description confidentielle ${unique} : 40 000 verres par mois.`,
    confidentiality: 'anonymous',
  })

  await page.goto('/besoins')
  const card = page.getByRole('article').filter({ hasText: title })
  await expect(card).toContainText('Entreprise anonyme')
  await expect(page.getByText(companyName)).toHaveCount(0)

  const response = await page.goto(`/besoins/${needId}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Un traitement antireflet plus durable pour nos verres.')).toBeVisible()
  await expect(page.getByText('Entreprise anonymisée')).toBeVisible()
  await expect(page.getByText('réservés aux membres connectés')).toBeVisible()
  const html = await page.content()
  expect(html).not.toContain(companyName)
  expect(html).not.toContain(companyId)
  expect(html).not.toContain(`Description confidentielle ${unique}`)
  expect(html).not.toContain('Saint-Claude')
})

test.describe('without JavaScript', () => {
  test('the need form explains what is missing in French, then publishes, and the dashboard counts it', async ({ page, context, baseURL }) => {
    // Pages arrive without their scripts (as before the bundle loads on a slow line); the axe
    // check still runs, from Playwright's own isolated world.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue()
      const response = await route.fetch({ maxRedirects: 0 })
      const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link[^>]+rel="modulepreload"[^>]*>/g, '')
      return route.fulfill({ response, body })
    })
    const unique = randomUUID().slice(0, 6)
    const industrialist = await createTestUser({ role: 'industrialist' })
    const companyId = await createOrganisation('company', `Mécanique de Cholet ${unique} (fictive)`)
    await addMember(companyId, industrialist.id, 'owner')
    await signInAs(context, industrialist.id, baseURL!)
    const title = `Cobot de palettisation ${unique}`

    await page.goto('/besoins/nouveau')
    await page.getByLabel('Titre (obligatoire)').fill(title)
    await page.getByLabel('Commune').fill('Cholet')
    await page.getByRole('button', { name: 'Publier le besoin' }).click()
    await expect(page.getByText('Résumez votre besoin en une ou deux phrases.')).toBeVisible()
    await expect(page.getByText('Choisissez une catégorie.')).toBeVisible()
    await expect(page.getByText('Choisissez au moins un domaine technologique.')).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('Résumé').fill('Automatiser la palettisation en fin de ligne avec un robot collaboratif.')
    await page.getByLabel('Catégorie').selectOption('process')
    await page.getByRole('checkbox', { name: 'Robotique & cobotique' }).check()
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.locator('.need-header-meta')).toContainText('Brouillon')
    await expect(page.getByText('Maine-et-Loire')).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Publier le besoin' }).click()
    await expect(page.locator('.need-header-meta')).toContainText('Publié')
    await expect(page.getByRole('heading', { name: 'Aides possibles' })).toBeVisible()

    await page.goto('/mes-besoins')
    const counts = page.getByRole('region', { name: 'Vos besoins par statut' })
    await expect(counts.locator('.status-count').filter({ hasText: 'Publié' })).toContainText('1')
    await expect(page.getByRole('link', { name: title })).toBeVisible()
  })
})
