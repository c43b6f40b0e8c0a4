import type { Page } from '@playwright/test'
import mongoose from 'mongoose'
import { expect, expectAccessible, test } from './fixtures'
import { createTestUser, e2eDb, signInAs, type TestUser } from './support/db'
import { secondPerson } from './support/people'

/** A direct conversation between two people, arranged in the e2e server's database. */
async function directConversation(a: TestUser, b: TestUser) {
  const db = await e2eDb()
  const now = new Date()
  const { insertedId } = await db.collection('conversations').insertOne({
    kind: 'direct',
    pairKey: [a.id, b.id].sort().join(':'),
    participants: [new mongoose.Types.ObjectId(a.id), new mongoose.Types.ObjectId(b.id)],
    lastMessageAt: null,
    createdAt: now,
    updatedAt: now,
  })
  return String(insertedId)
}

const log = (page: Page) => page.getByRole('log', { name: 'Historique des messages' })
/** The rendered message texts (the edit forms hold the sources too). */
const bodies = (page: Page) => log(page).locator('.message-body')
const live = (page: Page) => expect(page.getByText('Connecté : les nouveaux messages s’affichent en direct.')).toBeVisible()

test('two people chat live: the message, the unread badge and the read receipt update without reload', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Durand' })
  const bruno = await createTestUser({ name: 'Bruno Petit' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, alice.id, baseURL!)
  const other = await secondPerson(browser, bruno, baseURL!)

  await other.page.goto('/messages')
  await expect(other.page.getByRole('link', { name: /Alice Durand/ })).toBeVisible()
  await page.goto(`/messages/${conversationId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Bruno Petit' })).toBeVisible()
  await live(page)

  await page.getByLabel('Votre message').fill('Bonjour **Bruno**, on se parle du prototype ?')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(bodies(page).getByText('on se parle du prototype ?')).toBeVisible()
  await expect(page.getByLabel('Votre message')).toHaveValue('')

  // Bruno is on his list: the navigation badge counts the new message, live.
  await expect(other.page.getByRole('link', { name: /Messages \(1 message non lu\)/ })).toBeVisible()
  await other.page.getByRole('link', { name: /Alice Durand/ }).click()
  await expect(bodies(other.page).locator('strong', { hasText: 'Bruno' })).toBeVisible()
  await live(other.page)
  await expectAccessible(other.page)

  // Bruno opened it: Alice sees the receipt, then Bruno's answer appears on her page.
  await expect(log(page).getByText('Lu par Bruno Petit')).toBeVisible()
  await other.page.getByLabel('Votre message').fill('Avec plaisir, jeudi ?')
  await other.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(bodies(page).getByText('Avec plaisir, jeudi ?')).toBeVisible()
  expect(other.errors).toEqual([])
  await other.close()
})

test('HTML and script typed in a message are shown as text and never run', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Martin' })
  const bruno = await createTestUser({ name: 'Bruno Leroy' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, alice.id, baseURL!)
  const other = await secondPerson(browser, bruno, baseURL!)
  await other.page.goto(`/messages/${conversationId}`)
  await live(other.page)
  await page.goto(`/messages/${conversationId}`)
  await live(page)

  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>[lien](javascript:window.__pwned=3)'
  await page.getByLabel('Votre message').fill(attack)
  await page.getByRole('button', { name: 'Envoyer' }).click()
  // Live on Bruno's page, and server-rendered after a reload on Alice's: always the text itself.
  await expect(bodies(other.page).getByText(attack)).toBeVisible()
  await page.reload()
  await expect(bodies(page).getByText(attack)).toBeVisible()
  for (const view of [page, other.page]) {
    await expect(log(view).locator('img, script, a[href^="javascript"]')).toHaveCount(0)
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  }
  expect(other.errors).toEqual([])
  await other.close()
})

test('the send form works without JavaScript', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Bernard' })
  const bruno = await createTestUser({ name: 'Bruno Moreau' })
  const conversationId = await directConversation(alice, bruno)
  // Alice, with JavaScript, watches the conversation live.
  await signInAs(context, alice.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)
  await live(page)

  const noJs = await secondPerson(browser, bruno, baseURL!, { javaScriptEnabled: false })
  // (axe needs JavaScript: this very page is checked with JavaScript in the tests above.)
  await noJs.page.goto(`/messages/${conversationId}`)
  await noJs.page.getByLabel('Votre message').fill('Envoyé sans **JavaScript**')
  await noJs.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(noJs.page).toHaveURL(new RegExp(`/messages/${conversationId}#m-[a-f0-9]{24}$`))
  await expect(bodies(noJs.page).locator('strong', { hasText: 'JavaScript' })).toBeVisible()

  // An empty message is refused next to the field, still without JavaScript.
  await noJs.page.getByLabel('Votre message').fill('   ')
  await noJs.page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(noJs.page.getByText('Écrivez un message avant d’envoyer.')).toBeVisible()

  // …and the message posted through the form reached Alice's live page.
  await expect(bodies(page).getByText('Envoyé sans')).toBeVisible()
  await noJs.close()
})

test('authors edit and delete their own messages, the other side sees it live, and can report a message', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Roux' })
  const bruno = await createTestUser({ name: 'Bruno Faure' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, alice.id, baseURL!)
  const other = await secondPerson(browser, bruno, baseURL!)
  await other.page.goto(`/messages/${conversationId}`)
  await live(other.page)
  await page.goto(`/messages/${conversationId}`)
  await live(page)

  await page.getByLabel('Votre message').fill('Rendez-vous mardi')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await expect(bodies(other.page).getByText('Rendez-vous mardi')).toBeVisible()

  const mine = log(page).getByRole('listitem').filter({ hasText: 'Rendez-vous mardi' })
  await mine.getByText('Modifier', { exact: true }).click()
  await mine.getByLabel('Modifier le message').fill('Rendez-vous **jeudi**')
  await mine.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(bodies(other.page).locator('strong', { hasText: 'jeudi' })).toBeVisible()
  await expect(log(other.page).getByText('(modifié)')).toBeVisible()

  // Bruno reports it (stored for moderation), then Alice deletes it: a tombstone remains for both.
  const theirs = log(other.page).getByRole('listitem').filter({ hasText: 'Rendez-vous' })
  await theirs.getByText('Signaler', { exact: true }).click()
  await theirs.getByLabel('Pourquoi signalez-vous ce message ?').fill('Test de signalement')
  await theirs.getByRole('button', { name: 'Envoyer le signalement' }).click()
  await expect(other.page.getByText('Merci : votre signalement a été transmis à la modération.')).toBeVisible()
  const db = await e2eDb()
  expect(await db.collection('messagereports').countDocuments({ reporterId: new mongoose.Types.ObjectId(bruno.id), reason: 'Test de signalement' })).toBe(1)

  await log(page).getByRole('listitem').filter({ hasText: 'jeudi' }).getByRole('button', { name: 'Supprimer' }).click()
  await expect(log(other.page).getByText('Message supprimé')).toBeVisible()
  await expect(log(page).getByText('Message supprimé')).toBeVisible()
  await expect(bodies(other.page)).toHaveCount(0)
  expect(other.errors).toEqual([])
  await other.close()
})

test('a file attached to a message is downloaded by members only', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Garnier' })
  const bruno = await createTestUser({ name: 'Bruno Chevalier' })
  const outsider = await createTestUser({ name: 'Olivia Hors' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, alice.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)

  await page.getByText('Joindre un fichier').click()
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'cahier-des-charges.txt', mimeType: 'text/plain', buffer: Buffer.from('Tolérances : ±0,05 mm') })
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click()
  const link = log(page).getByRole('link', { name: 'cahier-des-charges.txt' })
  await expect(link).toBeVisible()
  const href = (await link.getAttribute('href'))!

  const other = await secondPerson(browser, bruno, baseURL!)
  const download = await other.page.request.get(href)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-disposition']).toContain('attachment')
  expect(await download.text()).toBe('Tolérances : ±0,05 mm')
  const stranger = await secondPerson(browser, outsider, baseURL!)
  expect((await stranger.page.request.get(href)).status()).toBe(404)
  await other.close()
  await stranger.close()
})

test('a 20 MB CAD file goes through the form and comes back whole; a program named like a PDF is refused by its content', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Bureau-d’études' })
  const bruno = await createTestUser({ name: 'Bruno Atelier' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, alice.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)

  const triangles = 400_000
  const stl = Buffer.alloc(84 + 50 * triangles)
  stl.write('binary STL: carter de pompe')
  stl.writeUInt32LE(triangles, 80)
  for (let offset = 84; offset < stl.length; offset += 50) stl.writeFloatLE(offset % 1_009, offset)
  await page.getByText('Joindre un fichier').click()
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'carter-pompe.stl', mimeType: 'application/vnd.ms-pki.stl', buffer: stl })
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click()
  const link = log(page).getByRole('link', { name: 'carter-pompe.stl' })
  await expect(link).toBeVisible({ timeout: 30_000 })

  const other = await secondPerson(browser, bruno, baseURL!)
  const download = await other.page.request.get((await link.getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expect((await download.body()).equals(stl)).toBe(true)
  await other.close()

  await page.getByText('Joindre un fichier').click()
  await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'devis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\u0090\u0000 programme Windows') })
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click()
  await expect(page.getByText('son contenu doit correspondre à son extension', { exact: false })).toBeVisible()
  await expect(log(page).getByRole('link', { name: 'devis.pdf' })).toHaveCount(0)
})

test('a message written while the link is down waits in the outbox, survives a reload, and is sent once when the link is back', async ({ page, context, browser, baseURL }) => {
  const alice = await createTestUser({ name: 'Alice Morel' })
  const bruno = await createTestUser({ name: 'Bruno Vidal' })
  const conversationId = await directConversation(alice, bruno)
  await signInAs(context, bruno.id, baseURL!)
  await page.goto(`/messages/${conversationId}`)
  await live(page)

  // Alice on a flaky line: the test cuts her Socket.IO traffic (WebSocket and polling) at will; pages still load.
  const aliceContext = await browser.newContext({ baseURL, locale: 'fr-FR' })
  await signInAs(aliceContext, alice.id, baseURL!)
  let linkDown = false
  const openLinks = new Set<{ close: () => Promise<void> }>()
  // WebSockets the client has moved to (it sends the upgrade packet "5" once the probe succeeded):
  // cutting one still being probed would leave the client on a long-poll already under way.
  const upgradedLinks = new Set<{ close: () => Promise<void> }>()
  await aliceContext.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (linkDown) return void ws.close()
    const server = ws.connectToServer()
    openLinks.add(ws)
    ws.onMessage((message) => {
      if (message === '5') upgradedLinks.add(ws)
      server.send(message)
    })
    ws.onClose(() => {
      openLinks.delete(ws)
      upgradedLinks.delete(ws)
    })
  })
  await aliceContext.route(/\/socket\.io\//, (route) => (linkDown ? route.abort('internetdisconnected') : route.continue()))
  const alicePage = await aliceContext.newPage()
  const aliceErrors: string[] = []
  alicePage.on('pageerror', (error) => aliceErrors.push(error.message))
  alicePage.on('console', (message) => {
    // The cut itself: the browser reports the refused Socket.IO requests, nothing else may fail.
    if (message.type() === 'error' && !/socket\.io|WebSocket|Failed to load resource/.test(message.text())) aliceErrors.push(message.text())
  })
  await alicePage.goto(`/messages/${conversationId}`)
  await live(alicePage)

  // Socket.IO starts with HTTP polling and moves to a WebSocket: cut once it has.
  await expect.poll(() => upgradedLinks.size).toBeGreaterThan(0)
  linkDown = true
  for (const link of [...openLinks]) await link.close()
  await expect(alicePage.getByText('Connexion interrompue : vos messages partiront dès son retour, rien n’est perdu.')).toBeVisible()
  await alicePage.getByLabel('Votre message').fill('Écrit dans le train, sans réseau')
  await alicePage.getByRole('button', { name: 'Envoyer' }).click()
  await expect(alicePage.getByLabel('Votre message')).toHaveValue('')
  const waiting = log(alicePage).locator('.message-pending').filter({ hasText: 'Écrit dans le train, sans réseau' })
  await expect(waiting).toBeVisible()

  // Reloaded while still cut off: the outbox kept it (localStorage) and shows it as waiting.
  await alicePage.reload()
  await expect(log(alicePage).locator('.message-pending').filter({ hasText: 'Écrit dans le train, sans réseau' })).toBeVisible()
  await expectAccessible(alicePage)

  linkDown = false
  await live(alicePage)
  await expect(log(alicePage).locator('.message-pending')).toHaveCount(0)
  await expect(bodies(alicePage).getByText('Écrit dans le train, sans réseau')).toHaveCount(1)
  await expect(bodies(page).getByText('Écrit dans le train, sans réseau')).toHaveCount(1)
  // Stored once, whatever the number of tries.
  const db = await e2eDb()
  expect(await db.collection('messages').countDocuments({ conversationId: new mongoose.Types.ObjectId(conversationId), body: 'Écrit dans le train, sans réseau' })).toBe(1)
  expect(aliceErrors).toEqual([])
  await aliceContext.close()
})
