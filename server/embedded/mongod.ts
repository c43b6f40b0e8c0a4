import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import mongoose from 'mongoose'
import type { Logger } from '../logger.js'
import { verifiedBinary } from './binaries.js'
import { startManagedProcess, waitUntil, type ManagedProcess } from './managed-process.js'
import { getFreePort, isPortFree } from './ports.js'

export const REPLICA_SET = 'rs0'

export type EmbeddedMongo = {
  uri: (databaseName: string) => string
  port: number
  process: ManagedProcess
  stop: () => Promise<void>
}

/**
 * Starts mongod as a single-node replica set (transactions and change streams need one)
 * on a free loopback port. The data dir may be persistent: the last port is remembered
 * and reused, and if it must change the replica set config is rewritten to the new host.
 */
export async function startEmbeddedMongo({
  dataDir,
  logger,
  startTimeoutMs = 30_000,
}: {
  dataDir: string
  logger: Logger
  startTimeoutMs?: number
}): Promise<EmbeddedMongo> {
  const binary = await verifiedBinary('mongod')
  const dbPath = path.join(dataDir, 'mongo')
  await mkdir(dbPath, { recursive: true })
  const port = await choosePort(path.join(dataDir, 'mongo.port'))

  const child = startManagedProcess(
    'mongod',
    binary,
    [
      '--dbpath', dbPath,
      '--port', String(port),
      '--bind_ip', '127.0.0.1',
      '--replSet', REPLICA_SET,
      '--wiredTigerCacheSizeGB', '0.5',
      '--setParameter', 'diagnosticDataCollectionEnabled=false',
      '--quiet',
    ],
    logger,
  )
  const stop = () => child.stop()
  try {
    const host = `127.0.0.1:${port}`
    await waitUntil('mongod ne répond pas', () => ping(host), {
      timeoutMs: startTimeoutMs,
      abortIf: () => (child.hasExited() ? `le processus s'est arrêté :\n${child.outputTail()}` : undefined),
    })
    await ensureReplicaSet(host)
    await waitUntil('mongod ne devient pas primaire', () => isWritablePrimary(host), {
      timeoutMs: startTimeoutMs,
      abortIf: () => (child.hasExited() ? `le processus s'est arrêté :\n${child.outputTail()}` : undefined),
    })
    await writeFile(path.join(dataDir, 'mongo.port'), String(port))
    logger.info({ port, pid: child.pid, dbPath }, 'embedded mongod ready')
    return {
      port,
      process: child,
      stop,
      uri: (databaseName) => `mongodb://${host}/${databaseName}?replicaSet=${REPLICA_SET}`,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function choosePort(portFile: string) {
  const previous = Number(await readFile(portFile, 'utf8').catch(() => ''))
  if (Number.isInteger(previous) && previous > 0 && (await isPortFree(previous))) return previous
  return getFreePort()
}

async function withDirectClient<T>(host: string, run: (admin: mongoose.mongo.Admin) => Promise<T>) {
  const client = new mongoose.mongo.MongoClient(`mongodb://${host}/?directConnection=true`, {
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
  })
  try {
    await client.connect()
    return await run(client.db('admin').admin())
  } finally {
    await client.close()
  }
}

const ping = (host: string) => withDirectClient(host, async (admin) => (await admin.command({ ping: 1 })).ok === 1)

const isWritablePrimary = (host: string) =>
  withDirectClient(host, async (admin) => (await admin.command({ hello: 1 })).isWritablePrimary === true)

async function ensureReplicaSet(host: string) {
  await withDirectClient(host, async (admin) => {
    const current = await admin.command({ replSetGetConfig: 1 }).catch((error: { code?: number }) => {
      if (error.code === 94 /* NotYetInitialized */) return undefined
      throw error
    })
    if (!current) {
      await admin.command({ replSetInitiate: { _id: REPLICA_SET, members: [{ _id: 0, host }] } })
      return
    }
    const config = current.config as { version: number; members: Array<{ host: string }> }
    if (config.members.length === 1 && config.members[0]?.host === host) return
    // The port changed since the data dir was created: point the set at ourselves again.
    await admin.command({
      replSetReconfig: { ...config, version: config.version + 1, members: [{ ...config.members[0], _id: 0, host }] },
      force: true,
    })
  })
}
