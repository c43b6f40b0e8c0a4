import mongoose from 'mongoose'
import { afterAll, beforeAll } from 'vitest'
import type { Client } from './messaging-support'
import { spawnTs } from './process-support'
import { isolatedMongoUri, testServices } from './support'

/**
 * Two API server processes behind one database (the Socket.IO MongoDB adapter), as behind a load
 * balancer: started before the suite's tests, stopped after with every client the tests opened.
 * The suite's own mongoose connection uses the same database.
 */
export function useTwoServerProcesses() {
  const uri = isolatedMongoUri()
  const processes: Array<ReturnType<typeof spawnTs>> = []
  const servers = { urls: [] as string[], clients: [] as Client[] }

  beforeAll(async () => {
    await mongoose.connect(uri)
    const { meiliUrl, meiliMasterKey } = testServices()
    for (let i = 0; i < 2; i++) processes.push(spawnTs('tests/integration/fixtures/api-server-process.ts', [], { MONGO_URI: uri, MEILI_URL: meiliUrl, MEILI_KEY: meiliMasterKey }))
    servers.urls = await Promise.all(processes.map(async (child) => (JSON.parse(await child.waitForLine((line) => line.startsWith('{"url"'))) as { url: string }).url))
  }, 60_000)

  afterAll(async () => {
    for (const client of servers.clients) client.disconnect()
    for (const child of processes) child.child.kill('SIGTERM')
    await Promise.all(processes.map((child) => child.exited))
    await mongoose.disconnect()
  })

  return servers
}
