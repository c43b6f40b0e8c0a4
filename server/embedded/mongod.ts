import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import mongoose from 'mongoose'
import type { Logger } from '../logger.js'
import { verifiedBinary } from './binaries.js'
import { startManagedProcess, waitUntil, type ManagedProcess } from './managed-process.js'
import { getFreePort, isPortFree } from './ports.js'

export const REPLICA_SET = 'rs0'

/** One mongod of the replica set: its address, its process, and how to start it again after a kill. */
export type MongoMember = {
  index: number
  host: string
  port: number
  /** Its data directory (what a file-copy backup copies: server/cluster/backup.ts). */
  dbPath: string
  process: ManagedProcess
  /** Starts this member again (same data dir and port) once its process has exited. */
  restart: () => Promise<void>
}

export type EmbeddedMongo = {
  uri: (databaseName: string) => string
  /** The first member's port and process (a single-node set has only this one). */
  port: number
  process: ManagedProcess
  members: MongoMember[]
  stop: () => Promise<void>
}

/**
 * Starts mongod as a replica set (transactions and change streams need one) on free loopback
 * ports: one member by default, three for a set that survives losing its primary
 * (`PASSERELLE_MONGO_MEMBERS=3`, `npm run start:replica-set`). Each member has its own data dir
 * under `dataDir` (`mongo`, `mongo-1`, `mongo-2`); the data dirs may be persistent: the last ports
 * are remembered and reused, and if one must change the set's configuration is rewritten.
 */
export async function startEmbeddedMongo({
  dataDir,
  logger,
  members: count = 1,
  startTimeoutMs = 30_000,
}: {
  dataDir: string
  logger: Logger
  members?: 1 | 3
  startTimeoutMs?: number
}): Promise<EmbeddedMongo> {
  const binary = await verifiedBinary('mongod')
  const members: MongoMember[] = []
  const stop = async () => {
    await Promise.all(members.map((member) => member.process.stop()))
  }
  try {
    const ports: number[] = []
    for (let index = 0; index < count; index++) {
      const name = index === 0 ? 'mongo' : `mongo-${index}`
      const dbPath = path.join(dataDir, name)
      await mkdir(dbPath, { recursive: true })
      const port = await choosePort(path.join(dataDir, `${name}.port`), ports)
      ports.push(port)
      const host = `127.0.0.1:${port}`
      const launch = () =>
        startManagedProcess(
          count === 1 ? 'mongod' : `mongod-${index}`,
          binary,
          [
            '--dbpath', dbPath,
            '--port', String(port),
            '--bind_ip', '127.0.0.1',
            '--replSet', REPLICA_SET,
            // Three members share one machine: each gets a smaller cache.
            '--wiredTigerCacheSizeGB', count === 1 ? '0.5' : '0.25',
            '--setParameter', 'diagnosticDataCollectionEnabled=false',
            '--quiet',
          ],
          logger,
        )
      const member: MongoMember = {
        index,
        host,
        port,
        dbPath,
        process: launch(),
        async restart() {
          if (!member.process.hasExited()) throw new Error(`${host} is still running`)
          member.process = launch()
          await waitUntil(`mongod ${host} ne répond pas`, () => ping(host), { timeoutMs: startTimeoutMs, abortIf: exitedReason(member) })
        },
      }
      members.push(member)
    }
    for (const member of members) {
      await waitUntil(`mongod ${member.host} ne répond pas`, () => ping(member.host), { timeoutMs: startTimeoutMs, abortIf: exitedReason(member) })
    }
    const hosts = members.map((member) => member.host)
    await ensureReplicaSet(hosts)
    await waitUntil('mongod ne devient pas primaire', async () => (await Promise.all(hosts.map((host) => isWritablePrimary(host).catch(() => false)))).some(Boolean), {
      timeoutMs: startTimeoutMs,
      abortIf: () => members.map((member) => exitedReason(member)()).find(Boolean),
    })
    for (const member of members) await writeFile(path.join(dataDir, `${member.index === 0 ? 'mongo' : `mongo-${member.index}`}.port`), String(member.port))
    logger.info({ members: hosts, pids: members.map((member) => member.process.pid) }, count === 1 ? 'embedded mongod ready' : 'embedded replica set ready')
    return {
      port: members[0]!.port,
      get process() {
        return members[0]!.process
      },
      members,
      stop,
      uri: (databaseName) => `mongodb://${hosts.join(',')}/${databaseName}?replicaSet=${REPLICA_SET}`,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

const exitedReason = (member: MongoMember) => () => (member.process.hasExited() ? `le processus s'est arrêté :\n${member.process.outputTail()}` : undefined)

async function choosePort(portFile: string, taken: number[]) {
  const previous = Number(await readFile(portFile, 'utf8').catch(() => ''))
  if (Number.isInteger(previous) && previous > 0 && !taken.includes(previous) && (await isPortFree(previous))) return previous
  for (;;) {
    const port = await getFreePort()
    if (!taken.includes(port)) return port
  }
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

export const isWritablePrimary = (host: string) =>
  withDirectClient(host, async (admin) => (await admin.command({ hello: 1 })).isWritablePrimary === true)

/** Initiates the set with these members, or points an existing one at them if its hosts changed. */
async function ensureReplicaSet(hosts: string[]) {
  await withDirectClient(hosts[0]!, async (admin) => {
    const current = await admin.command({ replSetGetConfig: 1 }).catch((error: { code?: number }) => {
      if (error.code === 94 /* NotYetInitialized */) return undefined
      throw error
    })
    const members = hosts.map((host, index) => ({ _id: index, host }))
    if (!current) {
      await admin.command({ replSetInitiate: { _id: REPLICA_SET, members } })
      return
    }
    const config = current.config as { version: number; members: Array<{ _id: number; host: string }> }
    if (config.members.length === hosts.length && config.members.every((member, index) => member.host === hosts[index])) return
    // The ports changed since the data dirs were created: point the set at its members again.
    await admin.command({ replSetReconfig: { ...config, version: config.version + 1, members }, force: true })
  })
}
