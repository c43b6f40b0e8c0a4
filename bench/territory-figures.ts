/**
 * Territory key figures benchmark (issue 18): seeds N needs spread over the demo territories
 * (default 50,000; a third with proposals), then times `territoryFigures` — the counts and the
 * 5-day answered share computed in MongoDB — for one territory, 20 runs after a warm-up. Prints
 * the median and the slowest run.
 *
 *   npm run bench:territories                  # 50,000 needs
 *   npm run bench:territories -- --needs 10000
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import mongoose from 'mongoose'

const { values } = parseArgs({ options: { needs: { type: 'string', default: '50000' } } })

async function main() {
  const total = Number(values.needs)
  const { startEmbeddedMongo } = await import('../server/embedded/mongod.js')
  const { createLogger } = await import('../server/logger.js')
  const { Need } = await import('../app/domain/needs/model.server.js')
  const { Organisation } = await import('../app/domain/orgs/model.server.js')
  const { Proposal } = await import('../app/domain/proposals/model.server.js')
  const { demoTerritories } = await import('../app/domain/places/territories.js')
  const { territoryFigures } = await import('../app/domain/territories/figures.server.js')

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-territories-'))
  const mongo = await startEmbeddedMongo({ dataDir, logger: createLogger('warn') })
  try {
    await mongoose.connect(mongo.uri('bench_territories'))
    await Promise.all([Need.init(), Organisation.init(), Proposal.init()])
    process.stdout.write(`seeding ${total} needs… `)
    const seededAt = Date.now()
    const statuses = ['published', 'in_discussion', 'in_project', 'closed', 'draft'] as const
    for (let start = 0; start < total; start += 5000) {
      const needs = Array.from({ length: Math.min(5000, total - start) }, (_, index) => {
        const n = start + index
        const status = statuses[n % statuses.length]!
        const publishedAt = status === 'draft' ? null : new Date(Date.UTC(2026, 0, 1 + (n % 300)))
        return {
          _id: new mongoose.Types.ObjectId(),
          companyOrgId: new mongoose.Types.ObjectId(),
          createdBy: new mongoose.Types.ObjectId(),
          title: `Besoin ${n}`,
          territory: demoTerritories[n % demoTerritories.length]!.id,
          confidentiality: 'public',
          status,
          publishedAt,
          projectId: status === 'in_project' ? new mongoose.Types.ObjectId() : null,
          spaces: [],
        }
      })
      await Need.collection.insertMany(needs)
      const answered = needs.filter((need, index) => need.publishedAt && index % 3 === 0)
      await Proposal.collection.insertMany(
        answered.map((need, index) => ({ needId: need._id, submissionId: String(new mongoose.Types.ObjectId()), createdAt: new Date(need.publishedAt!.getTime() + (index % 10) * 86_400_000) })),
      )
    }
    console.log(`${Date.now() - seededAt} ms`)

    const territory = demoTerritories[0]!.id
    await territoryFigures(territory)
    const timings: number[] = []
    let figures
    for (let run = 0; run < 20; run++) {
      const started = process.hrtime.bigint()
      figures = await territoryFigures(territory)
      timings.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
    timings.sort((a, b) => a - b)
    console.log(`territory ${territory}: ${JSON.stringify(figures)}`)
    console.log(`territoryFigures over ${total} needs: median ${timings[10]!.toFixed(1)} ms, slowest ${timings.at(-1)!.toFixed(1)} ms (20 runs)`)
  } finally {
    await mongoose.disconnect()
    await mongo.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

await main()
