import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { afterAll, describe, expect, it } from 'vitest'
import { backupSecondary, restoreBackup } from '../../server/cluster/backup'
import { isWritablePrimary } from '../../server/embedded/mongod'
import { createLogger } from '../../server/logger'
import { populate, sleep, useFaultWorld } from '../faults/support/world'

/**
 * The backup of docs/deployment.md, taken from a running replica set while it is written to: a
 * secondary locked with fsyncLock, its files copied, unlocked; the copy restored into a fresh mongod
 * that has never seen the set. Every collection must hold what the locked member held.
 */
describe('backup of a running replica set, restored into a fresh mongod', () => {
  const world = useFaultWorld({ members: 3 })
  const logger = createLogger('silent')
  let dir: string | undefined
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('restores every collection with the counts the locked secondary held, writes going on meanwhile', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-backup-'))
    await populate({ rooms: 5, roomSize: 4 })
    // What every member certainly holds before the backup: written to all three.
    const journal = mongoose.connection.collection('backup_journal')
    await journal.insertMany(Array.from({ length: 200 }, (_, i) => ({ i, at: new Date() })), { writeConcern: { w: 3 } })

    // The application goes on writing during the backup.
    let writing = true
    let written = 200
    const writer = (async () => {
      while (writing) {
        await journal.insertOne({ i: written, at: new Date() })
        written++
        await sleep(5)
      }
    })()
    await sleep(500)
    const members = world.mongo.members
    const primaryFlags = await Promise.all(members.map((member) => isWritablePrimary(member.host)))
    const secondary = members.find((_, index) => !primaryFlags[index])!
    const manifest = await backupSecondary({ host: secondary.host, dbPath: secondary.dbPath, destination: path.join(dir, 'backup'), logger })
    await sleep(500)
    writing = false
    await writer

    const restored = await restoreBackup({ backup: path.join(dir, 'backup'), dbPath: path.join(dir, 'restored'), logger })
    try {
      const database = mongoose.connection.db!.databaseName
      console.log(`[cluster] backup from ${secondary.host} while writing: ${Object.keys(restored.counts).length} collections restored; ${database}.backup_journal: ${restored.counts[`${database}.backup_journal`]} of ${written} written by the end`)
      expect(restored.counts).toEqual(manifest.counts)
      expect(restored.counts[`${database}.users`]).toBe(20)
      expect(restored.counts[`${database}.backup_journal`]).toBeGreaterThanOrEqual(200)
      // The copy is a moment of the running set: later writes are not in it.
      expect(restored.counts[`${database}.backup_journal`]).toBeLessThan(written)
    } finally {
      await restored.stop()
    }
  })
})
