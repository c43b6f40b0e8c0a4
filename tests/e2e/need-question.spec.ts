import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, signInAs } from './support/db'
import { addMember, createOrganisation, createPublishedNeed } from './support/marketplace'
import { secondPerson } from './support/people'

const log = (page: Page) => page.getByRole('log', { name: 'Historique des messages' })
/** The item of the message whose text is this. */
const messageItem = (page: Page, text: string) => log(page).locator('li.message').filter({ has: page.locator('.message-body', { hasText: text }) })

test('a researcher asks the company a question before proposing; both find it under the need’s title, and each receipt names the reader, never the author', async ({ page, context, browser, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Question ${unique}` })
  const researcher = await createTestUser({ role: 'researcher', name: `Inès Question ${unique}` })
  const companyName = `Verres du Jura ${unique} (fictive)`
  const companyId = await createOrganisation('company', companyName)
  const labId = await createOrganisation('lab', `Laboratoire Optique ${unique}`)
  await addMember(companyId, industrialist.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const title = `Traitement antibuée ${unique}`
  const needId = await createPublishedNeed(companyId, industrialist.id, { title, summary: 'Un traitement antibuée durable.', description: 'Verres de sécurité.', confidentiality: 'members' })

  // The researcher sees who posted the need, with a link to the company's profile, and asks.
  await signInAs(context, researcher.id, baseURL!)
  await page.goto(`/besoins/${needId}`)
  await expect(page.locator('.need-header-meta').getByRole('link', { name: companyName })).toHaveAttribute('href', /^\/organisations\/e2e-company-/)
  const question = page.getByRole('region', { name: 'Une question avant de proposer ?' })
  await question.getByRole('button', { name: 'Poser une question' }).click()
  await expect(page).toHaveURL(/\/messages\/[a-f0-9]{24}$/)
  const conversationUrl = page.url()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Question sur un besoin')).toBeVisible()
  await page.getByLabel('Votre message').fill('Quelle température de service visez-vous ?')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(messageItem(page, 'Quelle température de service')).toBeVisible()

  // Asking again reopens the same conversation.
  await page.goto(`/besoins/${needId}`)
  await page.getByRole('button', { name: 'Poser une question' }).click()
  await expect(page).toHaveURL(conversationUrl)

  // The company finds it under the need's title, reads it and answers.
  const company = await secondPerson(browser, industrialist, baseURL!)
  await company.page.goto('/messages')
  await company.page.getByRole('link', { name: new RegExp(title) }).click()
  await expect(company.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(messageItem(company.page, 'Quelle température de service')).toBeVisible()
  await company.page.getByLabel('Votre message').fill('Entre -10 et 40 °C, en atelier.')
  await company.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(messageItem(company.page, 'Entre -10 et 40 °C')).toBeVisible()

  // Opening a page is reading it: each side sees the other's name under its own message, never the author's.
  await page.reload()
  await expect(messageItem(page, 'Entre -10 et 40 °C')).toBeVisible()
  await expect(messageItem(page, 'Quelle température de service')).toContainText(`Lu par ${industrialist.name}`)
  await expect(log(page).getByText(`Lu par ${researcher.name}`)).toHaveCount(0)
  await company.page.reload()
  await expect(messageItem(company.page, 'Entre -10 et 40 °C')).toContainText(`Lu par ${researcher.name}`)
  await expect(messageItem(company.page, 'Quelle température de service')).not.toContainText('Lu par')
  await expectAccessible(company.page)
  expect(company.errors).toEqual([])
  await company.close()
})

test('an anonymised need offers no question and names no company: the researcher is told to ask in a proposal', async ({ page, context, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const owner = await createTestUser({ role: 'industrialist' })
  const researcher = await createTestUser({ role: 'researcher' })
  const companyName = `Lunetterie Secrète ${unique} (fictive)`
  const companyId = await createOrganisation('company', companyName)
  const labId = await createOrganisation('lab', `Laboratoire Discret ${unique}`)
  await addMember(companyId, owner.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const needId = await createPublishedNeed(companyId, owner.id, { title: `Charnières sans vis ${unique}`, summary: 'Des charnières clipsées.', description: 'Petites séries.', confidentiality: 'anonymous' })

  await signInAs(context, researcher.id, baseURL!)
  await page.goto(`/besoins/${needId}`)
  const question = page.getByRole('region', { name: 'Une question avant de proposer ?' })
  await expect(question).toContainText('Cette entreprise a choisi l’anonymat')
  await expect(question.getByRole('button')).toHaveCount(0)
  await expect(page.getByRole('link', { name: companyName })).toHaveCount(0)
  expect(await page.content()).not.toContain(companyName)

  // Posting the form anyway is refused, and opens nothing.
  const response = await page.request.post(`/besoins/${needId}/question`, { maxRedirects: 0, headers: { Origin: baseURL! } })
  expect(response.status()).toBe(403)
})
