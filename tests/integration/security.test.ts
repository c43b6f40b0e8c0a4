import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer } from './app-support'

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
