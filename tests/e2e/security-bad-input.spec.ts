import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test'
import mongoose from 'mongoose'
import { hostileFieldNames, hostileValues, naughtySample, naughtyStrings } from '../corpus/naughty'
import { expect, test } from './fixtures'
import { createTestUser, e2eDb, signInAs, type TestUser } from './support/db'
import { addMember, createOrganisation, createPublishedNeed, startedProject } from './support/marketplace'

/**
 * The outside probe, kept: the naughty-strings corpus, operator payloads, prototype-pollution keys,
 * JSON / text / oversized / cross-origin bodies sent into every form the pages show (found in the
 * HTML each persona gets, hidden fields and intent buttons included), every query string and
 * JSON endpoint, and every dynamic path segment. Nothing may answer 5xx; refusals are 4xx, in the
 * page's language. Requests go through the HTTP API of each persona's context (its cookies, the
 * app's Origin), each from its own address (X-Forwarded-For: the e2e server trusts one proxy), so
 * sign-in throttling does what it does for strangers.
 */
type Field = [name: string, value: string]
type FoundForm = { page: string; action: string; method: string; multipart: boolean; fields: Field[]; fileField: string | null }
type Persona = { name: string; user: TestUser | null; context: BrowserContext; pages: string[] }

const PER_FIELD = 3
const PARALLEL = 8

/** Runs the jobs, `PARALLEL` at a time. */
async function inPool(jobs: Array<() => Promise<unknown>>) {
  let next = 0
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < jobs.length) await jobs[next++]!()
  }))
}

let addressCounter = 0
/** A different client address for every request (198.18.0.0/15, the benchmarking range). */
const nextAddress = () => {
  addressCounter++
  return `198.${18 + ((addressCounter >> 16) & 1)}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`
}

async function personaContext(browser: Browser, baseURL: string, user: TestUser | null) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false })
  if (user) await signInAs(context, user.id, baseURL)
  return context
}

/** Every form of a page as its HTML has it: one entry per submit button that names an intent. */
async function formsOf(context: BrowserContext, path: string): Promise<FoundForm[]> {
  const page = await context.newPage()
  const response = await page.goto(path)
  expect(response?.status(), `GET ${path}`).toBeLessThan(500)
  const forms = await page.locator('form').evaluateAll((elements) =>
    elements.flatMap((element) => {
      const form = element as HTMLFormElement
      const fields: Array<[string, string]> = []
      let fileField: string | null = null
      for (const control of Array.from(form.elements) as HTMLInputElement[]) {
        if (!control.name || control.disabled) continue
        if (control.type === 'file') fileField = control.name
        else if (control.type === 'submit' || control.tagName === 'BUTTON') continue
        else if ((control.type === 'checkbox' || control.type === 'radio') && !control.checked && fields.some(([name]) => name === control.name)) continue
        else fields.push([control.name, control.type === 'checkbox' || control.type === 'radio' ? control.value : control.value || 'x'])
      }
      const buttons = (Array.from(form.querySelectorAll('button[name], input[type=submit][name]')) as HTMLButtonElement[]).map((button) => [button.name, button.value] as [string, string])
      const variants = buttons.length ? buttons.map((button) => [...fields, button]) : [fields]
      return variants.map((variantFields) => ({
        action: form.action,
        method: (form.getAttribute('method') ?? 'get').toLowerCase(),
        multipart: form.enctype === 'multipart/form-data',
        fields: variantFields,
        fileField,
      }))
    }),
  )
  await page.close()
  return forms.map((form) => ({ ...form, page: path, action: new URL(form.action).pathname + new URL(form.action).search }))
}

const encodeForm = (fields: Field[]) => new URLSearchParams(fields).toString()

test('no bad input gets a server error, anywhere', async ({ browser, baseURL }) => {
  test.setTimeout(600_000)
  const origin = new URL(baseURL!).origin
  const db = await e2eDb()
  const unique = randomUUID().slice(0, 6)

  // The marketplace of one company and one lab, a project between them, a second need with a
  // proposal in progress, a conversation, an animator of their territory and an admin.
  const project = await startedProject()
  const openNeedId = await createPublishedNeed(project.companyId, project.industrialist.id, {
    title: `Joints étanches ${unique}`,
    summary: 'Joints pour boîtiers.',
    description: 'Étanchéité IP67.',
    confidentiality: 'members',
  })
  const needToAnswer = await createPublishedNeed(project.companyId, project.industrialist.id, { title: `Capteurs ${unique}`, summary: 'Capteurs.', description: 'Capteurs.', confidentiality: 'public' })
  const now = new Date()
  const { insertedId: proposalId } = await db.collection('proposals').insertOne({
    needId: new mongoose.Types.ObjectId(openNeedId),
    orgId: new mongoose.Types.ObjectId(project.labId),
    authorId: new mongoose.Types.ObjectId(project.researcher.id),
    submissionId: randomUUID(),
    approach: 'Essais de vieillissement en enceinte climatique.',
    team: 'Une ingénieure',
    durationMonths: 3,
    costRange: '10k_50k',
    trlStart: 4,
    trlEnd: 6,
    partners: [],
    status: 'submitted',
    declineReason: null,
    declineText: '',
    history: [],
    createdAt: now,
    updatedAt: now,
  })
  const animator = await createTestUser({ role: 'animator', name: `Animatrice ${unique}` })
  await db.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(animator.id) }, { $set: { animates: [{ kind: 'territory', ref: 'haut-jura' }] } })
  const admin = await createTestUser({ role: 'admin', name: `Admin ${unique}` })
  const otherCompany = await createOrganisation('company', `Autre entreprise ${unique}`)
  const stranger = await createTestUser({ role: 'industrialist', name: `Inconnu ${unique}` })
  await addMember(otherCompany, stranger.id, 'owner')
  const companySlug = (await db.collection('organisations').findOne({ _id: new mongoose.Types.ObjectId(project.companyId) }))!.slug as string
  const labSlug = (await db.collection('organisations').findOne({ _id: new mongoose.Types.ObjectId(project.labId) }))!.slug as string
  const signedIn = await personaContext(browser, baseURL!, project.industrialist)
  const started = await signedIn.request.post('/messages/nouvelle', { form: { userId: project.researcher.id }, headers: { origin }, maxRedirects: 0 })
  const conversationId = /\/messages\/([0-9a-f]{24})/.exec(started.headers().location ?? '')?.[1] ?? ''
  expect(conversationId, 'a conversation to probe').not.toBe('')
  await signedIn.close()
  const signInTarget = await createTestUser({ name: `Cible connexion ${unique}` })
  // Something for each queue, so its forms show: a report, a hidden need to appeal, a notification.
  const oid = (id: string) => new mongoose.Types.ObjectId(id)
  await db.collection('reports').insertOne({ targetKind: 'need', targetId: oid(openNeedId), reporterId: oid(stranger.id), reason: 'Doublon', spaces: [{ kind: 'territory', ref: 'haut-jura' }], status: 'open', decidedBy: null, decidedAt: null, createdAt: now, updatedAt: now })
  const hiddenNeedId = await createPublishedNeed(project.companyId, project.industrialist.id, { title: `Besoin masqué ${unique}`, summary: 'Masqué.', description: 'Masqué.', confidentiality: 'public' })
  await db.collection('moderationstates').insertOne({ targetKind: 'need', targetId: hiddenNeedId, hiddenAt: now, hiddenReason: 'Publicité', hiddenBy: oid(animator.id), appealText: '', appealedAt: null, appealedBy: null, appealDecision: null, appealDecidedAt: null, createdAt: now, updatedAt: now })
  await db.collection('notifications').insertOne({ recipientId: oid(project.industrialist.id), kind: 'proposal_received', data: { needTitle: 'Joints', orgName: 'Labo' }, link: `/besoins/${openNeedId}`, readAt: null, createdAt: now })
  // Live links, so the pages behind them show their forms: a password reset and an invitation.
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  const resetToken = randomBytes(32).toString('base64url')
  await db.collection('auth_tokens').insertOne({ tokenHash: sha256(resetToken), purpose: 'reset_password', userId: new mongoose.Types.ObjectId(signInTarget.id), email: signInTarget.email, createdAt: now, expiresAt: new Date(now.getTime() + 3600_000), usedAt: null })
  const invitationToken = randomBytes(32).toString('base64url')
  await db.collection('invitations').insertOne({ orgId: new mongoose.Types.ObjectId(otherCompany), email: project.researcher.email, tokenHash: sha256(invitationToken), invitedBy: new mongoose.Types.ObjectId(stranger.id), expiresAt: new Date(now.getTime() + 3600_000), acceptedAt: null, acceptedBy: null, revokedAt: null, createdAt: now, updatedAt: now })

  const personas: Persona[] = [
    { name: 'visitor', user: null, context: await personaContext(browser, baseURL!, null), pages: ['/', '/connexion', '/inscription', '/mot-de-passe-oublie', `/reinitialiser-mot-de-passe/${resetToken}`, '/recherche', '/besoins', '/organisations', `/besoins/${openNeedId}`] },
    {
      name: 'industrialist',
      user: project.industrialist,
      context: await personaContext(browser, baseURL!, project.industrialist),
      pages: [
        '/compte',
        '/besoins/nouveau',
        '/mes-besoins',
        `/besoins/${openNeedId}`,
        `/besoins/${openNeedId}/modifier`,
        `/organisations/${companySlug}/modifier`,
        `/organisations/${companySlug}/membres`,
        `/organisations/${labSlug}`,
        '/organisations/nouvelle',
        '/messages',
        `/messages/${conversationId}`,
        `/membres/${project.researcher.id}`,
        '/notifications',
        project.url,
        `/signaler?kind=user&id=${stranger.id}`,
        '/signaler/contestations',
      ],
    },
    {
      name: 'researcher',
      user: project.researcher,
      context: await personaContext(browser, baseURL!, project.researcher),
      pages: [`/invitations/${invitationToken}`, '/mes-propositions', `/besoins/${needToAnswer}/proposer`, `/besoins/${openNeedId}/propositions/${String(proposalId)}/modifier`, `/organisations/${labSlug}/modifier`, `/signaler?kind=need&id=${openNeedId}`],
    },
    { name: 'animator', user: animator, context: await personaContext(browser, baseURL!, animator), pages: ['/animation', '/animation/besoins', '/animation/organisations', '/animation/signalements', '/animation/suivi', '/animation/journal'] },
    { name: 'admin', user: admin, context: await personaContext(browser, baseURL!, admin), pages: ['/admin/animateurs'] },
  ]

  const failures: string[] = []
  const startedAt = Date.now()
  const lap = (what: string) => console.info(`${what}: ${Math.round((Date.now() - startedAt) / 1000)} s, ${sent} requests`)
  let sent = 0
  let resets = 0
  const statuses = new Map<number, number>()
  async function send(request: APIRequestContext, what: string, method: 'get' | 'post', url: string, options: { body?: string | Buffer; contentType?: string; origin?: string } = {}) {
    sent++
    const headers: Record<string, string> = { 'x-forwarded-for': nextAddress(), origin: options.origin ?? origin }
    if (options.contentType) headers['content-type'] = options.contentType
    try {
      const fetchOnce = () => request.fetch(url, { method, headers, data: options.body, maxRedirects: 0, failOnStatusCode: false })
      // A kept-alive connection the server was closing as it got reused resets before any answer:
      // sent again once (a server that had crashed would not answer the second either).
      const response = await fetchOnce().catch((error: unknown) => {
        if (!/ECONNRESET/.test(String(error))) throw error
        resets++
        return fetchOnce()
      })
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1)
      if (response.status() >= 500) failures.push(`${response.status()} ${what}`)
      return response
    } catch (error) {
      failures.push(`no answer: ${what} (${String(error).slice(0, 120)})`)
      return null
    }
  }

  // 1. Every POST form, field by field.
  const forms: Array<FoundForm & { persona: Persona }> = []
  const getForms: FoundForm[] = []
  for (const persona of personas) {
    for (const path of persona.pages) {
      for (const form of await formsOf(persona.context, path)) {
        if (form.method === 'get') getForms.push(form)
        // Signing out would end the persona's session for what follows: it is posted last.
        else if (form.action !== '/deconnexion') forms.push({ ...form, persona })
      }
    }
  }
  lap('pages read')
  const actions = new Set(forms.map((form) => form.action.replace(/[0-9a-f]{24}/g, ':id').replace(/\/(invitations|reinitialiser-mot-de-passe)\/[\w-]+/, '/$1/:token').replace(/\/organisations\/e2e-[\w-]+/, '/organisations/:slug').replace(/\?.*$/, '')))
  let slot = 0
  const jobs: Array<() => Promise<unknown>> = []
  for (const form of forms) {
    const request = form.persona.context.request
    // A sign-in form names a real account, so the password check itself is reached.
    const base: Field[] = form.action.startsWith('/connexion') ? form.fields.map(([name, value]) => [name, name === 'email' ? signInTarget.email : value]) : form.fields
    const post = (what: string, fields: Field[], extra: { origin?: string } = {}) => {
      if (form.multipart) {
        const boundary = `----corpus${randomUUID()}`
        const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`)
        if (form.fileField) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${form.fileField}"; filename="notes v2; relu.txt"\r\nContent-Type: text/plain\r\n\r\nbonjour\r\n`)
        return send(request, `${form.persona.name} ${form.action} ${what}`, 'post', form.action, { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}`, ...extra })
      }
      return send(request, `${form.persona.name} ${form.action} ${what}`, 'post', form.action, { body: encodeForm(fields), contentType: 'application/x-www-form-urlencoded', ...extra })
    }
    const check = (condition: boolean, message: string) => void (condition || failures.push(message))
    for (const [index, [field]] of base.entries()) {
      for (const value of naughtySample(slot++, PER_FIELD)) jobs.push(() => post(`${field}=${JSON.stringify(value).slice(0, 60)}`, base.map(([name, current], i) => [name, i === index ? value : current])))
    }
    const first = base[0]?.[0] ?? 'champ'
    for (const name of hostileFieldNames(first)) jobs.push(() => post(`field name ${name}`, [...base, [name, 'oui']]))
    jobs.push(() => post('every field twice', [...base, ...base]))
    jobs.push(async () => {
      const body = JSON.stringify(Object.fromEntries([...base.map(([name]) => [name, hostileValues[0]]), ['__proto__', { polluted: 'oui' }]]))
      const json = await send(request, `${form.persona.name} ${form.action} JSON body`, 'post', form.action, { body, contentType: 'application/json' })
      // A page that sends visitors to sign in first may redirect; anything else refuses a JSON body.
      check(!json || json.status() === 302 || (json.status() >= 400 && json.status() < 500), `${form.action} answered a JSON body with ${json?.status()}`)
    })
    jobs.push(() => send(request, `${form.persona.name} ${form.action} text body`, 'post', form.action, { body: 'du texte brut', contentType: 'text/plain' }))
    jobs.push(() => send(request, `${form.persona.name} ${form.action} broken multipart`, 'post', form.action, { body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nsans fin', contentType: 'multipart/form-data; boundary=x' }))
    jobs.push(() => send(request, `${form.persona.name} ${form.action} multipart without boundary`, 'post', form.action, { body: 'a=1', contentType: 'multipart/form-data' }))
    jobs.push(async () => {
      const crossSite = await post('from another site', base, { origin: 'https://evil.example' })
      check(crossSite?.status() === 403, `${form.action} answered a cross-site post with ${crossSite?.status()}`)
    })
  }
  await inPool(jobs.splice(0))
  // Signing out, last: with the corpus in its fields, then for real.
  for (const persona of personas.filter((persona) => persona.user)) {
    for (const value of naughtySample(slot++, PER_FIELD)) jobs.push(() => send(persona.context.request, `${persona.name} /deconnexion`, 'post', '/deconnexion', { body: encodeForm([['redirectTo', value]]), contentType: 'application/x-www-form-urlencoded' }))
  }
  await inPool(jobs.splice(0))
  for (const persona of personas.filter((persona) => persona.user)) await signInAs(persona.context, persona.user!.id, baseURL!)
  actions.add('/deconnexion')
  lap('forms')
  // One oversized body per kind of answer is enough: it is refused before any route runs.
  const tooBig = await send(personas[1]!.context.request, 'body over 1 MB', 'post', '/compte?index', { body: `name=${'x'.repeat(1024 * 1024)}`, contentType: 'application/x-www-form-urlencoded' })
  expect(tooBig?.status()).toBe(413)

  // 2. Query strings: the pages' GET forms, the JSON endpoints, the pages that read parameters.
  const queries: Array<{ persona: Persona; path: string; params: string[] }> = [
    { persona: personas[0]!, path: '/api/recherche', params: ['q', 'type', 'domaine', 'trl', 'pres', 'rayon', 'page', 'tri'] },
    { persona: personas[0]!, path: '/api/communes', params: ['q'] },
    { persona: personas[0]!, path: '/besoins', params: ['categorie', 'page'] },
    { persona: personas[0]!, path: '/organisations', params: ['type', 'domaine', 'page'] },
    { persona: personas[0]!, path: '/connexion', params: ['redirectTo'] },
    { persona: personas[1]!, path: '/compte/bienvenue', params: ['suite', 'envoi'] },
    { persona: personas[1]!, path: '/notifications', params: ['avant'] },
    { persona: personas[1]!, path: '/signaler', params: ['kind', 'id'] },
    { persona: personas[1]!, path: `/messages/${conversationId}`, params: ['avant'] },
    { persona: personas[2]!, path: `/besoins/${needToAnswer}/proposer`, params: ['organisation'] },
    { persona: personas[3]!, path: '/animation', params: ['period'] },
    { persona: personas[3]!, path: '/animation/journal.csv', params: ['action', 'acteur', 'du', 'au'] },
    ...getForms.map((form) => ({ persona: personas.find((persona) => persona.pages.includes(form.page))!, path: form.action.replace(/\?.*$/, ''), params: form.fields.map(([name]) => name) })),
  ]
  for (const { persona, path, params } of queries) {
    for (const param of new Set(params)) {
      for (const value of naughtySample(slot++, PER_FIELD)) jobs.push(() => send(persona.context.request, `${persona.name} GET ${path}?${param}=${JSON.stringify(value).slice(0, 60)}`, 'get', `${path}?${new URLSearchParams([[param, value]])}`))
      for (const name of hostileFieldNames(param)) jobs.push(() => send(persona.context.request, `${persona.name} GET ${path}?${name}`, 'get', `${path}?${encodeURIComponent(name)}=1&${encodeURIComponent(param)}=1&${encodeURIComponent(param)}=2`))
      // The same path as a .data request, as Remix fetches it once JavaScript runs.
      const value = naughtySample(slot, 1)[0]!
      if (!path.startsWith('/api/') && !path.endsWith('.csv')) jobs.push(() => send(persona.context.request, `${persona.name} GET ${path}.data?${param}`, 'get', `${path === '/' ? '/_root' : path}.data?${new URLSearchParams([[param, value]])}`))
    }
  }
  await inPool(jobs.splice(0))

  lap('queries')
  // 3. Path segments of every dynamic route, and the probe's odd paths.
  const dynamic = ['/besoins/', '/organisations/', '/membres/', '/messages/', '/projets/', '/invitations/', '/verifier-email/', '/guichet/confirmer/', '/reinitialiser-mot-de-passe/', '/notifications/', '/messages/000000000000000000000000/fichiers/', `/besoins/${openNeedId}/propositions/`]
  for (const prefix of dynamic) {
    for (const value of naughtySample(slot++, PER_FIELD)) jobs.push(() => send(personas[1]!.context.request, `GET ${prefix}${JSON.stringify(value).slice(0, 60)}`, 'get', `${prefix}${encodeURIComponent(value)}`))
  }
  // The e-mailed links' buttons post to the link itself: corpus tokens, and a post from another site.
  for (const prefix of ['/verifier-email/', '/guichet/confirmer/']) {
    for (const value of naughtySample(slot++, PER_FIELD)) jobs.push(() => send(personas[0]!.context.request, `POST ${prefix}${JSON.stringify(value).slice(0, 60)}`, 'post', `${prefix}${encodeURIComponent(value)}`, { body: '', contentType: 'application/x-www-form-urlencoded' }))
    jobs.push(async () => {
      const crossSite = await send(personas[0]!.context.request, `POST ${prefix} from another site`, 'post', `${prefix}${'x'.repeat(43)}`, { body: '', contentType: 'application/x-www-form-urlencoded', origin: 'https://evil.example' })
      if (crossSite?.status() !== 403) failures.push(`${prefix} answered a cross-site post with ${crossSite?.status()}`)
    })
  }
  for (const path of ['/%5C', '/%5C%5C', '/%2F%2Fevil.example', '/%E0%A4%A', '/%00', '/..%2F..%2Fetc%2Fpasswd', '/.env', '/besoins/%2e%2e']) jobs.push(() => send(personas[0]!.context.request, `GET ${path}`, 'get', path))
  await inPool(jobs.splice(0))

  // Refusals speak the page's language (the corpus switched the personas to English through
  // /langue: a fresh French context asks); the app is still up and serves its pages.
  const fresh = await personaContext(browser, baseURL!, project.industrialist)
  const refused = await send(fresh.request, 'JSON to /compte', 'post', '/compte?index', { body: '{"name":"x"}', contentType: 'application/json' })
  expect(refused?.status()).toBe(400)
  expect(await refused?.text()).toContain('Demande invalide')
  expect((await fresh.request.get('/healthz')).status()).toBe(200)
  expect((await fresh.request.get('/compte')).status()).toBe(200)
  await fresh.close()

  console.info(
    `HTTP bad-input corpus: ${sent} requests (${resets} sent again after a connection reset), ${forms.length} form variants on ${actions.size} actions, ${queries.length} query targets, ${naughtyStrings.length} naughty strings; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; actions ${[...actions].sort().join(' ')}`,
  )
  expect(failures).toEqual([])
  for (const persona of personas) await persona.context.close()
})
