import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { startApiServer } from './app-support'

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
