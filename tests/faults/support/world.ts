import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll } from 'vitest'
import { startSession } from '~/http/session.server'
import { ensureProjectConversation } from '~/domain/messaging/service.server'
import { User } from '~/domain/users/model.server'
import { startEmbeddedMongo, type EmbeddedMongo } from '../../../server/embedded/mongod'
import { getFreePort } from '../../../server/embedded/ports'
import { createLogger } from '../../../server/logger'
import { spawnTs } from '../../integration/process-support'
import { startChatClient, type ChatClient, type Person } from './chat'

const logger = createLogger(process.env.FAULTS_LOG_LEVEL ?? 'silent')

/** A genuine mongod replica set (1 or 3 members) in a throw-away data dir, and this test's database on it. */
export async function startMongo({ members = 1 }: { members?: 1 | 3 } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-faults-'))
  const mongo: EmbeddedMongo = await startEmbeddedMongo({ dataDir, logger, members })
  const uri = mongo.uri(`faults_${randomUUID().slice(0, 8)}`)
  return {
    mongo,
    uri,
    dataDir,
    async stop() {
      await mongo.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export type AppProcess = Awaited<ReturnType<typeof startAppProcess>>

/**
 * One app process — the real server/main.ts, as `npm start` runs it (production build, pages
 * included) — against the servers the test runs and kills. Without a Meilisearch it runs with
 * search down (what messaging tests need); `adapter: 'mongo'` when several run behind a balancer.
 */
export async function startAppProcess({
  uri,
  port,
  adapter = 'memory',
  meili,
  publicPort,
}: {
  uri: string
  port?: number
  adapter?: 'memory' | 'mongo'
  meili?: { url: string; key: string }
  /** The load balancer's port, when there is one: the host the pages and the handshakes name. */
  publicPort?: number
}) {
  const chosenPort = port ?? (await getFreePort())
  const hosts = [`127.0.0.1:${chosenPort}`, `localhost:${chosenPort}`, ...(publicPort ? [`127.0.0.1:${publicPort}`, `localhost:${publicPort}`] : [])]
  const child = spawnTs('server/main.ts', [], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(chosenPort),
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'info',
    MONGODB_URI: uri,
    MEILI_URL: meili?.url ?? 'http://127.0.0.1:9',
    MEILI_MASTER_KEY: meili?.key ?? 'no-meilisearch-in-this-test',
    PASSERELLE_SOCKET_ADAPTER: adapter,
    PASSERELLE_ALLOWED_HOSTS: hosts.join(','),
    PASSERELLE_TRUST_PROXY: publicPort ? '1' : '0',
    PASSERELLE_RATE_LIMIT_PER_MINUTE: '1000000',
    PASSERELLE_DEMO: 'off',
    PASSERELLE_DATA_DIR: path.join(os.tmpdir(), `passerelle-faults-app-${chosenPort}`),
  })
  await child.waitForLine((text) => text.includes('Passerelle est prête'), 90_000)
  const url = `http://127.0.0.1:${chosenPort}`
  return {
    url,
    port: chosenPort,
    pid: child.child.pid!,
    child,
    /** kill -9: no shutdown, no goodbye to the sockets, the lease left to expire. */
    async crash() {
      child.child.kill('SIGKILL')
      await child.exited
    },
    /** SIGTERM, the app's own shutdown; a process that has not exited after 25 s is reported and killed. */
    async stop() {
      if (child.child.exitCode !== null || child.child.signalCode !== null) return
      child.child.kill('SIGTERM')
      const timer = setTimeout(() => {
        console.warn(`[faults] app process ${child.child.pid} still running 25 s after SIGTERM; its last lines:\n${child.lines.slice(-20).join('\n')}`)
        child.child.kill('SIGKILL')
      }, 25_000)
      await child.exited
      clearTimeout(timer)
    },
  }
}

/** People (with live sessions) in project rooms of `roomSize`, on the test's own mongoose connection. */
export async function populate({ rooms, roomSize }: { rooms: number; roomSize: number }) {
  const users = await User.insertMany(
    Array.from({ length: rooms * roomSize }, (_, i) => ({ email: `faults-${randomUUID()}@exemple.test`, passwordHash: 'not-used', name: `Personne ${i}`, role: 'researcher', emailVerifiedAt: new Date() })),
  )
  const people: Person[] = await Promise.all(
    users.map(async (user) => ({ id: String(user._id), name: user.name, cookie: (await startSession(new Request('http://localhost/'), String(user._id))).split(';')[0]! })),
  )
  const conversations: Array<{ id: string; members: Person[] }> = []
  for (let room = 0; room < rooms; room++) {
    const members = people.slice(room * roomSize, (room + 1) * roomSize)
    const { id } = await ensureProjectConversation(new mongoose.Types.ObjectId().toString(), members.map((person) => person.id))
    conversations.push({ id, members })
  }
  return { people, conversations }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sizes: modest by default (CI), larger with FAULTS_SCALE=large (npm run bench:faults). */
/** Each person sends about 1.5 messages a second: busy, and within the per-person limit (2/s). */
export const scale = process.env.FAULTS_SCALE === 'large' ? { rooms: 60, roomSize: 5, rate: 450, seconds: 15 } : { rooms: 4, roomSize: 5, rate: 30, seconds: 6 }

/**
 * A fault-test file's world: its own mongod (1 or 3 members) and this test process's connection to
 * its database, started before the file's tests; after them, every client, app process and server
 * it started is stopped. The tests crash and restart what they like in between.
 */
export function useFaultWorld({ members = 1 }: { members?: 1 | 3 } = {}) {
  let world: Awaited<ReturnType<typeof startMongo>> | undefined
  const apps: AppProcess[] = []
  const clients: ChatClient[] = []
  beforeAll(async () => {
    world = await startMongo({ members })
    await mongoose.connect(world.uri)
  })
  afterAll(async () => {
    for (const client of clients) client.close()
    for (const app of apps) await app.stop()
    await mongoose.disconnect()
    await world?.stop()
  })
  const started = () => {
    if (!world) throw new Error('the world starts in beforeAll')
    return world
  }
  return {
    get uri() {
      return started().uri
    },
    get mongo() {
      return started().mongo
    },
    /** An app process on this world's database (stopped after the file). */
    async startApp(options: Omit<Parameters<typeof startAppProcess>[0], 'uri'> = {}) {
      const app = await startAppProcess({ uri: started().uri, ...options })
      apps.push(app)
      return app
    },
    /** People in rooms, each with a chat client connected to `url` (closed after the file). */
    async chatters(url: string, size: { rooms: number; roomSize: number } = scale) {
      const { conversations } = await populate(size)
      const opened = conversations.flatMap((conversation) => conversation.members.map((person) => startChatClient({ url, person, conversationId: conversation.id })))
      clients.push(...opened)
      return { clients: opened, conversations }
    },
    /** One more client (someone arriving late). */
    chatter(url: string, person: Person, conversationId: string) {
      const client = startChatClient({ url, person, conversationId })
      clients.push(client)
      return client
    },
  }
}
