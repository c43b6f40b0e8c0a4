import type { Connection } from 'mongoose'
import type { Server as SocketServer } from 'socket.io'
import { PROCESS_ID } from '../../app/domain/process.js'
import type { SearchClient } from '../search/client.js'

export type ServiceState = { status: 'up' } | { status: 'down'; error: string }
export type HealthReport = {
  status: 'ok' | 'degraded'
  down: string[]
  /** Which process answered (several may run behind a load balancer), and whether it leads the shared work (sync, jobs). */
  process: { id: string; pid: number; leads: boolean }
  services: { mongo: ServiceState; meilisearch: ServiceState; socket: ServiceState & { clients?: number } }
}

const PROBE_TIMEOUT_MS = 2_000

export async function checkHealth(deps: {
  db: Connection
  search: SearchClient
  io: SocketServer | undefined
  leads?: () => boolean
}): Promise<HealthReport> {
  const [mongo, meilisearch] = await Promise.all([
    probe(async () => {
      if (deps.db.readyState !== 1 || !deps.db.db) throw new Error('not connected')
      await deps.db.db.admin().command({ ping: 1 })
    }),
    probe(async () => {
      const health = await deps.search.health()
      if (health.status !== 'available') throw new Error(`status ${health.status}`)
    }),
  ])
  const socket: HealthReport['services']['socket'] = deps.io
    ? { status: 'up', clients: deps.io.engine.clientsCount }
    : { status: 'down', error: 'socket server not attached' }
  const services = { mongo, meilisearch, socket }
  const down = Object.entries(services)
    .filter(([, state]) => state.status === 'down')
    .map(([name]) => name)
  return { status: down.length === 0 ? 'ok' : 'degraded', down, process: { id: PROCESS_ID, pid: process.pid, leads: deps.leads?.() ?? false }, services }
}

async function probe(check: () => Promise<void>): Promise<ServiceState> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS)
      }),
    ])
    return { status: 'up' }
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) }
  } finally {
    clearTimeout(timer)
  }
}
