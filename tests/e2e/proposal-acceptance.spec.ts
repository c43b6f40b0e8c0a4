import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { addMember, createOrganisation, createProposalOn, createPublishedNeed } from './support/marketplace'

/** A need with three answers: two shortlisted (to compare), one only submitted. */
async function needWithThreeProposals() {
  const unique = randomUUID().slice(0, 6)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Choix ${unique}` })
  const researcher = await createTestUser({ role: 'researcher', name: `Inès Choix ${unique}` })
  const companyId = await createOrganisation('company', `Injection du Jura ${unique} (fictive)`)
  await addMember(companyId, industrialist.id, 'owner')
  const title = `Réduire les rebuts d’injection ${unique}`
  const needId = await createPublishedNeed(companyId, industrialist.id, { title, summary: 'Moins de rebuts sur nos presses.', description: 'Quatre presses, deux équipes.', confidentiality: 'public' })
  const labs = { vision: `Laboratoire Vision ${unique}`, procedes: `Centre Procédés ${unique}`, late: `Plateforme Tardive ${unique}` }
  const vision = await createOrganisation('lab', labs.vision)
  const procedes = await createOrganisation('technology_centre', labs.procedes)
  const late = await createOrganisation('lab', labs.late)
  for (const org of [vision, procedes, late]) await addMember(org, researcher.id, 'owner')
  await createProposalOn(needId, vision, researcher.id, { approach: 'Une caméra sur chaque presse et un modèle de détection des défauts entraîné sur vos pièces.', status: 'shortlisted', trlStart: 4, trlEnd: 7, costRange: '50k_200k', durationMonths: 8 })
  await createProposalOn(needId, procedes, researcher.id, { approach: 'Un plan d’expériences sur les paramètres d’injection, puis un réglage suivi.', status: 'shortlisted', trlStart: 3, trlEnd: 5, costRange: '10k_50k', durationMonths: 4, partners: ['IUT de Saint-Claude'] })
  await createProposalOn(needId, late, researcher.id, { approach: 'Une étude bibliographique suivie d’essais ciblés.', status: 'submitted' })
  return { industrialist, needId, title, labs }
}

test('the company compares its shortlist, cancels an acceptance, then confirms it in a dialog that says what happens next', async ({ page, context, baseURL }) => {
  const { industrialist, needId, title, labs } = await needWithThreeProposals()
  await signInAs(context, industrialist.id, baseURL!)
  await page.goto(`/besoins/${needId}`)

  // The two shortlisted proposals side by side, each linking to its full card.
  const comparison = page.getByRole('table', { name: /2 propositions présélectionnées/ })
  await expect(comparison.getByRole('rowheader')).toHaveText([labs.vision, labs.procedes])
  const procedesRow = comparison.getByRole('row', { name: new RegExp(labs.procedes) })
  await expect(procedesRow).toContainText('10 000 à 50 000 €')
  await expect(procedesRow).toContainText('4 mois')
  await expect(procedesRow).toContainText('en deçà de votre TRL visé')
  await expect(procedesRow).toContainText('IUT de Saint-Claude')
  await expect(comparison.getByRole('row', { name: new RegExp(labs.vision) })).toContainText('atteint votre TRL visé')
  await expect(comparison.getByRole('link', { name: labs.vision })).toHaveAttribute('href', /#proposal-[a-f0-9]{24}$/)

  // Accepting opens a dialog naming the partner; cancelling changes nothing.
  const visionCard = page.getByRole('article', { name: `Proposition de ${labs.vision}` })
  const acceptButton = visionCard.getByRole('button', { name: 'Accepter et lancer le projet' })
  await acceptButton.click()
  const dialog = page.getByRole('dialog', { name: `Accepter la proposition de ${labs.vision} ?` })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`Un espace projet s’ouvre avec les membres de votre entreprise et ceux de ${labs.vision}`)
  await expect(dialog).toContainText('Les 2 autres propositions en attente sont marquées « non retenues » et leurs auteurs en sont prévenus.')
  await expect(dialog).toContainText('Ce choix est définitif')
  await expectAccessible(page)
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(dialog).toBeHidden()
  await expect(acceptButton).toBeFocused()
  await expect(visionCard).toContainText('Présélectionnée')

  // Escape closes it too; then the company confirms.
  await acceptButton.click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await acceptButton.click()
  await dialog.getByRole('button', { name: `Oui, accepter la proposition de ${labs.vision}` }).click()

  await expect(page).toHaveURL(/\/projets\/[a-f0-9]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.goto(`/besoins/${needId}`)
  await expect(page.getByRole('article', { name: `Proposition de ${labs.procedes}` })).toContainText('Non retenue')
  await expect(page.getByRole('article', { name: `Proposition de ${labs.late}` })).toContainText('Non retenue')
  await expect(page.getByRole('table')).toHaveCount(0)
})

test.describe('without JavaScript', () => {
  test('accepting is a confirmation step in the page, with the same words, then the project', async ({ page, context, baseURL }) => {
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue()
      const response = await route.fetch({ maxRedirects: 0 })
      const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link[^>]+rel="modulepreload"[^>]*>/g, '')
      return route.fulfill({ response, body })
    })
    const { industrialist, needId, title, labs } = await needWithThreeProposals()
    await signInAs(context, industrialist.id, baseURL!)
    await page.goto(`/besoins/${needId}`)

    const card = page.getByRole('article', { name: `Proposition de ${labs.procedes}` })
    await card.getByRole('link', { name: 'Accepter et lancer le projet' }).click()
    const confirmation = page.getByRole('region', { name: `Accepter la proposition de ${labs.procedes} ?` })
    await expect(confirmation).toContainText('Les 2 autres propositions en attente')
    await expectAccessible(page)
    // « Annuler » goes back to the need as it was.
    await confirmation.getByRole('link', { name: 'Annuler' }).click()
    await expect(page).toHaveURL(new RegExp(`/besoins/${needId}$`))
    await expect(page.getByRole('region', { name: /Accepter la proposition/ })).toHaveCount(0)

    await card.getByRole('link', { name: 'Accepter et lancer le projet' }).click()
    await page.getByRole('button', { name: `Oui, accepter la proposition de ${labs.procedes}` }).click()
    await expect(page).toHaveURL(/\/projets\/[a-f0-9]{24}$/)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  })
})
