/**
 * Cluster benchmark (issue 19): the deployed topology — a three-member replica set, one
 * Meilisearch, N app processes (Socket.IO MongoDB adapter) and Debian's nginx in front — measured
 * with 1, then 2 app processes, the same load each time, printed side by side:
 * - messaging: `--clients` people in rooms of `--room` send `--rate` messages a second in total for
 *   `--seconds` through nginx, with the app's own client modules (outbox and conversation sync of
 *   tests/faults/support/chat.ts) and its ledger (nothing lost); ack and delivery latencies;
 * - pages: `--page-workers` loops load `/` and `/besoins` (demo data) through nginx, each with its
 *   own route cookie, for `--page-seconds`; requests a second and latencies (a fetch loop:
 *   autocannon is not a dependency);
 * - the CPU seconds each part used during each phase (/proc/<pid>/stat utime+stime): nginx, each
 *   app process, the three mongod, Meilisearch and this load generator.
 *
 *   npm run bench:cluster -- --clients 100 --rate 100 --seconds 10 --page-workers 8 --page-seconds 10
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import mongoose from 'mongoose'
import { z } from 'zod'
import { startSession } from '../app/http/session.server.js'
import { ensureProjectConversation } from '../app/domain/messaging/service.server.js'
import { User } from '../app/domain/users/model.server.js'
import { startAppProcess, type AppProcess } from '../server/cluster/app-process.js'
import { startNginx } from '../server/cluster/nginx.js'
import { provideServices } from '../server/embedded/index.js'
import { getFreePort } from '../server/embedded/ports.js'
import { createLogger } from '../server/logger.js'
import { sendSteadily, startChatClient, type ChatClient } from '../tests/faults/support/chat.js'
import { settle, tally } from '../tests/faults/support/ledger.js'

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100' },
    room: { type: 'string', default: '5' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    'page-workers': { type: 'string', default: '8' },
    'page-seconds': { type: 'string', default: '10' },
    processes: { type: 'string', default: '1,2' },
  },
})
const options = z
  .object({
    clients: z.coerce.number().int().min(2),
    room: z.coerce.number().int().min(2),
    rate: z.coerce.number().positive(),
    seconds: z.coerce.number().positive(),
    'page-workers': z.coerce.number().int().min(1),
    'page-seconds': z.coerce.number().positive(),
    processes: z.string().transform((value) => value.split(',').map(Number)).pipe(z.array(z.number().int().min(1).max(8)).min(1)),
  })
  .parse(values)

const CLOCK_TICKS = 100 // USER_HZ on Linux
const logger = createLogger('warn')

/** utime + stime of a process, in seconds (0 once it is gone). */
async function cpuSeconds(pid: number) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS || 0
}

async function childrenOf(pid: number) {
  const children: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry))
  }
  return children
}

type Parts = Record<string, number[]>
async function cpuOf(parts: Parts) {
  const used: Record<string, number> = {}
  for (const [name, pids] of Object.entries(parts)) used[name] = (await Promise.all(pids.map(cpuSeconds))).reduce((sum, value) => sum + value, 0)
  const self = process.cpuUsage()
  used['load generator'] = (self.user + self.system) / 1e6
  return used
}
const difference = (after: Record<string, number>, before: Record<string, number>) => Object.fromEntries(Object.entries(after).map(([name, value]) => [name, value - (before[name] ?? 0)]))

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  console.log(`load before the run: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}; ${os.cpus().length} cores`)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-cluster-'))
  const services = await provideServices({ dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined, PASSERELLE_MONGO_MEMBERS: 3 }, logger)
  const mongoUri = services.mongoUri.replace('/passerelle?', '/bench?')
  await mongoose.connect(mongoUri)
  const users = await User.insertMany(Array.from({ length: options.clients }, (_, i) => ({ email: `bench-${i}@exemple.test`, passwordHash: 'x', name: `Bench ${i}`, role: 'researcher', emailVerifiedAt: new Date() })))
  const people = await Promise.all(users.map(async (user) => ({ id: String(user._id), name: user.name, cookie: (await startSession(new Request('http://bench/'), String(user._id))).split(';')[0]! })))
  /** Fresh rooms for each round: the clients start from an empty conversation. */
  const rooms = async () => {
    const conversations: Array<{ id: string; members: typeof people }> = []
    for (let i = 0; i < people.length; i += options.room) {
      const members = people.slice(i, i + options.room)
      conversations.push({ id: (await ensureProjectConversation(new mongoose.Types.ObjectId().toString(), members.map((person) => person.id))).id, members })
    }
    return conversations
  }

  const results: Array<{ processes: number; rows: Record<string, string> }> = []
  const databaseParts: Parts = {
    ...Object.fromEntries(services.embedded.mongo!.members.map((member) => [`mongod ${member.index + 1}`, [member.process.pid]])),
    meilisearch: [services.embedded.meilisearch!.process.pid],
  }
  for (const count of options.processes) {
    const publicPort = await getFreePort()
    const apps: AppProcess[] = []
    for (let i = 0; i < count; i++) {
      apps.push(
        await startAppProcess({
          logger,
          env: {
            NODE_ENV: 'production',
            LOG_LEVEL: 'warn',
            MONGODB_URI: mongoUri,
            MEILI_URL: services.meiliUrl,
            MEILI_MASTER_KEY: services.meiliMasterKey,
            PASSERELLE_SOCKET_ADAPTER: 'mongo',
            PASSERELLE_TRUST_PROXY: '1',
            PASSERELLE_ALLOWED_HOSTS: `127.0.0.1:${publicPort},localhost:${publicPort}`,
            PASSERELLE_DEMO: 'on',
            // One machine sends everything: the per-IP limits would measure themselves.
            PASSERELLE_RATE_LIMIT_PER_MINUTE: '10000000',
            PASSERELLE_DATA_DIR: path.join(dataDir, `app-${i}`),
          },
        }),
      )
    }
    const nginx = await startNginx({ port: publicPort, backends: apps.map((app) => app.port), dir: path.join(dataDir, `nginx-${count}`), logger })
    const parts: Parts = {
      nginx: [nginx.process.pid, ...(await childrenOf(nginx.process.pid))],
      ...Object.fromEntries(apps.map((app, index) => [`app ${index + 1}`, [app.pid]])),
      ...databaseParts,
    }
    const rows: Record<string, string> = {}

    // Messaging.
    const conversations = await rooms()
    const clients: ChatClient[] = conversations.flatMap((conversation) => conversation.members.map((person) => startChatClient({ url: nginx.url, person, conversationId: conversation.id })))
    const deliveries: number[] = []
    for (const client of clients) client.socket.on('message:created', (message) => deliveries.push(Date.now() - Number(/@(\d+)$/.exec(message.body)?.[1] ?? Date.now())))
    const deadline = Date.now() + 60_000
    while (clients.some((client) => !client.socket.connected) && Date.now() < deadline) await sleep(100)
    await sleep(1_000)
    let before = await cpuOf(parts)
    const stamp = (client: ChatClient, body: string) => `${body} @${Date.now()}`
    const stop = sendSteadilyStamped(clients, options.rate, stamp)
    await sleep(options.seconds * 1_000)
    stop()
    await settle(clients, { timeoutMs: 60_000 })
    const messagingCpu = difference(await cpuOf(parts), before)
    const counts = await tally(clients)
    const acks = clients.flatMap((client) => client.attempts.map((attempt) => attempt.ms))
    rows['messages sent / acked / lost deliveries'] = `${counts.sent} / ${counts.acked} / ${counts.lost}`
    rows['messages/s'] = String(Math.round(counts.sent / options.seconds))
    rows['ack p50 / p99 ms'] = `${percentile(acks, 0.5)} / ${percentile(acks, 0.99)}`
    rows['delivery p50 / p99 ms'] = `${percentile(deliveries, 0.5)} / ${percentile(deliveries, 0.99)}`
    for (const [name, seconds] of Object.entries(messagingCpu)) rows[`msg CPU s: ${name}`] = seconds.toFixed(1)
    for (const client of clients) client.close()
    await sleep(1_000)

    // Pages.
    const routes = await Promise.all(
      Array.from({ length: options['page-workers'] }, async () => /passerelle_route=[^;]+/.exec((await fetch(`${nginx.url}/healthz`)).headers.get('set-cookie') ?? '')?.[0] ?? ''),
    )
    for (const target of ['/', '/besoins']) await (await fetch(`${nginx.url}${target}`)).arrayBuffer()
    before = await cpuOf(parts)
    const latencies: number[] = []
    let failed = 0
    const pageDeadline = performance.now() + options['page-seconds'] * 1_000
    await Promise.all(
      routes.map(async (route, worker) => {
        for (let i = worker; performance.now() < pageDeadline; i++) {
          const startedAt = performance.now()
          try {
            const response = await fetch(`${nginx.url}${i % 2 ? '/besoins' : '/'}`, { headers: { cookie: route } })
            await response.arrayBuffer()
            if (response.status !== 200) failed++
          } catch {
            failed++
          }
          latencies.push(performance.now() - startedAt)
        }
      }),
    )
    const pagesCpu = difference(await cpuOf(parts), before)
    rows['pages/s'] = String(Math.round(latencies.length / options['page-seconds']))
    rows['page p50 / p99 ms'] = `${percentile(latencies, 0.5)} / ${percentile(latencies, 0.99)}`
    rows['page errors'] = String(failed)
    for (const [name, seconds] of Object.entries(pagesCpu)) rows[`page CPU s: ${name}`] = seconds.toFixed(1)
    results.push({ processes: count, rows })

    await nginx.stop()
    for (const app of apps) await app.stop()
  }

  // Row names in the order of the largest run (its app rows side by side).
  const names = [...new Set([...results].sort((a, b) => b.processes - a.processes).flatMap((result) => Object.keys(result.rows)))]
  const width = Math.max(...names.map((name) => name.length))
  console.log(`\n${options.clients} clients in rooms of ${options.room}, ${options.rate} msg/s for ${options.seconds} s; ${options['page-workers']} page loops for ${options['page-seconds']} s\n`)
  console.log(`${''.padEnd(width)}  ${results.map((result) => `${result.processes} process${result.processes > 1 ? 'es' : ''}`.padStart(14)).join('')}`)
  for (const name of names) console.log(`${name.padEnd(width)}  ${results.map((result) => (result.rows[name] ?? '—').padStart(14)).join('')}`)
  await mongoose.disconnect()
  await services.stop()
  await rm(dataDir, { recursive: true, force: true })
}

/** sendSteadily, with the send time in the body (delivery latency measured on arrival). */
function sendSteadilyStamped(clients: ChatClient[], rate: number, stamp: (client: ChatClient, body: string) => string) {
  const stamped = clients.map((client) => ({ ...client, send: (body: string) => client.send(stamp(client, body)) }))
  return sendSteadily(stamped as ChatClient[], rate)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
