import { request as httpRequest } from 'node:http'
import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { expect, test } from './fixtures'
import { accountButton, signOutFromHeader } from './support/header'
import { createTestUser, e2eDb, signInAs } from './support/db'
import { mailFilesTo, readOutbox, waitForMail, linkIn } from './support/mail'
import { addMember, createOrganisation } from './support/marketplace'
import { signInWithForm } from './support/sign-in'

/** A form post with any Host header (the browser and Playwright always send the URL's). */
function postWithHost(baseURL: string, path: string, host: string, body: string, extra: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const url = new URL(path, baseURL)
    const request = httpRequest(
      url,
      { method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...extra } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

test('password-reset links never follow the Host header', async ({ baseURL }) => {
  const user = await createTestUser()
  const body = `email=${encodeURIComponent(user.email)}`
  const forged: Array<[host: string, extra: Record<string, string>]> = [
    ['evil.example', {}],
    [new URL(baseURL!).host, { 'x-forwarded-host': 'evil.example' }],
  ]
  for (const [host, extra] of forged) {
    const answer = await postWithHost(baseURL!, '/mot-de-passe-oublie', host, body, extra)
    expect(answer.status, `${host} ${JSON.stringify(extra)}`).toBe(400)
    expect(answer.text).toBe('Cette adresse ne mène pas à Passerelle. Ouvrez le site par son adresse habituelle.')
  }
  expect(await mailFilesTo(user.email)).toEqual([])
  // Through the app's own host, the link is on it.
  expect((await postWithHost(baseURL!, '/mot-de-passe-oublie', new URL(baseURL!).host, body)).status).toBe(200)
  const link = linkIn(await waitForMail(user.email, { subject: /mot de passe/ }), '/reinitialiser-mot-de-passe/')
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin)
  expect((await readOutbox()).filter((mail) => mail.text.includes('evil.example'))).toEqual([])
})

test('guesses from everywhere never keep the owner out of a browser they signed in with', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000)
  const owner = await createTestUser()
  // The owner signs in once on this browser (it becomes a known one), then signs out.
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': '192.0.2.10' })
  await page.goto('/connexion')
  await signInWithForm(page, owner.email, owner.password)
  await expect(accountButton(page, owner.name)).toBeVisible()
  await signOutFromHeader(page)
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible()

  // 55 wrong passwords from 55 addresses: more than the account's budget for unknown browsers.
  const attacker = await browser.newContext({ baseURL })
  for (let i = 0; i < 55; i++) {
    const answer = await attacker.request.post('/connexion', {
      form: { email: owner.email, password: `devine-${i}` },
      headers: { origin: new URL(baseURL!).origin, 'x-forwarded-for': `203.0.113.${i + 1}` },
      maxRedirects: 0,
    })
    expect(answer.status()).toBeLessThan(500)
  }
  // A browser the owner never used is now told to wait…
  const elsewhere = await browser.newContext({ baseURL, locale: 'fr-FR', extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.99' } })
  const other = await elsewhere.newPage()
  await other.goto('/connexion')
  await signInWithForm(other, owner.email, owner.password)
  await expect(other.getByRole('alert')).toContainText('Trop de tentatives de connexion')
  // …but the owner's own browser gets in at once, even from one of the attacker's addresses.
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.1' })
  await page.goto('/connexion')
  await signInWithForm(page, owner.email, owner.password)
  await expect(accountButton(page, owner.name)).toBeVisible()
  await attacker.close()
  await elsewhere.close()
})

test('reporting a need one may not see is answered exactly like reporting one that does not exist', async ({ browser, baseURL }) => {
  const db = await e2eDb()
  const author = await createTestUser()
  const company = await createOrganisation('company', `Brouillons ${randomUUID().slice(0, 6)}`)
  await addMember(company, author.id, 'owner')
  const now = new Date()
  const title = `Projet secret ${randomUUID().slice(0, 6)}`
  const { insertedId: draftId } = await db.collection('needs').insertOne({
    companyOrgId: new mongoose.Types.ObjectId(company),
    createdBy: new mongoose.Types.ObjectId(author.id),
    title,
    summary: 'Brouillon.',
    description: '',
    confidentiality: 'public',
    domains: [],
    status: 'draft',
    spaces: [{ kind: 'territory', ref: 'haut-jura' }],
    publishedAt: null,
    history: [],
    createdAt: now,
    updatedAt: now,
  })
  const curious = await createTestUser()
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' })
  await signInAs(context, curious.id, baseURL!)
  const answerFor = async (id: string) => {
    const form = { targetKind: 'need', targetId: id, reason: 'Curiosité' }
    const response = await context.request.post(`/signaler?kind=need&id=${id}`, { form, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 })
    const html = await response.text()
    // The page without what differs on every response (nonce, request id) or names the id.
    const stable = html.replace(/nonce="[^"]*"|nonce-[^"' ]*|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{24}/g, '')
    return { status: response.status(), stable, mentionsTitle: html.includes(title) }
  }
  const unseen = await answerFor(String(draftId))
  const missing = await answerFor(String(new mongoose.Types.ObjectId()))
  expect(unseen.status).toBe(404)
  expect(unseen).toEqual(missing)
  expect(await db.collection('reports').countDocuments({ targetId: draftId })).toBe(0)
  await context.close()
})

test('personal pages and their .data answers are never cached', async ({ context, baseURL }) => {
  const user = await createTestUser()
  await signInAs(context, user.id, baseURL!)
  for (const path of ['/compte', '/compte.data', '/messages', '/messages.data', '/notifications', '/notifications.data']) {
    const response = await context.request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['cache-control'], path).toBe('private, no-store')
  }
  // What a route declares public stays so.
  expect((await context.request.get('/api/communes?q=Morez')).headers()['cache-control']).toBe('public, max-age=3600')
})
