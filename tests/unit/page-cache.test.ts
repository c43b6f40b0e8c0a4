import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { anonymousVariant, isPublicPage, pageCache } from '../../server/http/page-cache'

/**
 * The page cache in front of a real HTTP server: a page that streams its HTML in chunks with the
 * response's nonce in it (like Remix's), a counter of renders, and a form post that writes.
 */
describe('the anonymous page cache', () => {
  let base = ''
  let renders = 0
  let releaseSlowWrite: (() => void) | undefined
  let version = 1
  let writesTold = 0
  let cache: ReturnType<typeof pageCache>
  let close: () => void

  beforeAll(async () => {
    const app = express()
    app.use((_req, res, next) => {
      res.locals.cspNonce = randomBytes(16).toString('base64')
      next()
    })
    app.use(compression())
    cache = pageCache({ ttlMs: 60_000, onWrite: () => writesTold++ })
    app.use(cache.handler)
    app.get(['/besoins', '/besoins.data', '/connexion', '/organisations/:slug'], async (req, res) => {
      renders++
      const nonce = res.locals.cspNonce as string
      res.status(req.query.missing ? 404 : 200).type('html')
      if (req.query.cookie) res.setHeader('Set-Cookie', 'toast=1')
      res.write(`<html><head><script nonce="${nonce}">start()</script></head>`)
      await new Promise((resolve) => setTimeout(resolve, 5))
      res.write(Buffer.from(`<body>version ${version} — données publiques é${' '.repeat(2_000)}</body>`))
      res.end(`<script nonce="${nonce}">end()</script></html>`)
    })
    app.post('/besoins', async (_req, res) => {
      await new Promise<void>((resolve) => (releaseSlowWrite = resolve))
      version++
      res.status(204).end()
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => close())
  beforeEach(() => cache.forgetAll())

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers })
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') }
  }
  const nonces = (body: string) => [...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])

  it('renders a public page once for many anonymous visitors, each with a nonce of their own', async () => {
    const before = renders
    const pages = await Promise.all(Array.from({ length: 5 }, () => get('/besoins')))
    await Promise.all(Array.from({ length: 5 }, () => get('/besoins')))
    const again = await Promise.all(Array.from({ length: 5 }, () => get('/besoins')))
    // The first burst may render more than once (nothing stored yet); after it, nothing more.
    const afterBursts = renders
    expect(afterBursts - before).toBeLessThanOrEqual(5)
    await get('/besoins')
    expect(renders).toBe(afterBursts)
    for (const page of [...pages, ...again]) {
      expect(page.status).toBe(200)
      expect(page.type).toMatch(/text\/html/)
      expect(page.body).toContain('version 1 — données publiques é')
    }
    const all = [...pages, ...again].map((page) => nonces(page.body))
    for (const [first, last] of all) expect(first).toBe(last)
    expect(new Set(all.map(([first]) => first)).size).toBe(all.length)
  })

  it('gives a compressed answer to whoever asks for one, from the same stored page', async () => {
    await get('/besoins')
    const response = await fetch(`${base}/besoins`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(await response.text()).toContain('données publiques é')
  })

  it('never serves nor stores for a visitor with a session or any other cookie', async () => {
    await get('/besoins')
    const before = renders
    await get('/besoins', { cookie: '__session=abc' })
    await get('/besoins', { cookie: 'lang=ImVuIg%3D%3D; __session=abc' })
    expect(renders).toBe(before + 2)
    expect(anonymousVariant('lang=ImVuIg%3D%3D')).toBe('ImVuIg%3D%3D')
    expect(anonymousVariant(undefined)).toBe('')
    expect(anonymousVariant('lang=ImVuIg%3D%3D; toast=1')).toBeNull()
  })

  it('keeps one page per language', async () => {
    await get('/besoins', { cookie: 'lang=fr' })
    await get('/besoins', { cookie: 'lang=en' })
    const before = renders
    await get('/besoins', { cookie: 'lang=fr' })
    await get('/besoins', { cookie: 'lang=en' })
    await get('/besoins', { cookie: 'lang=de' })
    expect(renders).toBe(before + 1)
  })

  it('stores only 200 answers without Set-Cookie, for public pages only', async () => {
    for (const path of ['/besoins?missing=1', '/besoins?cookie=1', '/connexion']) {
      await get(path)
      const before = renders
      await get(path)
      expect(renders, path).toBe(before + 1)
    }
    expect(isPublicPage('/besoins/0123456789abcdef01234567')).toBe(true)
    expect(isPublicPage('/besoins/0123456789abcdef01234567.data')).toBe(true)
    expect(isPublicPage('/besoins/0123456789abcdef01234567/modifier')).toBe(false)
    expect(isPublicPage('/compte/confirmer')).toBe(false)
    expect(isPublicPage('/organisations/atelier-durand')).toBe(true)
  })

  it('forgets everything when a form is posted: the page rendered while the write ran is gone once it ends', async () => {
    await get('/besoins')
    const before = renders
    const posting = fetch(`${base}/besoins`, { method: 'POST' })
    await expect.poll(() => releaseSlowWrite).toBeDefined()
    // The write has begun: the copy from before it is gone.
    expect((await get('/besoins')).body).toContain('version 1 ')
    expect(renders).toBe(before + 1)
    const toldBefore = writesTold
    releaseSlowWrite!()
    releaseSlowWrite = undefined
    expect((await posting).status).toBe(204)
    // Its end is told to the other processes, and the copy made during it goes.
    await expect.poll(() => writesTold).toBeGreaterThan(toldBefore)
    const page = await get('/besoins')
    expect(page.body).toContain('version 2 ')
    const after = renders
    await get('/besoins')
    expect(renders).toBe(after)
  })

  it('takes GET, HEAD and OPTIONS for reads: they empty nothing', async () => {
    await get('/besoins')
    const before = renders
    await fetch(`${base}/besoins`, { method: 'OPTIONS' })
    // HEAD is answered by a render of its own (never from nor into the cache).
    await fetch(`${base}/besoins`, { method: 'HEAD' })
    expect(renders).toBe(before + 1)
    await get('/besoins')
    expect(renders).toBe(before + 1)
  })

  it('renders for the visitor, and keeps nothing, when the language cookie comes twice or the address is very long', async () => {
    expect(anonymousVariant('lang=ImVuIg%3D%3D; lang=')).toBeNull()
    expect(anonymousVariant('lang=')).toBe('')
    const long = `/besoins?q=${'x'.repeat(2_000)}`
    await get(long)
    const before = renders
    await get(long)
    await get('/besoins', { cookie: 'lang=ImVuIg%3D%3D; lang=' })
    await get('/besoins', { cookie: 'lang=ImVuIg%3D%3D; lang=' })
    expect(renders).toBe(before + 3)
  })

  it('lets a page expire after its time', async () => {
    const shortLived = pageCache({ ttlMs: 30 })
    const app = express()
    let count = 0
    app.use(shortLived.handler)
    app.get('/besoins', (_req, res) => res.type('html').end(`render ${++count}`))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/besoins`
    try {
      expect(await (await fetch(url)).text()).toBe('render 1')
      expect(await (await fetch(url)).text()).toBe('render 1')
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(await (await fetch(url)).text()).toBe('render 2')
    } finally {
      server.close()
    }
  })

  it('once a page is out of date, one request renders it anew while the others get the copy before it; a copy too old is never served', async () => {
    const renewed = pageCache({ ttlMs: 300, staleMs: 1_000 })
    const app = express()
    let count = 0
    let release: (() => void) | undefined
    app.use(renewed.handler)
    app.get('/besoins', async (_req, res) => {
      const render = ++count
      if (render === 2) await new Promise<void>((resolve) => (release = resolve))
      res.type('html').end(`render ${render}`)
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/besoins`
    const text = async () => (await fetch(url)).text()
    try {
      expect(await text()).toBe('render 1')
      await new Promise((resolve) => setTimeout(resolve, 320))
      const renewing = text()
      await expect.poll(() => release).toBeDefined()
      // While render 2 is under way, everybody else gets render 1, and nothing else renders.
      expect(await Promise.all([text(), text(), text()])).toEqual(['render 1', 'render 1', 'render 1'])
      expect(count).toBe(2)
      release!()
      expect(await renewing).toBe('render 2')
      expect(await text()).toBe('render 2')
      // Past `staleMs`, the old copy is gone: the next visitor waits for a render of their own.
      await new Promise((resolve) => setTimeout(resolve, 1_050))
      expect(await text()).toBe('render 3')
    } finally {
      server.close()
    }
  })

  it('forgets everything, and keeps no render under way, when another process says it wrote', async () => {
    await get('/besoins')
    const before = renders
    await get('/besoins')
    expect(renders).toBe(before)
    cache.forgetAll()
    await get('/besoins')
    expect(renders).toBe(before + 1)
  })

  it('gives every answer its own request id, and keeps no copy of a page rendered for an id the client chose', async () => {
    const app = express()
    const withIds = pageCache()
    let count = 0
    app.use((req, _res, next) => {
      const incoming = req.headers['x-request-id']
      ;(req as unknown as { id: string }).id = typeof incoming === 'string' ? incoming : randomBytes(16).toString('hex')
      next()
    })
    app.use(withIds.handler)
    app.get('/besoins', (req, res) => res.type('html').end(`render ${++count}, reference ${(req as unknown as { id: string }).id}`))
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/besoins`
    try {
      expect(await (await fetch(url, { headers: { 'x-request-id': 'Passerelle' } })).text()).toBe('render 1, reference Passerelle')
      // Not kept: the next visitor's page is rendered for them and says nothing of « Passerelle ».
      const second = await (await fetch(url)).text()
      expect(second).toMatch(/^render 2, reference [a-f0-9]{32}$/)
      const third = await (await fetch(url)).text()
      expect(third).toMatch(/^render 2, reference [a-f0-9]{32}$/)
      expect(third).not.toBe(second)
    } finally {
      server.close()
    }
  })
})
