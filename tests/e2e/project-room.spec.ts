import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs, type TestUser } from './support/db'
import { addMember, startedProject } from './support/marketplace'

const section = (page: import('@playwright/test').Page, name: string) => page.getByRole('region', { name, exact: true })

test('a member runs the project room: milestone added and done, project paused, colleague added, file shared; outsiders get 404', async ({
  page,
  context,
  baseURL,
}) => {
  const project = await startedProject()
  const colleague: TestUser = await createTestUser({ role: 'industrialist', name: `Nadia Collègue ${randomUUID().slice(0, 6)}` })
  await addMember(project.companyId, colleague.id)

  await signInAs(context, project.industrialist.id, baseURL!)
  await page.goto(project.url)
  await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible()
  const milestones = section(page, 'Jalons')
  await expect(milestones.getByRole('heading', { name: 'Aucun jalon pour l’instant' })).toBeVisible()
  await expect(section(page, 'Fichiers partagés').getByRole('heading', { name: 'Aucun fichier partagé' })).toBeVisible()

  // The form checks the title before sending (same schema as the server).
  const newMilestone = milestones.getByRole('form', { name: 'Ajouter un jalon' })
  await newMilestone.getByLabel('Intitulé du jalon (obligatoire)').fill('x')
  await newMilestone.getByLabel('Intitulé du jalon (obligatoire)').fill('')
  await newMilestone.getByLabel('Intitulé du jalon (obligatoire)').blur()
  await expect(newMilestone.getByText('Donnez un intitulé au jalon.')).toBeVisible()

  // A milestone due in the past: listed, flagged overdue.
  await newMilestone.getByLabel('Intitulé du jalon (obligatoire)').fill('Premiers prototypes')
  await newMilestone.getByLabel('Échéance').fill('2024-01-15')
  await newMilestone.getByRole('button', { name: 'Ajouter un jalon' }).click()
  await expect(page.getByText('Jalon ajouté.')).toBeVisible()
  const item = milestones.getByRole('listitem').filter({ hasText: 'Premiers prototypes' })
  await expect(item).toContainText('Échéance : 15 janvier 2024')
  await expect(item).toContainText('En retard')
  await expect(newMilestone.getByLabel('Intitulé du jalon (obligatoire)')).toHaveValue('')
  await expectAccessible(page)

  await item.getByRole('button', { name: 'Marquer comme fait — Premiers prototypes' }).click()
  await expect(page.getByText('Jalon marqué comme fait.')).toBeVisible()
  await expect(item).toContainText(`Fait par ${project.industrialist.name}`)
  await expect(item).not.toContainText('En retard')

  // Paused: the badge and the record say so, with who did it.
  const status = section(page, 'Statut du projet')
  await status.getByRole('button', { name: 'Mettre en pause' }).click()
  await expect(page.getByText('Statut du projet : En pause.')).toBeVisible()
  await expect(status.locator('.badge')).toHaveText('En pause')
  await expect(status.getByRole('listitem').first()).toContainText('Actif → En pause')
  await expect(status.getByRole('listitem').first()).toContainText(`par ${project.industrialist.name}`)
  await expect(status.getByRole('button', { name: 'Reprendre le projet' })).toBeVisible()

  // A colleague of the company joins the project.
  const members = section(page, 'Membres du projet')
  await members.getByLabel('Collègue (obligatoire)').selectOption({ label: `${colleague.name} — ${project.companyName}` })
  await members.getByRole('button', { name: 'Ajouter au projet' }).click()
  await expect(page.getByText(`${colleague.name} rejoint le projet et sa discussion.`)).toBeVisible()
  await expect(members.getByRole('listitem').filter({ hasText: colleague.name })).toContainText(`ajouté·e par ${project.industrialist.name}`)

  // A file shared from the page lands in the list, downloadable by members.
  const files = section(page, 'Fichiers partagés')
  await files.getByLabel('Fichier à partager').setInputFiles({ name: 'plan-essais.txt', mimeType: 'text/plain', buffer: Buffer.from('Semaine 1 : acquisition.') })
  await files.getByRole('button', { name: 'Partager le fichier' }).click()
  await expect(page.getByText('Fichier partagé avec le projet.')).toBeVisible()
  const link = files.getByRole('link', { name: 'plan-essais.txt' })
  await expect(link).toBeVisible()
  const download = await page.request.get((await link.getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expect(await download.text()).toBe('Semaine 1 : acquisition.')

  // A message in the embedded conversation, live.
  const room = section(page, 'Discussion du projet')
  await expect(room.getByText('Connecté : les nouveaux messages s’affichent en direct.')).toBeVisible()
  await room.getByLabel('Votre message').fill('Les prototypes sont prêts.')
  await room.getByRole('button', { name: 'Envoyer', exact: true }).click()
  await expect(room.getByRole('log').locator('.message-body').getByText('Les prototypes sont prêts.')).toBeVisible()

  // The colleague was told who brought them in; the notification opens the room, with what they missed.
  await context.clearCookies()
  await signInAs(context, colleague.id, baseURL!)
  await page.goto('/notifications')
  const told = `${project.industrialist.name} vous a fait rejoindre le projet né du besoin « ${project.title} ».`
  await page.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' }).getByRole('link', { name: told }).click()
  await expect(page).toHaveURL(new RegExp(`${project.url}$`))
  await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible()
  await expect(section(page, 'Discussion du projet')).toContainText('2 nouveaux messages depuis votre dernière visite')
  await expect(section(page, 'Discussion du projet').getByRole('log').locator('.message-body').getByText('Les prototypes sont prêts.')).toBeVisible()

  // Anyone else: the project does not exist.
  const outsider = await createTestUser({ role: 'researcher' })
  await context.clearCookies()
  await signInAs(context, outsider.id, baseURL!)
  expect((await page.goto(project.url))?.status()).toBe(404)
  expect((await page.request.get(download.url())).status()).toBe(404)
})

test('an animator of the need’s territory reads the room but changes nothing', async ({ page, context, baseURL }) => {
  const project = await startedProject()
  const animator = await createTestUser({ role: 'animator', name: `Sophie Animatrice ${randomUUID().slice(0, 6)}` })
  const db = await e2eDb()
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(animator.id) }, { $set: { animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
  await signInAs(context, animator.id, baseURL!)
  await page.goto(project.url)
  await expect(page.getByRole('heading', { level: 1, name: project.title })).toBeVisible()
  await expect(page.getByText('seuls les membres du projet changent son statut')).toBeVisible()
  await expect(section(page, 'Jalons').getByText('Les membres du projet n’ont pas encore fixé de jalon.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mettre en pause' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Ajouter un jalon' })).toHaveCount(0)
  await expect(section(page, 'Membres du projet')).toContainText(animator.name)
})

test('without JavaScript, a member adds a milestone, marks it done and pauses the project', async ({ browser, baseURL }) => {
  const project = await startedProject()
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  await signInAs(context, project.researcher.id, baseURL!)
  const page = await context.newPage()
  await page.goto(project.url)
  const milestones = section(page, 'Jalons')
  const newMilestone = milestones.getByRole('form', { name: 'Ajouter un jalon' })
  await newMilestone.getByLabel('Intitulé du jalon (obligatoire)').fill('Campagne de fatigue')
  await newMilestone.getByRole('button', { name: 'Ajouter un jalon' }).click()
  const item = milestones.getByRole('listitem').filter({ hasText: 'Campagne de fatigue' })
  await expect(item).toContainText('Sans échéance')
  await item.getByRole('button', { name: 'Marquer comme fait — Campagne de fatigue' }).click()
  await expect(item).toContainText(`Fait par ${project.researcher.name}`)
  await section(page, 'Statut du projet').getByRole('button', { name: 'Mettre en pause' }).click()
  await expect(section(page, 'Statut du projet').locator('.badge')).toHaveText('En pause')
  await context.close()
})
