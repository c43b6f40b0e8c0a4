import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { waitForMail } from './support/mail'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An organisation with its owner, written straight into the e2e server's database. */
async function createTestOrganisation(ownerId: string, name: string) {
  const db = await e2eDb()
  const slug = `e2e-${randomUUID().slice(0, 8)}`
  const now = new Date()
  const { insertedId } = await db.collection('organisations').insertOne({
    slug,
    name,
    kind: 'technology_centre',
    description: 'Centre fictif créé par un test.',
    domains: ['plastics'],
    keywords: [],
    equipment: [],
    trlMin: 4,
    trlMax: 7,
    filieres: [],
    location: { communeCode: '39478', communeName: 'Saint-Claude', departementCode: '39', departementName: 'Jura', regionCode: '27', regionName: 'Bourgogne-Franche-Comté' },
    territories: ['haut-jura'],
    website: '',
    contacts: [],
    memberOf: [],
    size: null,
    verifiedAt: null,
    verifiedBy: null,
    fictional: true,
    createdAt: now,
    updatedAt: now,
  })
  await db.collection('memberships').insertOne({ orgId: insertedId, userId: new mongoose.Types.ObjectId(ownerId), role: 'owner', listed: true, createdAt: now, updatedAt: now })
  return { id: String(insertedId), slug, name }
}


test('a researcher creates a lab profile with the commune picker and sees it publicly, not yet verified', async ({ page, context, baseURL }) => {
  const researcher = await createTestUser({ role: 'researcher', name: 'Inès Chercheuse' })
  await signInAs(context, researcher.id, baseURL!)
  const name = `Laboratoire des verres optiques ${randomUUID().slice(0, 6)}`

  await page.goto('/organisations')
  await page.getByRole('link', { name: 'Créer une organisation' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une organisation' })).toBeVisible()

  await page.getByLabel('Nom (obligatoire)').fill(name)
  await page.getByLabel('Type d’organisation (obligatoire)').selectOption('lab')
  await page.getByLabel('Présentation').fill('Traitements de surface des verres de lunettes.')
  await page.getByRole('checkbox', { name: 'Traitement de surface' }).check()
  await page.getByLabel('Mots-clés').fill('verre, traitement antireflet')
  await page.getByLabel('TRL minimum').selectOption('3')
  await page.getByLabel('TRL maximum').selectOption('6')
  await page.getByRole('checkbox', { name: 'Lunetterie' }).check()

  const commune = page.getByRole('combobox', { name: /Commune/ })
  await commune.fill('Morez')
  const option = page.getByRole('option', { name: /Morez – Hauts de Bienne \(39\)/ })
  await expect(option).toBeVisible()
  await expect(commune).toHaveAttribute('aria-expanded', 'true')
  await expectAccessible(page) // the open listbox too
  await commune.press('ArrowDown')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await commune.press('Enter')
  await expect(commune).toHaveValue('Morez – Hauts de Bienne (39)')
  await expect(commune).toHaveAttribute('aria-expanded', 'false')
  await page.getByRole('checkbox', { name: 'Haut-Jura' }).check()

  await page.getByRole('button', { name: 'Créer l’organisation' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByText(`L’organisation « ${name} » est créée.`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Modifier le profil' })).toBeVisible()
  const profileUrl = page.url()

  // What anyone sees.
  await context.clearCookies()
  await page.goto(profileUrl)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByText('Non vérifié', { exact: true })).toBeVisible()
  // Morez stays visible next to the commune nouvelle it belongs to.
  await expect(page.getByText('Morez – Hauts de Bienne (39)')).toBeVisible()
  await expect(page.getByText('Jura, Bourgogne-Franche-Comté')).toBeVisible()
  await expect(page.getByText('TRL 3 à 6')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Lunetterie' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Inès Chercheuse', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Modifier le profil' })).toHaveCount(0)

  await page.goto('/organisations?type=lab')
  await expect(page.getByRole('link', { name })).toBeVisible()
})

test('a second person asks to join, the owner accepts, and the new member appears on the profile', async ({ page, context, baseURL }) => {
  const owner = await createTestUser({ role: 'researcher', name: 'Paul Propriétaire' })
  const requester = await createTestUser({ role: 'researcher', name: 'Rita Demandeuse' })
  const org = await createTestOrganisation(owner.id, `Plateforme composites ${randomUUID().slice(0, 6)}`)

  await signInAs(context, requester.id, baseURL!)
  await page.goto(`/organisations/${org.slug}`)
  await expect(page.getByRole('link', { name: 'Rita Demandeuse', exact: true })).toHaveCount(0)
  await page.getByLabel('Message aux propriétaires (facultatif)').fill('Je rejoins l’équipe en septembre.')
  await page.getByRole('button', { name: 'Demander à rejoindre' }).click()
  await expect(page.getByText('Votre demande pour rejoindre l’organisation attend la réponse des propriétaires.')).toBeVisible()
  await waitForMail(owner.email, { subject: new RegExp(`^Rita Demandeuse demande à rejoindre « ${escapeRegExp(org.name)} »$`) })

  await context.clearCookies()
  await signInAs(context, owner.id, baseURL!)
  await page.goto(`/organisations/${org.slug}/membres`)
  await expect(page.getByText('Je rejoins l’équipe en septembre.')).toBeVisible()
  await page.getByRole('button', { name: 'Accepter la demande de Rita Demandeuse' }).click()
  await expect(page.getByText('Rita Demandeuse est maintenant membre.')).toBeVisible()
  await expect(page.getByText('Aucune demande en attente.')).toBeVisible()
  await waitForMail(requester.email, { subject: new RegExp(`^Vous avez rejoint « ${escapeRegExp(org.name)} »$`) })

  await page.goto(`/organisations/${org.slug}`)
  await page.getByRole('link', { name: 'Rita Demandeuse', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rita Demandeuse' })).toBeVisible()
  await expect(page.getByRole('link', { name: org.name })).toBeVisible()
  await expectAccessible(page)
})

test('an owner invites a colleague by e-mail, who follows the link and joins', async ({ page, context, baseURL }) => {
  const owner = await createTestUser({ role: 'researcher', name: 'Olga Propriétaire' })
  const colleague = await createTestUser({ role: 'researcher', name: 'Hugo Collègue' })
  const org = await createTestOrganisation(owner.id, `Centre invitant ${randomUUID().slice(0, 6)}`)

  await signInAs(context, owner.id, baseURL!)
  await page.goto(`/organisations/${org.slug}/membres`)
  await page.getByLabel('Adresse électronique (obligatoire)').fill(colleague.email)
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(page.getByText(`Invitation envoyée à ${colleague.email}.`)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Invitations en attente' })).toBeVisible()

  const mail = await waitForMail(colleague.email)
  const link = mail.text.match(/https?:\/\/\S+\/invitations\/[\w-]{43}/)?.[0]
  expect(link, 'invitation link in the captured mail').toBeDefined()
  const invitationPath = new URL(link!).pathname

  // Signed out: the page says whom it is from and how to go on.
  await context.clearCookies()
  await page.goto(invitationPath)
  await expect(page.getByRole('heading', { level: 1, name: `Invitation à rejoindre « ${org.name} »` })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Créer un compte' }).last()).toBeVisible()

  await signInAs(context, colleague.id, baseURL!)
  await page.goto(invitationPath)
  await page.getByRole('button', { name: 'Rejoindre l’organisation' }).click()
  await expect(page.getByText(`Bienvenue dans « ${org.name} ».`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Hugo Collègue', exact: true })).toBeVisible()
})

test('an outsider opening the edit page of an organisation is refused with 403', async ({ page, context, baseURL }) => {
  const owner = await createTestUser({ role: 'researcher' })
  const outsider = await createTestUser({ role: 'industrialist' })
  const org = await createTestOrganisation(owner.id, `Centre gardé ${randomUUID().slice(0, 6)}`)
  await signInAs(context, outsider.id, baseURL!)
  const response = await page.goto(`/organisations/${org.slug}/modifier`)
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible()

  const members = await page.goto(`/organisations/${org.slug}/membres`)
  expect(members?.status()).toBe(403)
})

test('an unknown member id and a malformed one both answer 404', async ({ page }) => {
  expect((await page.goto(`/membres/${new mongoose.Types.ObjectId().toString()}`))?.status()).toBe(404)
  expect((await page.goto('/membres/pas-un-identifiant'))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test('the create form takes a commune typed by name and asks which one when several match', async ({ page, context, baseURL }) => {
    // The app's scripts come back empty: the page stays as the server rendered it. (Turning
    // JavaScript off in the browser would also stop the axe checks, which run in the page.)
    await page.route(/\/assets\/.*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }))
    const researcher = await createTestUser({ role: 'researcher' })
    await signInAs(context, researcher.id, baseURL!)
    const name = `Centre sans script ${randomUUID().slice(0, 6)}`

    await page.goto('/organisations/nouvelle')
    await page.getByLabel('Nom (obligatoire)').fill(name)
    await page.getByLabel('Type d’organisation (obligatoire)').selectOption('technology_centre')
    // A plain text field: no combobox without JavaScript.
    await expect(page.getByRole('combobox', { name: /Commune/ })).toHaveCount(0)
    const commune = page.getByRole('textbox', { name: /Commune/ })
    await commune.fill('Saint-Claude')
    await page.getByRole('button', { name: 'Créer l’organisation' }).click()

    // Two communes are called Saint-Claude: the field says so and suggests how to write each.
    await expect(page.getByText(/Plusieurs communes correspondent à « Saint-Claude » : .*Saint-Claude \(39\)/)).toBeVisible()
    await expect(page.getByLabel('Nom (obligatoire)')).toHaveValue(name)
    await expectAccessible(page)

    await page.getByRole('textbox', { name: /Commune/ }).fill('Saint-Claude (39)')
    await page.getByRole('button', { name: 'Créer l’organisation' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByText('Saint-Claude (39)')).toBeVisible()
    await expect(page.getByText('Non vérifié', { exact: true })).toBeVisible()
  })
})
