import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { appOrigins } from '../../server/http/origins'
import { startApiServer } from './app-support'
import { createUserWithSession } from './messaging-support'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

describe('Socket.IO server', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  const clients: Client[] = []
  const newClient = async () => {
    const client: Client = connect(server.url, { transports: ['websocket'], forceNew: true })
    clients.push(client)
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve)
      client.once('connect_error', reject)
    })
    return client
  }

  beforeAll(async () => {
    server = await startApiServer()
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await server.stop()
  })

  it('accepts a socket.io-client connection on the same port as HTTP', async () => {
    const client = await newClient()
    expect(client.connected).toBe(true)
    const health = await (await fetch(`${server.url}/healthz`)).json()
    expect(health.services.socket.clients).toBeGreaterThanOrEqual(1)
  })

  it('refuses a handshake from a page of another origin (cross-site WebSocket hijacking), with a signed-in cookie or not', async () => {
    // The app is served on 127.0.0.1 only (any port): pages elsewhere, even on this machine, are foreign.
    const own = await startApiServer({ origins: appOrigins({ PASSERELLE_PUBLIC_URL: undefined, allowedHosts: ['127.0.0.1'] }) })
    const session = await createUserWithSession('Victime')
    const port = new URL(own.url).port
    for (const origin of ['http://evil.example', `http://localhost:${port}`, `http://sub.127.0.0.1.nip.io:${port}`, 'null']) {
      for (const transport of ['websocket', 'polling'] as const) {
        const client: Client = connect(own.url, { transports: [transport], forceNew: true, reconnection: false, extraHeaders: { origin, cookie: session.cookie } })
        clients.push(client)
        const outcome = await new Promise<string>((resolve) => {
          client.once('connect', () => resolve('connected'))
          client.once('connect_error', () => resolve('refused'))
        })
        expect(`${origin} over ${transport}: ${outcome}`).toBe(`${origin} over ${transport}: refused`)
      }
    }
    // The app's own pages connect.
    const page: Client = connect(own.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin: `http://127.0.0.1:${port}`, cookie: session.cookie } })
    clients.push(page)
    await new Promise((resolve, reject) => {
      page.once('connect', () => resolve(undefined))
      page.once('connect_error', reject)
    })
    expect(page.connected).toBe(true)
    page.disconnect()
    await own.stop()
  })

  it('answers a command through its acknowledgement', async () => {
    const client = await newClient()
    const ack = await client.timeout(2_000).emitWithAck('system:ping', { sentAt: 42 })
    expect(ack.data?.sentAt).toBe(42)
    expect(ack.data?.serverTime).toBeGreaterThan(0)
  })

  it('refuses a payload of the wrong shape with an error ack and keeps the socket up', async () => {
    const client = await newClient()
    const ack = await client.timeout(2_000).emitWithAck('system:ping', { sentAt: 'yesterday' } as never)
    expect(ack.error?.code).toBe('invalid_payload')
    expect(client.connected).toBe(true)
    const again = await client.timeout(2_000).emitWithAck('system:ping', { sentAt: 1 })
    expect(again.data?.sentAt).toBe(1)
  })

  it('tells connected clients when the server shuts down', async () => {
    const own = await startApiServer()
    const client: Client = connect(own.url, { transports: ['websocket'], forceNew: true, reconnection: false })
    clients.push(client)
    await new Promise((resolve) => client.once('connect', () => resolve(undefined)))
    const notified = new Promise<boolean>((resolve) => client.once('system:shutting-down', () => resolve(true)))
    const disconnected = new Promise<boolean>((resolve) => client.once('disconnect', () => resolve(true)))
    await own.stop()
    expect(await notified).toBe(true)
    expect(await disconnected).toBe(true)
  })
})
