/**
 * The server side of the messaging benchmark (forked by bench/messaging.ts): the real Express +
 * Socket.IO server with MongoDB persistence (embedded mongod, throw-away data dir), plus the
 * users, sessions and conversations the driver needs. Reports its own CPU and memory on demand
 * over IPC, so the load generator's work is not counted.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { startSession } from '../app/domain/auth/session.server.js'
import { ensureProjectConversation } from '../app/domain/messaging/service.server.js'
import { User } from '../app/domain/users/model.server.js'
import { createAppServer } from '../server/app-server.js'
import { provideServices } from '../server/embedded/index.js'
import { createLogger } from '../server/logger.js'
import { createSearchClient } from '../server/search/client.js'

type Setup = { clients: number; roomSize: number }

async function main() {
  const { clients, roomSize } = JSON.parse(process.argv[2]!) as Setup
  const logger = createLogger('warn')
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'))
  const services = await provideServices({ dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined }, logger)
  const uri = new URL(services.mongoUri)
  uri.pathname = '/bench'
  await mongoose.connect(uri.toString())
  const server = await createAppServer({
    logger,
    db: mongoose.connection,
    search: createSearchClient(services.meiliUrl, services.meiliMasterKey),
    remix: 'none',
    mailer: { send: async () => {} },
    rateLimitPerMinute: 1_000_000,
  })
  const url = await server.listen(0, '127.0.0.1')

  const users = await User.insertMany(
    Array.from({ length: clients }, (_, i) => ({ email: `bench-${i}@exemple.test`, passwordHash: 'x', name: `Bench ${i}`, role: 'researcher' })),
  )
  const cookies: string[] = []
  for (const user of users) cookies.push((await startSession(new Request('http://bench/'), String(user._id))).split(';')[0]!)
  const conversations: string[] = []
  for (let i = 0; i < users.length; i += roomSize) {
    const members = users.slice(i, i + roomSize).map((user) => String(user._id))
    conversations.push((await ensureProjectConversation(new mongoose.Types.ObjectId().toString(), members)).id)
  }

  const baseline = process.cpuUsage()
  let last = { cpu: baseline, at: process.hrtime.bigint() }
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'stats') {
      const now = { cpu: process.cpuUsage(), at: process.hrtime.bigint() }
      const elapsedMicros = Number(now.at - last.at) / 1_000
      const used = now.cpu.user - last.cpu.user + (now.cpu.system - last.cpu.system)
      last = now
      process.send!({ type: 'stats', cpuPercent: (100 * used) / elapsedMicros, rssBytes: process.memoryUsage().rss, heapBytes: process.memoryUsage().heapUsed })
    }
    if (message.type === 'stop') {
      await server.close()
      await mongoose.disconnect()
      await services.stop()
      await rm(dataDir, { recursive: true, force: true })
      process.exit(0)
    }
  })
  process.send!({ type: 'ready', url, cookies, conversations, roomSize })
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
