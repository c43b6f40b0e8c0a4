import { expect, expectAccessible, test } from './fixtures'
import { signInAs } from './support/db'
import { startedProject } from './support/marketplace'
import { secondPerson } from './support/people'

const section = (page: import('@playwright/test').Page, name: string) => page.getByRole('region', { name, exact: true })

test('in the project room, a file sent from the discussion keeps you in the room and reaches « Fichiers partagés » live; a report stays in the room; no pop-up for the room being read', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const project = await startedProject()
  await signInAs(context, project.industrialist.id, baseURL!)
  await page.goto(project.url)
  const files = section(page, 'Fichiers partagés')
  await expect(files.getByRole('heading', { name: 'Aucun fichier partagé' })).toBeVisible()
  await expect(section(page, 'Discussion du projet').getByText('Connecté : les nouveaux messages s’affichent en direct.')).toBeVisible()

  // The partner sends a file from the room's discussion: they stay in the room.
  const partner = await secondPerson(browser, project.researcher, baseURL!)
  await partner.page.goto(project.url)
  const partnerRoom = section(partner.page, 'Discussion du projet')
  await partnerRoom.getByText('Joindre un fichier').click()
  await partnerRoom.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'mesures-banc.csv', mimeType: 'text/csv', buffer: Buffer.from('essai;valeur\n1;0,05\n') })
  await partnerRoom.getByRole('button', { name: 'Envoyer le fichier' }).click()
  await expect(partner.page).toHaveURL(new RegExp(`${project.url}#discussion$`))
  await expect(section(partner.page, 'Fichiers partagés').getByRole('link', { name: 'mesures-banc.csv' })).toBeVisible()

  // The company's page, left open, lists it without a reload; then a message arrives live.
  await expect(files.getByRole('link', { name: 'mesures-banc.csv' })).toBeVisible()
  await section(partner.page, 'Discussion du projet').getByLabel('Votre message').fill('Les mesures du banc sont en ligne.')
  await section(partner.page, 'Discussion du projet').getByRole('button', { name: 'Envoyer', exact: true }).click()
  const room = section(page, 'Discussion du projet')
  const partnerMessage = room.getByRole('log').locator('li.message').filter({ hasText: 'Les mesures du banc sont en ligne.' })
  await expect(partnerMessage).toBeVisible()
  // The room is on screen: the message is not announced again in a pop-up.
  await expect(page.getByText(`Nouveau message de ${project.researcher.name}`)).toHaveCount(0)

  // Reporting a message from the room comes back to the room.
  await partnerMessage.getByText('Signaler').click()
  await partnerMessage.getByLabel('Pourquoi signalez-vous ce message ?').fill('Test de signalement depuis l’espace projet.')
  await partnerMessage.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(page.getByText('Merci : votre signalement a été transmis à la modération.')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`${project.url}#discussion$`))
  await expectAccessible(page)

  // In the list, the room is titled by the project's need, with the last message as a preview.
  await page.goto('/messages')
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: project.title }) })
  await expect(item).toContainText(`${project.researcher.name} : Les mesures du banc sont en ligne.`)
  expect(partner.errors).toEqual([])
  await partner.close()
})
