import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../logger.js'
import { verifiedBinary } from './binaries.js'
import { startManagedProcess, waitUntil, type ManagedProcess } from './managed-process.js'
import { getFreePort } from './ports.js'

export type EmbeddedMeilisearch = {
  url: string
  masterKey: string
  port: number
  process: ManagedProcess
  stop: () => Promise<void>
}

/** Meilisearch keeps indexing memory until restart, so it is always capped (SERVICES.md). */
const MAX_INDEXING_MEMORY = '1GiB'

export async function startEmbeddedMeilisearch({
  dataDir,
  logger,
  startTimeoutMs = 30_000,
}: {
  dataDir: string
  logger: Logger
  startTimeoutMs?: number
}): Promise<EmbeddedMeilisearch> {
  const binary = await verifiedBinary('meilisearch')
  const meiliDir = path.join(dataDir, 'meili')
  await mkdir(meiliDir, { recursive: true })
  const masterKey = await readOrCreateMasterKey(path.join(dataDir, 'meili-master-key'))
  const port = await getFreePort()
  const url = `http://127.0.0.1:${port}`

  const child = startManagedProcess(
    'meilisearch',
    binary,
    [
      '--db-path', path.join(meiliDir, 'data.ms'),
      '--dump-dir', path.join(meiliDir, 'dumps'),
      '--snapshot-dir', path.join(meiliDir, 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`,
      `--master-key=${masterKey}`,
      '--env', 'production',
      '--no-analytics',
      '--max-indexing-memory', MAX_INDEXING_MEMORY,
      '--max-indexing-threads', '2',
      '--log-level', 'WARN',
    ],
    logger,
    // The master key travels as an argument only; keep the rest of our environment out.
    { PATH: process.env.PATH, NODE_ENV: 'production' },
  )
  const stop = () => child.stop()
  try {
    await waitUntil(
      'Meilisearch ne répond pas',
      async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok,
      {
        timeoutMs: startTimeoutMs,
        abortIf: () => (child.hasExited() ? `le processus s'est arrêté :\n${child.outputTail()}` : undefined),
      },
    )
    logger.info({ port, pid: child.pid, dbPath: meiliDir }, 'embedded meilisearch ready')
    return { url, masterKey, port, process: child, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function readOrCreateMasterKey(keyFile: string) {
  const existing = (await readFile(keyFile, 'utf8').catch(() => '')).trim()
  if (existing.length >= 16) return existing
  // Hex: a key starting with '-' would be read as an option by Meilisearch's CLI parser.
  const key = randomBytes(24).toString('hex')
  await writeFile(keyFile, key, { mode: 0o600 })
  return key
}
