import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { io as connect, type Socket } from 'socket.io-client'
import { startSession } from '~/http/session.server'
import type { ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { afterAll, beforeAll } from 'vitest'
import { startApiServer } from './app-support'
import { makeUser } from './factories'
import { isolatedMongoUri } from './support'

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>

/** A user in the test database (the default mongoose connection) and the Cookie header of a live session. */
export async function createUserWithSession(name = `Personne ${randomUUID().slice(0, 6)}`) {
  const user = await makeUser('industrialist', { name })
  const setCookie = await startSession(new Request('http://localhost/'), user.id)
  return { id: user.id, name, actor: user, cookie: setCookie.split(';')[0]! }
}

/** A real socket.io-client, authenticated by the session cookie in the handshake headers. */
export function socketClient(url: string, cookie?: string, options: { reconnection?: boolean } = {}): Promise<Client> {
  const client: Client = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    extraHeaders: cookie ? { cookie } : {},
  })
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client))
    client.once('connect_error', reject)
  })
}

/** Collects every event of one name a client receives. */
export function record<E extends keyof ServerToClientEvents>(client: Client, event: E) {
  const received: Array<Parameters<ServerToClientEvents[E]>[0]> = []
  client.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload)) as never)
  return received
}

/** Waits until `check` is true (events pushed by the message feed arrive a few ms after the ack). */
export async function until(check: () => boolean, { timeoutMs = 5_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Resolves with the next event of that name. */
export function next<E extends keyof ServerToClientEvents>(client: Client, event: E): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => client.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => resolve(payload)) as never))
}

/**
 * A round trip on the client's own connection: anything the server emitted to this socket
 * before handling the ping has been received once the ack arrives (one ordered connection).
 */
export async function barrier(client: Client) {
  await client.timeout(5_000).emitWithAck('system:ping', { sentAt: 0 })
}

/**
 * The app's HTTP + Socket.IO server for one test file, on the file's own database: started
 * before its tests; after them, every client they opened is disconnected and the server stopped.
 */
export function useLiveApiServer(options: Parameters<typeof startApiServer>[0] = {}) {
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined
  const clients: Client[] = []
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
    server = await startApiServer(options)
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await server?.stop()
    await mongoose.disconnect()
  })
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    /** A client of this server (signed in when given a session cookie), closed after the file's tests. */
    async open(cookie?: string) {
      const client = await socketClient(this.server.url, cookie)
      clients.push(client)
      return client
    },
  }
}
