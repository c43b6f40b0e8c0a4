import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedMeilisearch } from '../../server/embedded/meilisearch'
import { createSearchClient } from '../../server/search/client'
import { startApiServer } from './app-support'
import { testLogger } from './support'

describe('GET /healthz', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  it('answers 200 when mongo, meilisearch and the socket server are up', async () => {
    const server = await startApiServer()
    cleanups.push(server.stop)
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({
      status: 'ok',
      down: [],
      services: { mongo: { status: 'up' }, meilisearch: { status: 'up' }, socket: { status: 'up' } },
    })
  })

  it('answers 503 naming meilisearch once Meilisearch has stopped', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-health-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    const meili = await startEmbeddedMeilisearch({ dataDir, logger: testLogger() })
    cleanups.push(meili.stop)
    const server = await startApiServer({ search: createSearchClient(meili.url, meili.masterKey) })
    cleanups.push(server.stop)

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    await meili.stop()

    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(503)
    const report = await response.json()
    expect(report.status).toBe('degraded')
    expect(report.down).toEqual(['meilisearch'])
    expect(report.services.meilisearch.status).toBe('down')
    expect(report.services.mongo.status).toBe('up')
  })

  it('answers 503 naming mongo once the database connection is closed', async () => {
    const server = await startApiServer()
    cleanups.push(server.stop)
    await server.db.close()
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(503)
    expect((await response.json()).down).toEqual(['mongo'])
  })
})
