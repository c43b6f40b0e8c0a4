/**
 * Pages benchmark (issue 16): the production build (run `npm run build` first) on the demo data
 * plus generated volume data, in its own embedded mongod + Meilisearch, loaded by autocannon at
 * `--connections` concurrent connections for `--seconds` per page: the main anonymous pages, then
 * the main signed-in pages (sessions opened for demo accounts), each next to `/healthz` measured
 * in the same run. For each page: p50/p95/p99 latency, requests a second, non-2xx answers, and
 * the CPU time per request of the app, mongod and Meilisearch (utime+stime from /proc/<pid>/stat),
 * and what one warm answer asks MongoDB (its profiler); the machine's load
 * average is printed before each page. Then the gzipped JavaScript a first load of the home,
 * search and need pages downloads, from the build's manifests; and the largest contentful paint of
 * those pages on a throttled rural line (bench/rural-line.ts).
 *
 *   npm run build && npm run bench:pages -- [--needs 10000] [--orgs 2000] [--seconds 10] [--connections 50] [--cpu-prof DIR] [--app-node-args=--max-semi-space-size=32] [--only '/,/besoins'] [--weight-only] [--rural-only] [--commands-detail]
 *   (the figures: --needs 100000 --orgs 20000)
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import mongoose from 'mongoose'
import { z } from 'zod'
import { Conversation } from '../app/domain/messaging/model.server.js'
import { Need } from '../app/domain/needs/model.server.js'
import { Membership } from '../app/domain/orgs/model.server.js'
import { searchIndexNames } from '../app/domain/search/names.js'
import { AREA_CHUNKS_FILE, areasAwaitedBy, areaTextFiles, type TranslationAreaChunks } from '../app/i18n/area-chunks.js'
import { User } from '../app/domain/users/model.server.js'
import { startSession } from '../app/http/session.server.js'
import { seedDemoData } from '../seeds/demo-data.server.js'
import { insertVolumeData } from '../seeds/volume.server.js'
import { startAppProcess } from '../server/cluster/app-process.js'
import { connectDatabase, disconnectDatabase } from '../server/db.js'
import { provideServices } from '../server/embedded/index.js'
import { getFreePort } from '../server/embedded/ports.js'
import { createLogger } from '../server/logger.js'
import { createSearchClient } from '../server/search/client.js'
import { measureOnRuralLine, RURAL_LINE } from './rural-line.js'

const options = z
  .object({
    needs: z.coerce.number().int().min(0).default(10_000),
    orgs: z.coerce.number().int().min(1).default(2_000),
    seconds: z.coerce.number().positive().default(10),
    connections: z.coerce.number().int().min(1).default(50),
    'cpu-prof': z.string().optional(),
    'app-node-args': z.string().default(''),
    only: z.string().optional(),
    'weight-only': z.boolean().default(false),
    'rural-only': z.boolean().default(false),
    'commands-detail': z.boolean().default(false),
  })
  .parse(
    parseArgs({
      options: {
        needs: { type: 'string' },
        orgs: { type: 'string' },
        seconds: { type: 'string' },
        connections: { type: 'string' },
        'cpu-prof': { type: 'string' },
        'app-node-args': { type: 'string' },
        only: { type: 'string' },
        'weight-only': { type: 'boolean' },
        'rural-only': { type: 'boolean' },
        'commands-detail': { type: 'boolean' },
      },
    }).values,
  )

const BUILD = path.resolve(import.meta.dirname, '../build')
const CLOCK_TICKS = 100 // USER_HZ on Linux
const logger = createLogger('warn')

const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')

/** utime + stime of a process, in milliseconds. */
async function cpuMs(pid: number) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

type Page = { name: string; path: string; cookie?: string }

type Pids = { app: number; mongod: number; meilisearch: number }

async function cpuOf(pids: Pids) {
  return { app: await cpuMs(pids.app), mongod: await cpuMs(pids.mongod), meilisearch: await cpuMs(pids.meilisearch) }
}

async function measure(url: string, page: Page, pids: Pids) {
  const load = await loadAverage()
  const latencies: number[] = []
  const cpuBefore = await cpuOf(pids)
  const instance = autocannon({
    url: url + page.path,
    connections: options.connections,
    duration: options.seconds,
    headers: page.cookie ? { cookie: page.cookie } : {},
  })
  // Every answer's time, for the p95 autocannon's summary does not give.
  ;(instance as unknown as autocannon.Instance).on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  const result = await instance
  const cpuAfter = await cpuOf(pids)
  const perRequest = (process: keyof Pids) => (cpuAfter[process] - cpuBefore[process]) / Math.max(1, result.requests.total)
  latencies.sort((a, b) => a - b)
  return {
    load,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requestsPerSecond: result.requests.total / options.seconds,
    non2xx: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: perRequest('app'),
    mongodCpuMsPerRequest: perRequest('mongod'),
    meilisearchCpuMsPerRequest: perRequest('meilisearch'),
  }
}

/** Checks a page answers 200 before loading it (a redirect would measure the sign-in page). */
async function check(url: string, page: Page) {
  const response = await fetch(url + page.path, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: 'manual' })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${page.name} (${page.path}) answers ${response.status}`)
}

/**
 * The gzipped JavaScript the first load of a route downloads: entry, root, route and their static
 * imports (Remix's manifest), plus the French texts of the translation areas those modules wait
 * for (the build's translation-areas.json, app/i18n/area-chunks.ts).
 */
async function firstLoadJavaScript(routeIds: string[]) {
  const assets = path.join(BUILD, 'client/assets')
  const manifestFile = (await readdir(assets)).find((name) => /^manifest-.*\.js$/.test(name))!
  const source = await readFile(path.join(assets, manifestFile), 'utf8')
  const manifest = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
    entry: { module: string; imports: string[] }
    routes: Record<string, { module: string; imports?: string[] }>
  }
  const areaChunks = JSON.parse(await readFile(path.join(BUILD, 'client', AREA_CHUNKS_FILE), 'utf8')) as TranslationAreaChunks
  const sizes = new Map<string, number>()
  const gzipped = async (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(await readFile(path.join(BUILD, 'client', file)), { level: 6 }).length)
    return sizes.get(file)!
  }
  const rows: Record<string, string> = {}
  for (const routeId of routeIds) {
    const files = new Set([manifest.entry.module, ...manifest.entry.imports])
    for (const id of ['root', routeId]) {
      const route = manifest.routes[id]!
      files.add(route.module)
      for (const file of route.imports ?? []) files.add(file)
    }
    let scripts = 0
    for (const file of files) scripts += await gzipped(file)
    let texts = 0
    for (const file of areaTextFiles(areaChunks, 'fr', files)) texts += await gzipped(file)
    const areas = areasAwaitedBy(areaChunks, files).join(', ')
    rows[routeId] = `${((scripts + texts) / 1024).toFixed(1)} kB gzipped: ${(scripts / 1024).toFixed(1)} kB in ${files.size} modules + ${(texts / 1024).toFixed(1)} kB of texts (${areas})`
  }
  return rows
}

async function printFirstLoadJavaScript() {
  console.log('first load, JavaScript (from the build manifest; French page):')
  console.table(await firstLoadJavaScript(['routes/_index', 'routes/recherche', 'routes/recherche_.carte', 'routes/besoins.$id._index']))
}

async function printRuralLine(url: string, needId: unknown) {
  const line = `${(RURAL_LINE.downloadBytesPerSecond * 8) / 0.9 / 1e6} Mbit/s, ${RURAL_LINE.latencyMs} ms round trip`
  console.log(`\nrural line (${line}, cold cache, median of 3 loads), load before: ${await loadAverage()}`)
  console.table(
    await measureOnRuralLine(url, [
      { name: '/', path: '/' },
      { name: '/recherche', path: '/recherche' },
      { name: 'need page', path: `/besoins/${needId}` },
    ]),
  )
}

/**
 * What one warm answer of each page asks MongoDB, from mongod's profiler (level 2 for the time of
 * that one request): the count per collection and operation, to spot repeated or needless reads.
 */
async function printDatabaseCommands(url: string, pages: Page[]) {
  const db = mongoose.connection.db!
  const rows: Array<Record<string, string | number>> = []
  for (const page of pages) {
    await db.collection('system.profile').drop().catch(() => undefined)
    await db.command({ profile: 2 })
    await check(url, page)
    await db.command({ profile: 0 })
    const entries = await db.collection('system.profile').find({}, { projection: { op: 1, ns: 1, command: 1, nreturned: 1, originatingCommand: 1 } }).toArray()
    if (options['commands-detail']) for (const entry of entries) console.log(page.name, entry.op, entry.ns, entry.nreturned, JSON.stringify(entry.originatingCommand ?? entry.command).slice(0, 600))
    const counts = new Map<string, number>()
    for (const entry of entries) {
      const collection = String(entry.ns).split('.').slice(1).join('.')
      // The bench's own profile commands are not the page's.
      if (collection === '$cmd' && ('profile' in (entry.command ?? {}))) continue
      const name = `${collection} ${entry.op === 'command' ? Object.keys(entry.command ?? {})[0] : entry.op}`
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
    const documents = entries.reduce((sum, entry) => sum + (entry.nreturned ?? 0), 0)
    rows.push({ page: page.name + (page.cookie ? ' *' : ''), commands: total, documents, detail: [...counts].map(([name, count]) => `${name}×${count}`).join(', ') })
  }
  console.log('\nMongoDB commands of one warm answer (profiler):')
  console.table(rows)
}

async function main() {
  if (!existsSync(path.join(BUILD, 'server/index.js'))) throw new Error('no production build: run `npm run build` first')
  if (options['weight-only']) return printFirstLoadJavaScript()
  console.log(`load before the run: ${await loadAverage()}; ${os.cpus().length} cores; ${options.needs} generated needs, ${options.orgs} organisations`)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-pages-'))
  const services = await provideServices({ dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined }, logger)
  let app: Awaited<ReturnType<typeof startAppProcess>> | undefined
  try {
    await connectDatabase(services.mongoUri, { batch: true })
    let started = Date.now()
    await seedDemoData(logger)
    await insertVolumeData({ needs: options.needs, organisations: options.orgs, seed: 2026 })
    console.log(`data inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    // Who the signed-in pages are for: the demo's industrialist (a need of hers, a conversation) and its animator.
    const owner = (await User.findOne({ email: 'industriel@demo.passerelle.fr' }).lean())!
    const animator = (await User.findOne({ email: 'animateur@demo.passerelle.fr' }).lean())!
    const ownerOrgs = (await Membership.find({ userId: owner._id }).lean()).map((membership) => membership.orgId)
    const need = (await Need.findOne({ companyOrgId: { $in: ownerOrgs }, status: 'published' }).lean())!
    const conversation = (await Conversation.findOne({ participants: owner._id }).sort({ lastMessageAt: -1 }).lean())!
    const cookieOf = async (userId: unknown) => (await startSession(new Request('http://bench/'), String(userId))).split(';')[0]!
    const ownerCookie = await cookieOf(owner._id)
    const animatorCookie = await cookieOf(animator._id)

    started = Date.now()
    const port = await getFreePort()
    app = await startAppProcess({
      logger,
      port,
      readyTimeoutMs: 300_000,
      nodeArgs: [...(options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options['cpu-prof'])}`] : []), ...options['app-node-args'].split(' ').filter(Boolean)],
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        MONGODB_URI: services.mongoUri,
        MEILI_URL: services.meiliUrl,
        MEILI_MASTER_KEY: services.meiliMasterKey,
        PASSERELLE_DEMO: 'on',
        PASSERELLE_ALLOWED_HOSTS: `127.0.0.1:${port},localhost:${port}`,
        // One machine sends everything: the per-IP limit would measure itself.
        PASSERELLE_RATE_LIMIT_PER_MINUTE: '100000000',
        PASSERELLE_DATA_DIR: path.join(dataDir, 'app'),
      },
    })

    console.log(`app started (pid ${app.pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    // The app's search sync rebuilds the indexes on its first start, then records where it watches from.
    started = Date.now()
    const search = createSearchClient(services.meiliUrl, services.meiliMasterKey)
    const syncState = mongoose.connection.db!.collection('search_sync_state')
    while (!(await syncState.findOne({ _id: 'main' as never }))) await new Promise((resolve) => setTimeout(resolve, 1_000))
    // Then it catches up with what changed since: at start the app closes the generated needs
    // whose deadline is over (thousands of writes, each reindexed). Measuring before the sync has
    // caught up would charge its work to the pages.
    while (Date.now() - (await syncState.findOne({ _id: 'main' as never }))!.updatedAt.getTime() < 3_000) await new Promise((resolve) => setTimeout(resolve, 1_000))
    const { numberOfDocuments } = await search.index(searchIndexNames().needs).getStats()
    console.log(`search index ready and caught up (${numberOfDocuments} needs) in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const healthz: Page = { name: '/healthz', path: '/healthz' }
    const pages: Page[] = [
      { name: '/', path: '/' },
      { name: '/besoins', path: '/besoins' },
      { name: 'need page', path: `/besoins/${need._id}` },
      { name: '/recherche', path: '/recherche' },
      { name: '/recherche/carte', path: '/recherche/carte' },
      { name: '/recherche/carte (filtered)', path: '/recherche/carte?layer=needs&domain=ai&trl=5' },
      { name: '/organisations', path: '/organisations' },
      { name: '/statistiques', path: '/statistiques' },
      { name: 'need page (owner)', path: `/besoins/${need._id}`, cookie: ownerCookie },
      { name: '/mes-besoins', path: '/mes-besoins', cookie: ownerCookie },
      { name: '/messages', path: '/messages', cookie: ownerCookie },
      { name: 'a conversation', path: `/messages/${conversation._id}`, cookie: ownerCookie },
      { name: '/animation', path: '/animation', cookie: animatorCookie },
    ].filter((page) => !options.only || options.only.split(',').includes(page.name))
    for (const page of [healthz, ...pages]) {
      // The first answer pays for cold caches (the statistics' aggregation is computed then).
      const started = performance.now()
      await check(app.url, page)
      console.log(`${page.name}: first answer in ${Math.round(performance.now() - started)} ms`)
    }
    if (options['rural-only']) return await printRuralLine(app.url, need._id)
    // Warm-up: the first requests compile and fill caches.
    for (const page of [healthz, ...pages]) for (let i = 0; i < 5; i++) await check(app.url, page)
    await printDatabaseCommands(app.url, [healthz, ...pages])

    const rows: Array<Record<string, string | number>> = []
    for (const page of [healthz, ...pages]) {
      // The previous page's last answers are done before this one starts.
      await check(app.url, healthz)
      const figures = await measure(app.url, page, { app: app.pid, mongod: services.embedded.mongo!.process.pid, meilisearch: services.embedded.meilisearch!.process.pid })
      const row = {
        page: page.name + (page.cookie ? ' *' : ''),
        'load before': figures.load,
        'p50 ms': Math.round(figures.p50),
        'p95 ms': Math.round(figures.p95),
        'p99 ms': Math.round(figures.p99),
        'req/s': Math.round(figures.requestsPerSecond),
        'non-2xx': figures.non2xx,
        'CPU ms/req': figures.cpuMsPerRequest.toFixed(2),
        'mongod ms/req': figures.mongodCpuMsPerRequest.toFixed(2),
        'Meili ms/req': figures.meilisearchCpuMsPerRequest.toFixed(2),
      }
      rows.push(row)
      console.log(JSON.stringify(row))
    }
    console.log(`\n${options.connections} connections, ${options.seconds} s per page; * signed in`)
    console.table(rows)
    await printFirstLoadJavaScript()
    await printRuralLine(app.url, need._id)
  } finally {
    await app?.stop()
    await disconnectDatabase()
    await services.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

await main()
