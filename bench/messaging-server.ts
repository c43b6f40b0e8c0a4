/**
 * The server side of the messaging benchmark (forked by bench/messaging.ts): the real Express +
 * Socket.IO server with MongoDB persistence (embedded mongod, throw-away data dir), plus the
 * users, sessions and conversations the driver needs. Reports its own CPU and memory, and the
 * embedded mongod's CPU, on demand over IPC, so the load generator's work is not counted.
 * Told `profile:start` / `profile:stop {dir}`, it records a CPU profile of that span only (the
 * sending, not the set-up of a thousand users) and writes it as a .cpuprofile file in `dir`.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Session } from 'node:inspector/promises'
import { writeFile } from 'node:fs/promises'
import { monitorEventLoopDelay, PerformanceObserver, constants as perfConstants } from 'node:perf_hooks'
import mongoose from 'mongoose'
import { startSession } from '../app/http/session.server.js'
import { ensureProjectConversation } from '../app/domain/messaging/service.server.js'
import { takeMessageWriterStats } from '../app/domain/messaging/delivery.server.js'
import { User } from '../app/domain/users/model.server.js'
import { createAppServer } from '../server/app-server.js'
import { appOrigins } from '../server/http/origins.js'
import { provideServices } from '../server/embedded/index.js'
import { createLogger } from '../server/logger.js'
import { createSearchClient } from '../server/search/client.js'

type Setup = { clients: number; roomSize: number }

const CLOCK_TICKS = 100 // USER_HZ on Linux

/** User + system CPU time of another process, in microseconds (0 when /proc cannot tell). */
async function processCpuMicros(pid: number | undefined): Promise<number> {
  if (!pid) return 0
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS || 0
}

async function main() {
  const { clients, roomSize } = JSON.parse(process.argv[2]!) as Setup
  const logger = createLogger('warn')
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'))
  const services = await provideServices({ dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined }, logger)
  const mongodPid = services.embedded.mongo?.process.pid
  const uri = new URL(services.mongoUri)
  uri.pathname = '/bench'
  await mongoose.connect(uri.toString())
  const server = await createAppServer({
    logger,
    db: mongoose.connection,
    search: createSearchClient(services.meiliUrl, services.meiliMasterKey),
    remix: 'none',
    mailer: { send: async () => {} },
    origins: appOrigins({ PASSERELLE_PUBLIC_URL: undefined, allowedHosts: ['127.0.0.1', 'localhost'] }),
    rateLimitPerMinute: 1_000_000,
  })
  const url = await server.listen(0, '127.0.0.1')

  const users = await User.insertMany(
    Array.from({ length: clients }, (_, i) => ({ email: `bench-${i}@exemple.test`, passwordHash: 'x', name: `Bench ${i}`, role: 'researcher' })),
  )
  const cookies = await Promise.all(users.map(async (user) => (await startSession(new Request('http://bench/'), String(user._id))).split(';')[0]!))
  const conversations: string[] = []
  for (let i = 0; i < users.length; i += roomSize) {
    const members = users.slice(i, i + roomSize).map((user) => String(user._id))
    conversations.push((await ensureProjectConversation(new mongoose.Types.ObjectId().toString(), members)).id)
  }

  let last = { cpu: process.cpuUsage(), mongod: await processCpuMicros(mongodPid), at: process.hrtime.bigint() }
  const idleRss = process.memoryUsage().rss
  // Event-loop delay: high when the server lacks CPU (its own work or a busy machine).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  // Garbage collection pauses (young-generation scavenges apart from the rest): count, total and longest.
  let gc = { scavenges: 0, scavengeMs: 0, others: 0, otherMs: 0, maxMs: 0 }
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const minor = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR
      if (minor) gc.scavenges++, (gc.scavengeMs += entry.duration)
      else gc.others++, (gc.otherMs += entry.duration)
      gc.maxMs = Math.max(gc.maxMs, entry.duration)
    }
  })
  gcObserver.observe({ entryTypes: ['gc'] })
  let profiler: Session | undefined
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'stats') {
      const now = { cpu: process.cpuUsage(), mongod: await processCpuMicros(mongodPid), at: process.hrtime.bigint() }
      const elapsedMicros = Number(now.at - last.at) / 1_000
      const used = now.cpu.user - last.cpu.user + (now.cpu.system - last.cpu.system)
      // Includes the one full collection the bench itself forces below at the start of each rung.
      const gcTaken = gc
      gc = { scavenges: 0, scavengeMs: 0, others: 0, otherMs: 0, maxMs: 0 }
      // Retained memory, not garbage awaiting collection (the server runs with --expose-gc).
      ;(globalThis as { gc?: () => void }).gc?.()
      const memory = process.memoryUsage()
      process.send!({
        type: 'stats',
        cpuPercent: (100 * used) / elapsedMicros,
        mongodCpuPercent: (100 * (now.mongod - last.mongod)) / elapsedMicros,
        elapsedMs: elapsedMicros / 1_000,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        writer: takeMessageWriterStats(),
        gc: gcTaken,
        rssBytes: memory.rss,
        idleRssBytes: idleRss,
        heapBytes: memory.heapUsed,
      })
      last = now
      loopDelay.reset()
    }
    if (message.type === 'profile:start') {
      profiler = new Session()
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.start')
    }
    if (message.type === 'profile:stop' && profiler) {
      const { profile } = await profiler.post('Profiler.stop')
      const file = path.join((message as unknown as { dir: string }).dir, `server-${Date.now()}.cpuprofile`)
      await writeFile(file, JSON.stringify(profile))
      profiler.disconnect()
      profiler = undefined
      process.send!({ type: 'profile:written', file })
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
