import path from 'node:path'
import type { Logger } from '../logger.js'
import { startManagedProcess, waitUntil, type ManagedProcess } from '../embedded/managed-process.js'
import { getFreePort } from '../embedded/ports.js'
import { APP_NODE_FLAGS } from '../node-flags.js'

export type AppProcessOptions = {
  /** Environment of the process (server/config.ts); PORT and HOST are set here. */
  env: Record<string, string | undefined>
  /** Its port; a free one by default. Restarts keep it (the load balancer's list stays right). */
  port?: number
  logger: Logger
  readyTimeoutMs?: number
  /** Options for node itself, before the entry (`--cpu-prof`: node does not take it from NODE_OPTIONS), after the app's own (server/node-flags.ts). */
  nodeArgs?: string[]
}

const ENTRY = path.resolve(import.meta.dirname, '../main.ts')

/**
 * One app process — server/main.ts, exactly as `npm start` runs it — started by the local
 * cluster (deploy/cluster.ts) and by the tests that kill and restart processes. Ready once it
 * answers /healthz (200, or 503 while a service it needs is down: it is listening).
 */
export async function startAppProcess({ env, port, logger, readyTimeoutMs = 90_000, nodeArgs = [] }: AppProcessOptions) {
  const chosenPort = port ?? (await getFreePort())
  const url = `http://127.0.0.1:${chosenPort}`
  let child: ManagedProcess
  const launch = async () => {
    child = startManagedProcess(`app:${chosenPort}`, process.execPath, [...APP_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', ENTRY], logger, {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(chosenPort),
    })
    await waitUntil(`l'application ${url} ne répond pas`, async () => [200, 503].includes((await fetch(`${url}/healthz`)).status), {
      timeoutMs: readyTimeoutMs,
      intervalMs: 200,
      abortIf: () => (child.hasExited() ? `le processus s'est arrêté :\n${child.outputTail()}` : undefined),
    })
  }
  await launch()
  return {
    url,
    port: chosenPort,
    get pid() {
      return child.pid
    },
    get process() {
      return child
    },
    /** kill -9: no shutdown, no goodbye to its sockets, its lease left to expire. */
    async crash() {
      if (!child.hasExited()) process.kill(child.pid, 'SIGKILL')
      await child.exited
    },
    /** SIGTERM: the app's own shutdown (requests drained, sockets told, lease given back). */
    stop: (graceMs = 25_000) => child.stop(graceMs),
    /** Started again on the same port, once stopped or crashed. */
    async restart() {
      if (!child.hasExited()) throw new Error(`app:${chosenPort} is still running`)
      await launch()
    },
  }
}

export type AppProcess = Awaited<ReturnType<typeof startAppProcess>>
