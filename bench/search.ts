// `npm run bench:search -- [--needs 10000] [--orgs 2000] [--queries 1000]`
//
// A benchmark, not a test: starts its own embedded mongod + Meilisearch in a temporary data
// dir, generates realistic needs and organisations, indexes them through the app's rebuild,
// then runs a fixed mix of queries (words, typos, synonyms, facet filters) at concurrency 1
// and 8, side by side at the app's search endpoint (GET /api/recherche, what the search page
// asks on each keystroke, when a Remix build exists, served by a forked app process
// (bench/search-server.ts); else the app's searchCatalogue in-process) and at Meilisearch directly with the very same request (facets, highlights, crops).
// The load generator runs in this process, on the same 2 cores as the app and Meilisearch, so the
// concurrency-8 figures include that contention. Finally it measures the delay from a MongoDB
// write to the need being searchable through the sync.
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { fakerFR as faker } from '@faker-js/faker'
import { searchIndexNames } from '../app/domain/search/names.js'
import { parseSearchQuery } from '../app/domain/search/query.js'
import { catalogueQueries, searchCatalogue } from '../app/domain/search/service.server.js'
import { technologyDomains } from '../app/domain/taxonomy/domains.js'
import { filiereIds } from '../app/domain/taxonomy/filieres.js'
import { connectDatabase, disconnectDatabase } from '../server/db.js'
import { provideServices } from '../server/embedded/index.js'
import { createLogger } from '../server/logger.js'
import { createSearchClient } from '../server/search/client.js'
import { createSearchIndexes } from '../server/search/indexes.js'
import { rebuildSearchIndexes } from '../server/search/reindex.js'
import { startSearchSync } from '../server/search/sync.js'

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) : fallback
}
const NEEDS = arg('needs', 10_000)
const ORGS = arg('orgs', Math.round(NEEDS / 5))
const QUERIES = arg('queries', 1_000)
const WRITE_SAMPLES = arg('writes', 40)

faker.seed(42)
const places = [
  { communeCode: '39478', communeName: 'Saint-Claude', departementCode: '39', departementName: 'Jura', regionCode: '27', regionName: 'Bourgogne-Franche-Comté' },
  { communeCode: '32013', communeName: 'Auch', departementCode: '32', departementName: 'Gers', regionCode: '76', regionName: 'Occitanie' },
  { communeCode: '49099', communeName: 'Cholet', departementCode: '49', departementName: 'Maine-et-Loire', regionCode: '52', regionName: 'Pays de la Loire' },
  { communeCode: '53130', communeName: 'Laval', departementCode: '53', departementName: 'Mayenne', regionCode: '52', regionName: 'Pays de la Loire' },
  { communeCode: '72181', communeName: 'Le Mans', departementCode: '72', departementName: 'Sarthe', regionCode: '52', regionName: 'Pays de la Loire' },
]
const verbs = ['Automatiser', 'Qualifier', 'Optimiser', 'Contrôler', 'Réduire les rebuts de', 'Prototyper', 'Industrialiser']
const objects = ['la fin de ligne', 'nos pièces injectées', 'un moule', 'le contrôle qualité', 'la maintenance', 'un procédé de soudage', 'les montures']
const pick = <T>(items: readonly T[]) => items[faker.number.int({ min: 0, max: items.length - 1 })]!

function needRecord(companyOrgId: mongoose.Types.ObjectId) {
  const domains = faker.helpers.arrayElements(technologyDomains, { min: 1, max: 3 })
  const trlCurrent = faker.number.int({ min: 2, max: 6 })
  return {
    companyOrgId,
    createdBy: new mongoose.Types.ObjectId(),
    title: `${pick(verbs)} ${pick(objects)} — ${pick(domains[0]!.synonyms)}`,
    summary: faker.lorem.sentences(2),
    description: faker.lorem.paragraphs(2),
    category: pick(['technical', 'process', 'financing', 'other']),
    domains: domains.map((domain) => domain.id),
    filiere: pick(filiereIds),
    trlCurrent,
    trlTarget: Math.min(9, trlCurrent + faker.number.int({ min: 1, max: 3 })),
    stage: pick(['diagnostic', 'experimentation', 'deployment']),
    confidentiality: pick(['public', 'public', 'members', 'anonymous']),
    status: pick(['published', 'published', 'in_discussion']),
    publishedAt: faker.date.recent({ days: 200 }),
    deadline: faker.date.soon({ days: 300 }),
    location: pick(places),
    territory: pick(['haut-jura', 'gers-tarn-et-garonne', 'le-mans', 'laval-loiron', 'bressuire-cholet']),
    spaces: [],
    history: [],
    proposalsReceived: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
  }
}

function orgRecord(index: number) {
  const kind = index % 3 === 0 ? 'company' : pick(['lab', 'technology_centre', 'cluster', 'pole'])
  const trlMin = faker.number.int({ min: 1, max: 6 })
  return {
    slug: `bench-${index}`,
    name: `${faker.company.name()} ${index}`,
    kind,
    description: faker.lorem.paragraph(),
    domains: faker.helpers.arrayElements(technologyDomains, { min: 1, max: 4 }).map((domain) => domain.id),
    keywords: faker.helpers.arrayElements(technologyDomains.flatMap((domain) => domain.synonyms), 3),
    equipment: [],
    trlMin,
    trlMax: Math.min(9, trlMin + faker.number.int({ min: 1, max: 4 })),
    filieres: faker.helpers.arrayElements(filiereIds, 2),
    location: pick(places),
    territories: [],
    contacts: [],
    memberOf: [],
    verifiedAt: faker.datatype.boolean() ? new Date() : null,
    fictional: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  }
}

/** A fixed mix: plain words, typos, synonyms, places, with and without facet filters. */
function queryMix(count: number): URLSearchParams[] {
  const words = ['impression 3D', 'impresion 3d', 'cobot', 'robot collaboratif', 'IA', 'machine learning', 'vision', 'vison industrielle', 'composites', 'usinage', 'Saint-Claude', 'maintenance prédictive', 'hydrogène', 'plasturgie', '']
  const mix: URLSearchParams[] = []
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams()
    params.set('type', i % 4 === 3 ? 'organisations' : 'needs')
    params.set('q', words[i % words.length]!)
    if (i % 3 === 1) params.append('domain', technologyDomains[i % technologyDomains.length]!.id)
    if (i % 5 === 2) params.append('region', places[i % places.length]!.regionName)
    if (i % 7 === 3) params.append('trl', String(1 + (i % 9)))
    if (i % 11 === 4 && params.get('type') === 'needs') params.append('category', 'technical')
    mix.push(params)
  }
  return mix
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function measure(label: string, items: URLSearchParams[], concurrency: number, run: (params: URLSearchParams) => Promise<void>, suffix: () => Promise<string> = async () => '') {
  const durations: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const params = items[next++]!
        const t0 = performance.now()
        await run(params)
        durations.push(performance.now() - t0)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  durations.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(1).padStart(6)
  console.log(`${label.padEnd(34)} c=${concurrency}  p50 ${f(percentile(durations, 50))} ms  p95 ${f(percentile(durations, 95))} ms  p99 ${f(percentile(durations, 99))} ms  ${(items.length / seconds).toFixed(0)} q/s${await suffix()}`)
}

async function peakRssMb(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const match = /VmHWM:\s+(\d+) kB/.exec(status)
  return match ? (Number(match[1]) / 1024).toFixed(0) : '?'
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-'))
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn')
const services = await provideServices({ dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined }, logger)
const client = createSearchClient(services.meiliUrl, services.meiliMasterKey)
const names = searchIndexNames()
try {
  const connection = await connectDatabase(services.mongoUri, { batch: true })
  console.log(`Machine : ${os.cpus().length} cœurs, charge ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')} (1/5/15 min)`)
  console.log(`Génération : ${NEEDS} besoins, ${ORGS} organisations…`)
  const orgs = Array.from({ length: ORGS }, (_, i) => orgRecord(i))
  const { insertedIds } = await connection.collection('organisations').insertMany(orgs)
  const companyIds = Object.values(insertedIds).filter((_, i) => orgs[i]!.kind === 'company')
  for (let done = 0; done < NEEDS; done += 5_000) {
    await connection.collection('needs').insertMany(Array.from({ length: Math.min(5_000, NEEDS - done) }, () => needRecord(pick(companyIds))))
  }

  await createSearchIndexes(client)
  const t0 = performance.now()
  await rebuildSearchIndexes({ connection, client })
  const meiliPid = services.embedded.meilisearch?.process.pid
  console.log(`Indexation : ${((performance.now() - t0) / 1000).toFixed(1)} s ; pic mémoire Meilisearch ${meiliPid ? await peakRssMb(meiliPid) : '?'} Mo (VmHWM)`)

  // The app's endpoint: the Remix loader over HTTP (its own process) when a build exists, else the same code in-process.
  const hasBuild = existsSync(path.resolve('build/server/index.js'))
  let app: ChildProcess | undefined
  let appUrl: string | undefined
  if (hasBuild) {
    app = fork(path.resolve('bench/search-server.ts'), [JSON.stringify({ mongoUri: services.mongoUri, meiliUrl: services.meiliUrl, meiliMasterKey: services.meiliMasterKey })], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    const [ready] = (await once(app, 'message')) as [{ type: string; url: string }]
    appUrl = ready.url
  }
  const appCpu = async () => {
    if (!app) return ''
    app.send({ type: 'stats' })
    const [stats] = (await once(app, 'message')) as [{ cpuPercent: number }]
    return `  (app process CPU ${stats.cpuPercent.toFixed(0)} %)`
  }
  const endpoint = appUrl
    ? async (params: URLSearchParams) => {
        // What the search page asks on each keystroke and facet click (its clientLoader).
        const response = await fetch(`${appUrl}/api/recherche?${params}`, { headers: { 'accept-encoding': 'identity' } })
        await response.arrayBuffer()
        if (!response.ok) throw new Error(`endpoint answered ${response.status}`)
      }
    : async (params: URLSearchParams) => {
        await searchCatalogue(client, parseSearchQuery(params), { names })
      }
  const direct = async (params: URLSearchParams) => {
    const query = parseSearchQuery(params)
    // The very request the app sends: the page of hits plus the disjunctive facet counts.
    const response = await fetch(`${services.meiliUrl}/multi-search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${services.meiliMasterKey}`, 'accept-encoding': 'identity' },
      body: JSON.stringify({ queries: catalogueQueries(query, { names }) }),
    })
    await response.arrayBuffer()
  }
  const mix = queryMix(QUERIES)
  const endpointLabel = appUrl ? 'app (GET /api/recherche)' : 'app (searchCatalogue, no build)'
  // Warm-up (JIT, connections, Meilisearch caches), not measured.
  await measure('(warm-up)', mix.slice(0, 200), 4, endpoint)
  await appCpu()
  for (const concurrency of [1, 8]) {
    await measure(endpointLabel, mix, concurrency, endpoint, appCpu)
    await measure('Meilisearch direct (multi-search)', mix, concurrency, direct)
  }

  // Write → searchable, through the change-stream sync.
  const sync = startSearchSync({ connection, client, logger })
  // Its first start rebuilds the indexes; measure once it is watching.
  while (!(await connection.collection('search_sync_state').findOne({}))) await new Promise((resolve) => setTimeout(resolve, 50))
  const delays: number[] = []
  for (let i = 0; i < WRITE_SAMPLES; i++) {
    const started = performance.now()
    const { insertedId } = await connection.collection('needs').insertOne(needRecord(pick(companyIds)))
    for (;;) {
      const found = await client.index(names.needs).getDocument(String(insertedId)).catch(() => undefined)
      if (found) break
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    delays.push(performance.now() - started)
  }
  delays.sort((a, b) => a - b)
  console.log(`Écriture Mongo → recherchable (${WRITE_SAMPLES} besoins, un à la fois) : p50 ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms`)
  await sync.stop()
  if (app) {
    app.send({ type: 'stop' })
    await once(app, 'exit')
  }
} finally {
  await disconnectDatabase()
  await services.stop()
  await rm(dataDir, { recursive: true, force: true })
}
