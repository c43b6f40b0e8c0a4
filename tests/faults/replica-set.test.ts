import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { afterAll, describe, expect, it } from 'vitest'
import { searchIndexNames } from '~/domain/search/names'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../server/embedded/meilisearch'
import { isWritablePrimary } from '../../server/embedded/mongod'
import { createLogger } from '../../server/logger'
import { createSearchClient } from '../../server/search/client'
import { eventually, insertNeed, insertOrg } from '../integration/search-support'
import { sendSteadily } from './support/chat'
import { expectNothingLost, printTally, settle, tally } from './support/ledger'
import { scale, sleep, useFaultWorld } from './support/world'

/**
 * A three-member replica set (three genuine mongod processes), the app against it. The primary
 * is killed (kill -9) while people send, then a stepdown forces a second election: writes the old
 * primary had not replicated may be rolled back, so only what a majority confirmed may have been
 * acknowledged. The search sync resumes on the new primary from its stored token.
 */
describe('a three-member replica set losing its primary while people send', () => {
  const world = useFaultWorld({ members: 3 })
  let meili: EmbeddedMeilisearch | undefined
  let meiliDir: string | undefined
  const primary = async () => {
    for (const member of world.mongo.members) if (!member.process.hasExited() && (await isWritablePrimary(member.host).catch(() => false))) return member
    return undefined
  }
  afterAll(async () => {
    await meili?.stop()
    if (meiliDir) await rm(meiliDir, { recursive: true, force: true })
  })

  it('acknowledges nothing it loses, stores nothing twice, and the search sync carries on after the elections', async () => {
    meiliDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-faults-meili-'))
    meili = await startEmbeddedMeilisearch({ dataDir: meiliDir, logger: createLogger('silent') })
    const app = await world.startApp({ meili: { url: meili.url, key: meili.masterKey } })
    const { clients } = await world.chatters(app.url)
    const company = await insertOrg({ name: 'Fonderie Élection' })
    const search = createSearchClient(meili.url, meili.masterKey)
    const indexed = (id: unknown) => search.index(searchIndexNames().needs).getDocument(String(id)).catch(() => undefined)
    const before = await insertNeed(company._id, { title: 'Avant la bascule' })
    await eventually(() => indexed(before._id), { what: 'need indexed before the failover', timeoutMs: 30_000 })

    const stop = sendSteadily(clients, scale.rate)
    await sleep(1_500)
    const first = (await primary())!
    process.kill(first.process.pid, 'SIGKILL')
    await first.process.exited
    await eventually(async () => (await primary()) ?? undefined, { what: 'a new primary elected', timeoutMs: 30_000 })
    await sleep(1_500)
    await first.restart()
    await sleep(1_000)
    // A clean stepdown too (what a managed MongoDB does at each maintenance window).
    const second = (await primary())!
    const admin = new mongoose.mongo.MongoClient(`mongodb://${second.host}/?directConnection=true`)
    await admin.db('admin').command({ replSetStepDown: 10, secondaryCatchUpPeriodSecs: 5 }).catch(() => undefined)
    await admin.close()
    await sleep(2_000)
    stop()
    await settle(clients, { timeoutMs: 90_000 })
    const counts = await tally(clients)
    printTally('3-member replica set, primary killed then stepped down', counts)
    expectNothingLost(counts, expect)

    const after = await insertNeed(company._id, { title: 'Après la bascule' })
    await eventually(() => indexed(after._id), { what: 'need indexed after the failover', timeoutMs: 60_000 })
  })
})
