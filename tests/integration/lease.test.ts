import mongoose from 'mongoose'
import { afterAll, describe, expect, it } from 'vitest'
import { holdLease } from '../../server/cluster/lease'
import { isolatedMongoUri, testLogger } from './support'
import { until } from './messaging-support'

/** The lease that lets one process of several lead the shared work (search sync, jobs): server/cluster/lease.ts. */
describe('a lease in MongoDB', () => {
  const uri = isolatedMongoUri()
  const connections: mongoose.Connection[] = []
  const connect = async () => {
    const connection = await mongoose.createConnection(uri).asPromise()
    connections.push(connection)
    return connection
  }
  afterAll(async () => {
    for (const connection of connections) await connection.close().catch(() => undefined)
  })

  /** A contender whose every change of mind is written down with the time. */
  const contender = (connection: mongoose.Connection, holder: string, name: string, log: string[]) =>
    holdLease({
      connection,
      name,
      holder,
      ttlMs: 1_500,
      renewEveryMs: 300,
      logger: testLogger(),
      onAcquired: () => void log.push(`${holder} leads`),
      onLost: () => void log.push(`${holder} stops`),
    })

  it('is held by one process at a time, and handed over at once when its holder stops', async () => {
    const log: string[] = []
    const a = contender(await connect(), 'A', 'handover', log)
    await until(() => a.held())
    const b = contender(await connect(), 'B', 'handover', log)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect([a.held(), b.held()]).toEqual([true, false])
    await a.stop()
    await until(() => b.held(), { timeoutMs: 2_000 })
    expect(log).toEqual(['A leads', 'A stops', 'B leads'])
    await b.stop()
  })

  it('passes to another process when its holder can no longer renew it — and the holder stops leading first', async () => {
    const log: string[] = []
    const cutOff = await connect()
    const a = contender(cutOff, 'A', 'cut-off', log)
    await until(() => a.held())
    const b = contender(await connect(), 'B', 'cut-off', log)
    // A loses its database (a crash, a network cut): it cannot renew, and gives nothing back.
    await cutOff.close(true)
    await until(() => b.held(), { timeoutMs: 5_000 })
    expect(a.held()).toBe(false)
    expect(log).toEqual(['A leads', 'A stops', 'B leads'])
    await b.stop()
  })
})
