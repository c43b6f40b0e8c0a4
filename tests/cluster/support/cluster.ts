import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { AppProcess } from '../../../server/cluster/app-process'
import { startNginx } from '../../../server/cluster/nginx'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../../server/embedded/meilisearch'
import { getFreePort } from '../../../server/embedded/ports'
import { createLogger } from '../../../server/logger'
import type { Person } from '../../faults/support/chat'
import { useFaultWorld } from '../../faults/support/world'

const logger = createLogger(process.env.FAULTS_LOG_LEVEL ?? 'silent')

export type HealthReport = { status: string; process: { id: string; pid: number; leads: boolean } }

export async function health(url: string, cookie?: string) {
  const response = await fetch(`${url}/healthz`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(5_000) })
  return { response, report: (await response.json()) as HealthReport }
}

/**
 * The deployed topology, in one test file: a three-member replica set, one Meilisearch, `processes`
 * app processes (Socket.IO MongoDB adapter, started one after the other) and Debian's nginx in
 * front of them (server/cluster/nginx.ts, the config `npm run start:cluster` uses). Everything is
 * stopped after the file; the tests kill and restart app processes in between.
 */
export function useCluster({ processes = 2 }: { processes?: number } = {}) {
  const world = useFaultWorld({ members: 3 })
  let dir: string | undefined
  let meili: EmbeddedMeilisearch | undefined
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
  const apps: AppProcess[] = []
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-cluster-'))
    meili = await startEmbeddedMeilisearch({ dataDir: dir, logger })
    const publicPort = await getFreePort()
    for (let i = 0; i < processes; i++) {
      apps.push(await world.startApp({ adapter: 'mongo', publicPort, meili: { url: meili.url, key: meili.masterKey } }))
    }
    nginx = await startNginx({ port: publicPort, backends: apps.map((app) => app.port), dir: path.join(dir, 'nginx'), logger })
  }, 240_000)
  afterAll(async () => {
    await nginx?.stop()
    for (const app of apps) await app.stop()
    await meili?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })
  const ready = <T>(value: T | undefined, what: string) => {
    if (value === undefined) throw new Error(`${what} starts in beforeAll`)
    return value
  }
  return {
    world,
    apps,
    get url() {
      return ready(nginx, 'nginx').url
    },
    get nginx() {
      return ready(nginx, 'nginx')
    },
    get meili() {
      return ready(meili, 'Meilisearch')
    },
    /**
     * Asks nginx for a place, as a browser's first request does: the route cookie it sets and the
     * process that answered (the one every later request with that cookie reaches).
     */
    async place() {
      const { response, report } = await health(ready(nginx, 'nginx').url)
      const route = /passerelle_route=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
      if (!route) throw new Error('nginx set no route cookie')
      return { route: `passerelle_route=${route}`, processId: report.process.id }
    },
    /**
     * Waits until nginx sends new visitors to this process again (a restarted one is skipped for
     * fail_timeout after it refused connections): what a rolling restart waits for before
     * stopping the next process.
     */
    async untilServedThrough(app: { url: string }, timeoutMs = 60_000) {
      const processId = (await health(app.url)).report.process.id
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const place = await this.place().catch(() => null)
        if (place?.processId === processId) return
        if (Date.now() > deadline) throw new Error(`nginx does not send anyone to ${app.url} after ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    /** The same person, carrying the route cookie nginx gave them. */
    routed(person: Person, route: string): Person {
      return { ...person, cookie: `${person.cookie}; ${route}` }
    },
    /** Which app process a process id (from /healthz) is. */
    async processIds() {
      return Promise.all(apps.map(async (app) => (await health(app.url)).report.process.id))
    },
  }
}
