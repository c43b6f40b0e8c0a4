import { describe, expect, it } from 'vitest'
import { searchIndexNames } from '~/domain/search/names'
import { createSearchClient } from '../../server/search/client'
import { eventually, insertNeed, insertOrg } from '../integration/search-support'
import { sleep } from '../faults/support/world'
import { health, useCluster } from './support/cluster'

/**
 * One process leads the search sync (the lease of server/cluster/lease.ts). It is killed (kill -9)
 * while needs are being written: the other takes the lease within seconds and resumes from the
 * stored token, so the index ends with every need written, none missing — the ones written while
 * nobody led included. Never do both processes say they lead at once.
 */
describe('the search-sync leader killed while needs are written', () => {
  const cluster = useCluster()

  it('another process takes the lease within seconds and the index ends with every need', async () => {
    const leaders = async () => (await Promise.all(cluster.apps.map(async (app) => (await health(app.url).catch(() => undefined))?.report.process.leads ?? false))).map((leads, index) => (leads ? index : -1)).filter((index) => index >= 0)
    const [leader] = await eventually(async () => ((await leaders()).length === 1 ? await leaders() : undefined), { what: 'one leader', timeoutMs: 30_000 })
    const company = await insertOrg({ name: 'Fonderie Relève' })
    const search = createSearchClient(cluster.meili.url, cluster.meili.masterKey)
    const needs = search.index(searchIndexNames().needs)

    // Both processes asked every 200 ms whether they lead, all along.
    let watching = true
    let bothLed = 0
    const watcher = (async () => {
      while (watching) {
        if ((await leaders()).length > 1) bothLed++
        await sleep(200)
      }
    })()

    const written: string[] = []
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        written.push(String((await insertNeed(company._id, { title: `Besoin ${i} pendant la relève` }))._id))
        await sleep(100)
      }
    })()
    await sleep(3_000)
    const victim = cluster.apps[leader!]!
    const survivor = cluster.apps.find((app) => app !== victim)!
    await victim.crash()
    const killedAt = performance.now()
    await eventually(async () => (await health(survivor.url)).report.process.leads, { what: 'the survivor leads', timeoutMs: 30_000 })
    const takeoverMs = Math.round(performance.now() - killedAt)
    await sleep(3_000)
    writing = false
    await writer
    await victim.restart()

    const missing = await eventually(
      async () => {
        const indexed = new Set((await needs.getDocuments({ fields: ['id'], limit: 10_000 })).results.map((document) => String(document.id)))
        const notYet = written.filter((id) => !indexed.has(id))
        return notYet.length === 0 ? notYet : undefined
      },
      { what: `all ${written.length} needs indexed`, timeoutMs: 60_000 },
    ).catch(async () => {
      const indexed = new Set((await needs.getDocuments({ fields: ['id'], limit: 10_000 })).results.map((document) => String(document.id)))
      return written.filter((id) => !indexed.has(id))
    })
    watching = false
    await watcher
    console.log(`[cluster] search leader killed: ${written.length} needs written, lease taken over in ${takeoverMs} ms, ${missing.length} missing from the index, both leading in ${bothLed} samples`)
    expect(written.length).toBeGreaterThan(30)
    // The lease lasts 10 s, renewed every 2.5 s: the survivor leads at most ~12.5 s after the death (+ a loaded machine).
    expect(takeoverMs).toBeLessThan(20_000)
    expect(missing).toEqual([])
    expect(bothLed).toBe(0)
  })
})
