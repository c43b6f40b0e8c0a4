import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { afterEach, describe, expect, it } from 'vitest'
import { provideServices } from '../../server/embedded/index'
import { createLogger } from '../../server/logger'
import { isAlive, processesMentioning, spawnTs, waitForExit } from './process-support'

const logger = createLogger('silent')
const dirs: string[] = []
const tempDataDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-launcher-'))
  dirs.push(dir)
  return dir
}
const noUrls = { MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined }

afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    for (const pid of processesMentioning(dir)) process.kill(pid, 'SIGKILL')
    await rm(dir, { recursive: true, force: true })
  }
})

describe('embedded services launcher', () => {
  it('starts a primary mongod and a healthy Meilisearch, then stops both', async () => {
    const dataDir = await tempDataDir()
    const services = await provideServices({ dataDir, ...noUrls }, logger)
    const pids = [services.embedded.mongo!.process.pid, services.embedded.meilisearch!.process.pid]

    const connection = await mongoose.createConnection(services.mongoUri).asPromise()
    const hello = await connection.db!.admin().command({ hello: 1 })
    expect(hello.isWritablePrimary).toBe(true)
    expect(hello.setName).toBe('rs0')
    await connection.close()

    const health = await fetch(`${services.meiliUrl}/health`)
    expect(await health.json()).toEqual({ status: 'available' })
    const withoutKey = await fetch(`${services.meiliUrl}/indexes`)
    expect(withoutKey.status).toBe(401)

    await services.stop()
    for (const pid of pids) expect(isAlive(pid)).toBe(false)
    expect(processesMentioning(dataDir)).toEqual([])
  })

  it('restarts on an existing data dir with the same master key and keeps the data', async () => {
    const dataDir = await tempDataDir()
    const first = await provideServices({ dataDir, ...noUrls }, logger)
    const connection = await mongoose.createConnection(first.mongoUri).asPromise()
    await connection.collection('kept').insertOne({ hello: 'Morez' })
    await connection.close()
    await first.stop()

    const second = await provideServices({ dataDir, ...noUrls }, logger)
    expect(second.meiliMasterKey).toBe(first.meiliMasterKey)
    const again = await mongoose.createConnection(second.mongoUri).asPromise()
    expect(await again.collection('kept').findOne({}, { projection: { _id: 0 } })).toEqual({ hello: 'Morez' })
    await again.close()
    await second.stop()
  })

  it('starts nothing for the servers whose URL is given', async () => {
    const dataDir = await tempDataDir()
    const services = await provideServices(
      { dataDir, MONGODB_URI: 'mongodb://db.example:27017/passerelle', MEILI_URL: 'https://search.example', MEILI_MASTER_KEY: undefined },
      logger,
    )
    expect(services.embedded).toEqual({ mongo: undefined, meilisearch: undefined })
    expect(services.mongoUri).toBe('mongodb://db.example:27017/passerelle')
    expect(processesMentioning(dataDir)).toEqual([])
  })

  it('stops the server that did start when the other one fails', async () => {
    const dataDir = await tempDataDir()
    // A file where Meilisearch wants its directory: its start fails, mongod's succeeds.
    await writeFile(path.join(dataDir, 'meili'), 'not a directory')
    await expect(provideServices({ dataDir, ...noUrls }, logger)).rejects.toThrow()
    expect(processesMentioning(dataDir)).toEqual([])
  })

  it('leaves no server behind even when its parent is killed with SIGKILL', async () => {
    const dataDir = await tempDataDir()
    const parent = spawnTs('tests/integration/fixtures/start-services.ts', [dataDir])
    const line = await parent.waitForLine((l) => l.startsWith('{"mongod"'))
    const pids = JSON.parse(line) as { mongod: number; meilisearch: number }
    expect(isAlive(pids.mongod) && isAlive(pids.meilisearch)).toBe(true)

    parent.child.kill('SIGKILL')
    expect(await waitForExit(pids.mongod)).toBe(true)
    expect(await waitForExit(pids.meilisearch)).toBe(true)
  })
})
