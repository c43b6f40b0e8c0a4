import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { addMember, createOrganisation, createPublishedNeed } from './support/marketplace'
import { secondPerson } from './support/people'

test('a company member is told live of a proposal, finds it in the notifications and marks everything read', async ({ page, context, browser, baseURL }) => {
  const unique = randomUUID().slice(0, 6)
  const industrialist = await createTestUser({ role: 'industrialist', name: `Claire Industrielle ${unique}` })
  const researcher = await createTestUser({ role: 'researcher', name: `Inès Chercheuse ${unique}` })
  const companyId = await createOrganisation('company', `Plasturgie du Jura ${unique} (fictive)`)
  const labName = `Laboratoire Vision ${unique}`
  const labId = await createOrganisation('lab', labName)
  await addMember(companyId, industrialist.id, 'owner')
  await addMember(labId, researcher.id, 'owner')
  const title = `Contrôle par vision ${unique}`
  const needId = await createPublishedNeed(companyId, industrialist.id, { title, summary: 'Détecter les défauts de surface.', description: 'Trois presses.', confidentiality: 'members' })

  // The company member is on their dashboard, nothing to read yet.
  await signInAs(context, industrialist.id, baseURL!)
  await page.goto('/mes-besoins')
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()

  // The researcher answers from another browser.
  const other = await secondPerson(browser, researcher, baseURL!)
  await other.page.goto(`/besoins/${needId}/proposer`)
  await other.page.getByLabel('Votre approche (obligatoire)').fill('Campagne d’images sur votre ligne puis modèle de détection entraîné sur notre banc.')
  await other.page.getByLabel('Équipe (obligatoire)').fill('Deux ingénieurs vision')
  await other.page.getByLabel('Durée (en mois) (obligatoire)').fill('6')
  await other.page.getByLabel('Coût estimé (obligatoire)').selectOption('50k_200k')
  await other.page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await expect(other.page.getByText('Proposition envoyée.')).toBeVisible()

  // Live, without reload: the polite announcement and the badge.
  const sentence = `${labName} a proposé une réponse à votre besoin « ${title} », qui passe en discussion.`
  await expect(page.getByRole('status').getByText(sentence)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Notifications (1 notification non lue)' })).toBeVisible()
  await expect(page.getByTestId('notifications-badge')).toHaveText('1')

  await page.getByRole('link', { name: /^Notifications/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByRole('link', { name: sentence })).toBeVisible()
  await expect(list).toContainText('Non lue')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click()
  await expect(page.getByText('1 notification marquée comme lue.')).toBeVisible()
  await expect(list).not.toContainText('Non lue')
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
  await expect(page.getByTestId('notifications-badge')).toHaveCount(0)

  // The notification leads to the need, where the proposal waits.
  await list.getByRole('link', { name: sentence }).click()
  await expect(page).toHaveURL(new RegExp(`/besoins/${needId}$`))
  await expect(page.getByRole('article', { name: `Proposition de ${labName}` })).toBeVisible()

  await other.close()
  expect(other.errors).toEqual([])
})

test('the notifications page works without JavaScript and shows an empty state', async ({ browser, baseURL }) => {
  const user = await createTestUser({ role: 'researcher' })
  const db = await e2eDb()
  const now = Date.now()
  await db.collection('notifications').insertMany(
    [0, 1].map((i) => ({
      recipientId: new mongoose.Types.ObjectId(user.id),
      kind: 'proposal_shortlisted',
      data: { needTitle: `Besoin ${i}` },
      link: '/mes-propositions',
      readAt: null,
      createdAt: new Date(now + i),
    })),
  )
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  await signInAs(context, user.id, baseURL!)
  const page = await context.newPage()
  // (axe needs JavaScript: this page is checked with JavaScript in the first test)
  await page.goto('/notifications')
  const list = page.getByRole('list', { name: 'Vos notifications, les plus récentes d’abord' })
  await expect(list.getByRole('listitem').first()).toContainText('Votre proposition sur « Besoin 1 » est présélectionnée.')
  await list.getByRole('button', { name: /Marquer comme lue.*Besoin 1/ }).click()
  await expect(page.getByText('Notification marquée comme lue.')).toBeVisible()
  await expect(list.getByRole('listitem').first()).not.toContainText('Non lue')
  await expect(list.getByRole('listitem').nth(1)).toContainText('Non lue')
  await list.getByRole('link', { name: /Besoin 0/ }).click()
  await expect(page).toHaveURL(/\/mes-propositions$/)
  await page.goto('/notifications')
  await expect(page.getByText('Non lue')).toHaveCount(0)
  await context.close()

  const newcomer = await createTestUser()
  const fresh = await browser.newContext({ baseURL, locale: 'fr-FR' })
  await signInAs(fresh, newcomer.id, baseURL!)
  const freshPage = await fresh.newPage()
  await freshPage.goto('/notifications')
  await expect(freshPage.getByRole('heading', { level: 2, name: 'Aucune notification' })).toBeVisible()
  await expectAccessible(freshPage)
  await fresh.close()
})

test('the conversation list shows the other person online, announces their message, then shows them offline once their browser closes', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: `Alice Durand ${randomUUID().slice(0, 4)}` })
  const bruno = await createTestUser({ name: `Bruno Petit ${randomUUID().slice(0, 4)}` })
  const db = await e2eDb()
  const now = new Date()
  const { insertedId: conversationId } = await db.collection('conversations').insertOne({
    kind: 'direct',
    pairKey: [alice.id, bruno.id].sort().join(':'),
    participants: [new mongoose.Types.ObjectId(alice.id), new mongoose.Types.ObjectId(bruno.id)],
    lastMessageAt: null,
    createdAt: now,
    updatedAt: now,
  })

  await signInAs(context, alice.id, baseURL!)
  await page.goto('/messages')
  const presence = page.getByRole('list', { name: 'Présence des participants' })
  await expect(presence).toHaveText(`${bruno.name} hors ligne`)

  const other = await secondPerson(browser, bruno, baseURL!)
  await other.page.goto('/')
  await expect(presence).toHaveText(`${bruno.name} en ligne`)
  await expectAccessible(page)

  // Alice is not looking at that conversation: its new message is announced politely.
  await other.page.goto(`/messages/${String(conversationId)}`)
  await other.page.getByLabel('Votre message').fill('Bonjour **Alice**, un point sur le prototype ?')
  await other.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(page.getByRole('status').getByText(`Nouveau message de ${bruno.name} : Bonjour Alice, un point sur le prototype ?`)).toBeVisible()

  await other.close()
  await expect(presence).toHaveText(`${bruno.name} hors ligne`)
  expect(other.errors).toEqual([])
})
