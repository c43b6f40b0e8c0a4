import { request as httpRequest } from 'node:http'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { languageCookie } from '~/i18n/language.server'
import { appOrigins } from '../../server/http/origins'
import { startApiServer } from './app-support'

/** A raw request, so the Host header can be anything (fetch always sends the URL's host). */
function rawRequest(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const request = httpRequest(url, { method, headers: { ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.end(body)
  })
}

/** Log lines at warn (40) and above, to tell warnings from server errors. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = []
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) })
  return { logger, lines }
}

describe('HTTP security baseline', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  beforeAll(async () => {
    server = await startApiServer({ rateLimitPerMinute: 60 })
  })
  afterAll(() => server.stop())

  it('sends an enforced CSP with a fresh nonce per response and no x-powered-by', async () => {
    const first = await fetch(`${server.url}/healthz`)
    const second = await fetch(`${server.url}/healthz`)
    const csp = first.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(first.headers.get('content-security-policy-report-only')).toBeNull()
    expect(second.headers.get('content-security-policy')).not.toBe(csp)
    expect(first.headers.get('x-powered-by')).toBeNull()
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('gives every response a request id, and keeps a well-formed incoming one', async () => {
    const generated = await fetch(`${server.url}/healthz`)
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-abc-123' } })
    expect(kept.headers.get('x-request-id')).toBe('trace-abc-123')
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': '<script>' } })
    expect(replaced.headers.get('x-request-id')).not.toBe('<script>')
  })

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await fetch(`${server.url}/anything`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })
    expect(response.status).toBe(413)
  })

  it('limits writes per IP and says so in French', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push((await fetch(`${server.url}/anything`, { method: 'POST', body: 'a=1' })).status)
    }
    expect(statuses).toContain(429)
    const limited = await fetch(`${server.url}/anything`, { method: 'POST', body: 'a=1' })
    expect(limited.status).toBe(429)
    expect((await limited.json()).error).toMatch(/Trop de requêtes/)
  })
})

describe('the app’s own hosts and origins', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  const { logger, lines } = capturingLogger()
  beforeAll(async () => {
    server = await startApiServer({ logger })
  })
  afterAll(() => server.stop())

  it('refuses a request naming another host with 400, in the visitor’s language', async () => {
    const french = await rawRequest(`${server.url}/mot-de-passe-oublie`, { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.fr' })
    expect(french.status).toBe(400)
    expect(french.text).toBe('Cette adresse ne mène pas à Passerelle. Ouvrez le site par son adresse habituelle.')
    const english = await rawRequest(`${server.url}/`, { headers: { host: 'evil.example', cookie: await languageCookie.serialize('en') } })
    expect(english.status).toBe(400)
    expect(english.text).toMatch(/^This address does not lead to Passerelle/)
  })

  it('ignores X-Forwarded-Host when no proxy is trusted, and refuses it when it names another host behind one', async () => {
    const direct = await rawRequest(`${server.url}/nulle-part`, { headers: { 'x-forwarded-host': 'evil.example' } })
    expect(direct.status).toBe(404)
    const proxied = await startApiServer({ trustProxy: 1 })
    try {
      expect((await rawRequest(`${proxied.url}/nulle-part`, { headers: { 'x-forwarded-host': 'evil.example' } })).status).toBe(400)
      expect((await rawRequest(`${proxied.url}/nulle-part`, { headers: { 'x-forwarded-host': 'localhost:8443' } })).status).toBe(404)
    } finally {
      await proxied.stop()
    }
  })

  it.each([['https://evil.example'], ['null'], ['http://localhost.evil.example'], ['not a url']])(
    'answers a form posted from %s with 403 and logs it as a warning, not a server error',
    async (origin) => {
      const before = lines.length
      const response = await rawRequest(`${server.url}/langue`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'language=en' })
      expect(response.status).toBe(403)
      expect(response.text).toMatch(/^Ce formulaire vient d’un autre site/)
      const logged = lines.slice(before)
      expect(logged.map((line) => line.msg)).toContain('cross-origin form post refused')
      expect(logged.filter((line) => line.level >= 50)).toEqual([])
    },
  )

  it('lets a form posted from the app’s own page through (and one with no Origin, as non-browser clients send)', async () => {
    const own = await rawRequest(`${server.url}/nulle-part`, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })
    expect(own.status).toBe(404)
    const none = await rawRequest(`${server.url}/nulle-part`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })
    expect(none.status).toBe(404)
  })

  it.each(['/%5C', '/%5C%5C', '/%5C%5Cevil.example', '//evil.example', '/%2F%2Fevil.example', '/%E0%A4%A', '/a%00b', '/a%0Ab'])('answers the path %s with a plain 404', async (path) => {
    const response = await rawRequest(`${server.url}${path}`, {})
    expect(response.status).toBe(404)
    expect(response.text).toBe('Cette adresse n’est pas valide. Vérifiez-la ou revenez à l’accueil.')
  })

  it('sends HSTS only over TLS or when the public URL is https', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull()
    const behindProxy = await startApiServer({ trustProxy: 1 })
    const configured = await startApiServer({ origins: appOrigins({ PASSERELLE_PUBLIC_URL: 'https://passerelle.example.fr', allowedHosts: ['127.0.0.1'] }) })
    try {
      expect((await fetch(`${behindProxy.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
      expect((await fetch(`${behindProxy.url}/healthz`)).headers.get('strict-transport-security')).toBeNull()
      expect((await fetch(`${configured.url}/healthz`)).headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    } finally {
      await behindProxy.stop()
      await configured.stop()
    }
  })
})
