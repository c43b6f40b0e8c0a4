import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import mongoose from 'mongoose'
import type { Logger } from '../logger.js'
import { verifiedBinary } from '../embedded/binaries.js'
import { startManagedProcess, waitUntil } from '../embedded/managed-process.js'
import { getFreePort } from '../embedded/ports.js'

/**
 * Backups without mongodump (not packaged for Debian nor npm; docs/deployment.md): a file copy of
 * a SECONDARY's data directory, taken while that member is locked with fsyncLock (its files flushed
 * and no write applied until fsyncUnlock; the primary and the other secondary carry on, so the
 * application never stops). The copy comes with a manifest: the documents each collection held on
 * the locked member, which a restore must find again.
 */
export type Manifest = { takenAt: string; from: string; counts: Record<string, number> }

const SYSTEM_DATABASES = new Set(['admin', 'local', 'config'])

async function withDirect<T>(host: string, run: (client: mongoose.mongo.MongoClient) => Promise<T>) {
  const client = new mongoose.mongo.MongoClient(`mongodb://${host}/?directConnection=true`, { serverSelectionTimeoutMS: 5_000 })
  try {
    await client.connect()
    return await run(client)
  } finally {
    await client.close()
  }
}

/** Documents in each collection of each application database (`db.collection` → count). */
export async function countDocuments(client: mongoose.mongo.MongoClient) {
  const counts: Record<string, number> = {}
  const { databases } = await client.db('admin').admin().listDatabases()
  for (const { name } of databases) {
    if (SYSTEM_DATABASES.has(name)) continue
    for (const collection of await client.db(name).listCollections({ type: 'collection' }, { nameOnly: true }).toArray()) {
      if (collection.name.startsWith('system.')) continue
      counts[`${name}.${collection.name}`] = await client.db(name).collection(collection.name).countDocuments({})
    }
  }
  return counts
}

/**
 * Copies the data directory of the secondary `host` (its `--dbpath`, `dbPath`) to `destination`,
 * with `manifest.json`. The member is locked for the copy only, and unlocked whatever happens.
 */
export async function backupSecondary({ host, dbPath, destination, logger }: { host: string; dbPath: string; destination: string; logger: Logger }): Promise<Manifest> {
  return withDirect(host, async (client) => {
    const admin = client.db('admin')
    const hello = await admin.command({ hello: 1 })
    if (!hello.secondary) throw new Error(`${host} n'est pas un secondaire : une sauvegarde se prend sur un secondaire`)
    await admin.command({ fsync: 1, lock: true })
    try {
      const manifest: Manifest = { takenAt: new Date().toISOString(), from: host, counts: await countDocuments(client) }
      await rm(destination, { recursive: true, force: true })
      await mkdir(destination, { recursive: true })
      await cp(dbPath, path.join(destination, 'db'), { recursive: true })
      await writeFile(path.join(destination, 'manifest.json'), JSON.stringify(manifest, null, 2))
      logger.info({ from: host, destination, collections: Object.keys(manifest.counts).length }, 'backup: secondary copied')
      return manifest
    } finally {
      await admin.command({ fsyncUnlock: 1 })
    }
  })
}

/**
 * Restores a backup into a fresh data directory and starts a standalone mongod on it (a restore is
 * checked alone before it becomes a new replica set: docs/deployment.md). Returns the counts it
 * finds beside the manifest's, and how to stop it.
 */
export async function restoreBackup({ backup, dbPath, logger }: { backup: string; dbPath: string; logger: Logger }) {
  const manifest = JSON.parse(await readFile(path.join(backup, 'manifest.json'), 'utf8')) as Manifest
  await rm(dbPath, { recursive: true, force: true })
  await cp(path.join(backup, 'db'), dbPath, { recursive: true })
  // The lock file of the member it was copied from: this is another mongod.
  await rm(path.join(dbPath, 'mongod.lock'), { force: true })
  const port = await getFreePort()
  const host = `127.0.0.1:${port}`
  const mongod = startManagedProcess('mongod-restore', await verifiedBinary('mongod'), ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--setParameter', 'diagnosticDataCollectionEnabled=false', '--quiet'], logger)
  await waitUntil(`mongod restauré ${host} ne répond pas`, () => withDirect(host, async (client) => (await client.db('admin').command({ ping: 1 })).ok === 1), {
    timeoutMs: 60_000,
    intervalMs: 250,
    abortIf: () => (mongod.hasExited() ? mongod.outputTail() : undefined),
  })
  const counts = await withDirect(host, countDocuments)
  return { host, manifest, counts, stop: () => mongod.stop() }
}
