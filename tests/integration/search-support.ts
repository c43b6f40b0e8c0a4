import { randomUUID } from 'node:crypto'
import net from 'node:net'
import mongoose from 'mongoose'
import { Need } from '~/domain/needs/model.server'
import { Organisation } from '~/domain/orgs/model.server'
import { resolveCommune } from '~/domain/places/communes.server'

/** Polls until `check` returns a value (not undefined/false) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, { timeoutMs = 15_000, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value !== undefined && value !== false && value !== null) return value
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`)
}

export const uniquePrefix = () => `it_${randomUUID().slice(0, 8)}_`

const saintClaude = resolveCommune('39478')!

export async function insertOrg(overrides: Record<string, unknown> = {}) {
  const unique = randomUUID().slice(0, 8)
  const org = await Organisation.create({ slug: `org-${unique}`, name: `Organisation ${unique}`, kind: 'company', location: saintClaude, fictional: true, ...overrides })
  return org
}

export async function insertNeed(companyOrgId: mongoose.Types.ObjectId, overrides: Record<string, unknown> = {}) {
  return Need.create({
    companyOrgId,
    createdBy: new mongoose.Types.ObjectId(),
    title: 'Pièces en fabrication additive métal',
    summary: 'Nous cherchons un partenaire pour qualifier des pièces imprimées.',
    description: 'Détails techniques.',
    category: 'technical',
    domains: ['additive-manufacturing'],
    trlCurrent: 3,
    trlTarget: 6,
    location: saintClaude,
    confidentiality: 'public',
    status: 'published',
    publishedAt: new Date(),
    ...overrides,
  })
}

/**
 * A TCP relay in front of Meilisearch that can be cut and restored on the same port:
 * from the app's side, exactly a Meilisearch outage.
 */
export async function meiliRelay(targetUrl: string) {
  const target = new URL(targetUrl)
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname)
        sockets.add(client).add(upstream)
        client.pipe(upstream).pipe(client)
        const close = () => {
          client.destroy()
          upstream.destroy()
          sockets.delete(client)
          sockets.delete(upstream)
        }
        client.on('error', close).on('close', close)
        upstream.on('error', close).on('close', close)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })
  await listen()
  return {
    url: () => `http://127.0.0.1:${port}`,
    async cut() {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
    restore: listen,
  }
}
