import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'

/**
 * Issue 14, saved-search alerts end to end against the production build: a researcher searches,
 * « M'alerter » saves the search, the alert is in « Mon compte », renamed, then deleted after a
 * confirmation; the same works with JavaScript turned off (plain form posts). Axe checks each page.
 */
test('a researcher saves a search as an alert, finds it in « Mon compte », renames and deletes it', async ({ page, context, baseURL }) => {
  const word = `cobot${randomUUID().slice(0, 6)}`
  const researcher = await createTestUser({ role: 'researcher', name: `Rémi Chercheur ${word}` })
  await signInAs(context, researcher.id, baseURL!)

  await page.goto('/recherche')
  await page.getByRole('searchbox', { name: 'Mots-clés' }).fill(word)
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`q=${word}`))

  const alertForm = page.getByRole('region', { name: 'Être alerté des nouveaux besoins' })
  await expect(alertForm.getByLabel('Nom de l’alerte')).toHaveValue(word)
  await alertForm.getByLabel('Fréquence').selectOption({ label: 'Chaque jour' })
  await alertForm.getByRole('button', { name: 'M’alerter' }).click()
  await expect(page.getByText(`Alerte « ${word} » enregistrée.`, { exact: false })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/recherche\\?type=needs&q=${word}`))

  await page.goto('/compte')
  await page.getByRole('link', { name: 'Gérer mes alertes de recherche' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mes alertes' })).toBeVisible()
  const alert = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: word }) })
  await expect(alert.getByLabel('Fréquence')).toHaveValue('daily')
  await expect(alert.getByRole('link', { name: 'Voir les résultats' })).toHaveAttribute('href', `/recherche?type=needs&q=${word}`)
  await expectAccessible(page)

  // Renamed, and weekly from now on.
  await alert.getByLabel('Nom (obligatoire)').fill(`Cobots ${word}`)
  await alert.getByLabel('Fréquence').selectOption({ label: 'Chaque semaine (le lundi)' })
  await alert.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText(`Alerte « Cobots ${word} » enregistrée.`)).toBeVisible()
  const renamed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Cobots ${word}` }) })
  await expect(renamed.getByLabel('Fréquence')).toHaveValue('weekly')

  // Deleted, once confirmed.
  await renamed.getByRole('link', { name: `Supprimer l’alerte « Cobots ${word} »` }).click()
  const confirm = page.getByRole('group', { name: `Supprimer l’alerte « Cobots ${word} » ? Vous ne recevrez plus ses e-mails.` })
  await expect(confirm).toBeVisible()
  await expectAccessible(page)
  await confirm.getByRole('button', { name: 'Supprimer' }).click()
  await expect(page.getByText('Alerte supprimée.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Aucune alerte pour l’instant.' })).toBeVisible()
})

test('without JavaScript, « M’alerter » and « Mes alertes » are plain form posts', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  const page = await context.newPage()
  const word = `vision${randomUUID().slice(0, 6)}`
  const researcher = await createTestUser({ role: 'researcher' })
  await signInAs(context, researcher.id, baseURL!)
  await page.goto(`/recherche?type=needs&q=${word}&domain=robotics`)
  const alertForm = page.getByRole('region', { name: 'Être alerté des nouveaux besoins' })
  await expect(alertForm.getByLabel('Nom de l’alerte')).toHaveValue(`${word} · Robotique & cobotique`)
  await alertForm.getByRole('button', { name: 'M’alerter' }).click()
  await expect(page.getByText(`Alerte « ${word} · Robotique & cobotique » enregistrée`, { exact: false })).toBeVisible()

  await page.goto('/compte/alertes')
  const alert = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${word} · Robotique & cobotique` }) })
  await expect(alert.getByText('Chaque semaine (le lundi)').first()).toBeVisible()
  // Turned off, then deleted after the confirmation.
  await alert.getByLabel('Recevoir les e-mails de cette alerte').uncheck()
  await alert.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('En pause : cette alerte n’envoie plus d’e-mail.')).toBeVisible()
  await page.getByRole('link', { name: /^Supprimer l’alerte/ }).click()
  await page.getByRole('button', { name: 'Supprimer', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Aucune alerte pour l’instant.' })).toBeVisible()
  await context.close()
})
