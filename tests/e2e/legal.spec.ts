import { readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { expect, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { addMember, createOrganisation } from './support/marketplace'
import { signInWithForm } from './support/sign-in'

test('the legal pages are one click away from every page, each with its own title', async ({ page }) => {
  const pages = [
    { link: 'Mentions légales', heading: 'Mentions légales', path: '/mentions-legales' },
    { link: 'Confidentialité et données personnelles', heading: 'Confidentialité et données personnelles', path: '/confidentialite' },
    { link: 'Conditions d’utilisation', heading: 'Conditions d’utilisation', path: '/conditions-utilisation' },
    { link: 'Accessibilité : partiellement conforme', heading: 'Déclaration d’accessibilité', path: '/accessibilite' },
    { link: 'Aide et contact', heading: 'Aide et contact', path: '/contact' },
  ]
  for (const { link, heading, path } of pages) {
    await page.goto('/besoins')
    await page.getByRole('navigation', { name: 'Informations légales et aide' }).getByRole('link', { name: link }).click()
    await expect(page).toHaveURL(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    await expect(page).toHaveTitle(`${heading} — Passerelle`)
  }
  // The privacy policy says who sees what under each confidentiality level.
  await page.goto('/confidentialite')
  await expect(page.getByRole('heading', { name: 'Qui voit quoi' })).toBeVisible()
  await expect(page.getByText('« Entreprise anonymisée »', { exact: false })).toBeVisible()
  await page.goto('/contact')
  await expect(page.getByRole('link', { name: 'contact@passerelle.local' })).toHaveAttribute('href', 'mailto:contact@passerelle.local')
})

test('a new version of the terms is asked for before the next page, then the person goes where they were going', async ({ page, context, baseURL }) => {
  const person = await createTestUser({ name: 'Inès Terme', acceptedTerms: false })
  await signInAs(context, person.id, baseURL!)
  await page.goto('/mes-besoins')
  await expect(page).toHaveURL(/\/conditions-utilisation\?redirectTo=%2Fmes-besoins/)
  await expect(page.getByRole('heading', { name: 'Les conditions d’utilisation ont changé' })).toBeVisible()
  // Leaving with one's data stays possible before accepting.
  await page.goto('/compte/donnees')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes données')

  await page.goto('/mes-besoins')
  await page.getByRole('button', { name: 'J’accepte les conditions d’utilisation' }).click()
  await expect(page).toHaveURL('/mes-besoins')
  await expect(page.getByRole('status').filter({ hasText: 'vous avez accepté les conditions d’utilisation' })).toBeVisible()
  await page.goto('/conditions-utilisation')
  await expect(page.getByText('Vous avez accepté cette version le', { exact: false })).toBeVisible()
})

test('« Mes données »: the export holds my account and my organisations, as a JSON file', async ({ page, context, baseURL }) => {
  const person = await createTestUser({ name: 'Hugo Export' })
  const orgId = await createOrganisation('lab', `Laboratoire export ${randomUUID().slice(0, 6)}`)
  await addMember(orgId, person.id, 'member')
  await signInAs(context, person.id, baseURL!)
  await page.goto('/compte')
  await page.getByRole('link', { name: 'Mes données : télécharger ou supprimer mon compte' }).click()
  await expect(page).toHaveTitle('Mes données — Passerelle')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click()])
  expect(download.suggestedFilename()).toMatch(/^passerelle-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/)
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
  expect(exported.account).toMatchObject({ id: person.id, email: person.email, name: 'Hugo Export' })
  expect(exported.organisations).toEqual([expect.objectContaining({ id: orgId, role: 'member' })])
  expect(JSON.stringify(exported)).not.toContain('passwordHash')
})

test('deleting my account: the last owner hands over first; then one confirmation erases it and signs me out', async ({ page, context, baseURL }) => {
  const person = await createTestUser({ name: 'Zoé Départ' })
  const companyName = `Décolletage Départ ${randomUUID().slice(0, 6)}`
  const companyId = await createOrganisation('company', companyName)
  await addMember(companyId, person.id, 'owner')
  await signInAs(context, person.id, baseURL!)
  await page.goto('/compte/donnees')
  await expect(page.getByRole('alert')).toContainText(`Vous êtes le seul propriétaire de ${companyName}.`)
  await expect(page.getByRole('button', { name: 'Supprimer définitivement mon compte' })).toHaveCount(0)

  // A colleague becomes owner: the form appears; a wrong address is refused next to the field.
  const colleague = await createTestUser({ name: 'Yves Relais' })
  await addMember(companyId, colleague.id, 'owner')
  await page.goto('/compte/donnees')
  await page.getByLabel('Pour confirmer, saisissez votre adresse e-mail').fill('quelqu-un@exemple.test')
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
  await expect(page.getByText('Saisissez exactement l’adresse e-mail de votre compte pour confirmer.')).toBeVisible()

  await page.getByLabel('Pour confirmer, saisissez votre adresse e-mail').fill(person.email)
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('status').filter({ hasText: 'Votre compte a été supprimé.' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

  // The old password no longer opens anything.
  await page.goto('/connexion')
  await signInWithForm(page, person.email, person.password)
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect', { exact: false })).toBeVisible()
})
