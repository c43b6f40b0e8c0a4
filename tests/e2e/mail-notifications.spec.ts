import { randomUUID } from 'node:crypto'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { linkIn, waitForMail } from './support/mail'
import { addMember, createOrganisation, createPublishedNeed } from './support/marketplace'
import { secondPerson } from './support/people'

/**
 * Issue 14, end to end against the production build: a researcher asks in « Mon compte » for an
 * immediate e-mail when a proposal is declined (a daily digest by default); the company declines;
 * the server's own jobs and outbox send the e-mail through SMTP to the capture server; its
 * unsubscribe link works from a browser that is not signed in, and a mail client's one-click too.
 */
test('a preference chosen in « Mon compte » brings the e-mail, whose unsubscribe link works without signing in', async ({ page, context, browser, baseURL }) => {
  test.setTimeout(90_000)
  const unique = randomUUID().slice(0, 6)
  const researcher = await createTestUser({ role: 'researcher', name: `Inès Chercheuse ${unique}` })
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Industrielle ${unique}` })
  const companyId = await createOrganisation('company', `Plasturgie du Jura ${unique} (fictive)`)
  const labName = `Laboratoire Vision ${unique}`
  const labId = await createOrganisation('lab', labName)
  await addMember(companyId, industrialist.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const title = `Contrôle par vision ${unique}`
  const needId = await createPublishedNeed(companyId, industrialist.id, { title, summary: 'Détecter les défauts de surface.', description: 'Trois presses.', confidentiality: 'members' })

  // « Mon compte »: declined proposals, by e-mail at once.
  await signInAs(context, researcher.id, baseURL!)
  await page.goto('/compte')
  const emails = page.getByRole('region', { name: 'E-mails' })
  const declined = emails.getByLabel('Votre proposition est déclinée')
  await expect(declined).toHaveValue('daily')
  await declined.selectOption({ label: 'E-mail immédiat' })
  await emails.getByRole('button', { name: 'Mettre à jour mes préférences d’e-mail' }).click()
  await expect(page.getByText('Vos préférences d’e-mail sont enregistrées.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'E-mails' }).getByLabel('Votre proposition est déclinée')).toHaveValue('immediate')

  // The researcher answers the need.
  await page.goto(`/besoins/${needId}/proposer`)
  await page.getByLabel('Votre approche (obligatoire)').fill('Campagne d’images sur votre ligne puis modèle de détection entraîné sur notre banc.')
  await page.getByLabel('Équipe (obligatoire)').fill('Deux ingénieurs vision')
  await page.getByLabel('Durée (en mois) (obligatoire)').fill('6')
  await page.getByLabel('Coût estimé (obligatoire)').selectOption('50k_200k')
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await expect(page.getByText('Proposition envoyée.')).toBeVisible()

  // The company declines it.
  const company = await secondPerson(browser, industrialist, baseURL!)
  await company.page.goto(`/besoins/${needId}`)
  const proposal = company.page.getByRole('article', { name: `Proposition de ${labName}` })
  await proposal.getByText('Décliner…').click()
  await proposal.getByLabel('Raison (obligatoire)').selectOption({ index: 1 })
  await proposal.getByRole('button', { name: 'Décliner la proposition' }).click()
  await expect(company.page.getByText('Proposition déclinée : le proposant voit la raison.')).toBeVisible()
  await company.close()

  // The e-mail, sent by the server's jobs and outbox through SMTP.
  const mail = await waitForMail(researcher.email, { subject: /déclinée/, timeoutMs: 30_000 })
  expect(mail.subject).toBe(`Votre proposition sur « ${title} » a été déclinée.`)
  expect(mail.text).toContain(`${baseURL}/mes-propositions`)
  expect(mail.html).toContain('<html lang="fr"')
  const listUnsubscribe = mail.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? ''
  const unsubscribeUrl = linkIn(mail, '/desabonnement/')
  expect(listUnsubscribe).toContain(`<${unsubscribeUrl}>`)
  expect(mail.parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toMatch(/List-Unsubscribe=One-Click/)

  // Opened in a browser that is not signed in: it asks, then turns that e-mail off.
  await context.clearCookies()
  await page.goto(unsubscribeUrl)
  await expect(page.getByRole('heading', { level: 1, name: 'Se désabonner' })).toBeVisible()
  await expect(page.getByText('Ne plus recevoir d’e-mail pour : Votre proposition est déclinée ?')).toBeVisible()
  await page.getByRole('button', { name: 'Confirmer le désabonnement' }).click()
  await expect(page.getByText('C’est fait : vous ne recevrez plus ces e-mails.')).toBeVisible()
  const stored = await (await e2eDb()).collection('users').findOne({ email: researcher.email })
  expect(stored!.mailPreferences).toMatchObject({ proposal_declined: 'in_app' })

  // A mail client's RFC 8058 one-click POST: answered 200, nothing more to turn off.
  const oneClick = await page.request.post(unsubscribeUrl, { form: { 'List-Unsubscribe': 'One-Click' } })
  expect(oneClick.status()).toBe(200)
  await page.goto(unsubscribeUrl)
  await expect(page.getByText('Vous étiez déjà désabonné de ces e-mails.')).toBeVisible()

  // A forged link does nothing.
  const forged = await page.request.post(unsubscribeUrl.replace(/\.[\w-]+$/, '.AAAAAAAAAAAAAAAAAAAAAA'), { form: { 'List-Unsubscribe': 'One-Click' } })
  expect(forged.status()).toBe(404)
})
