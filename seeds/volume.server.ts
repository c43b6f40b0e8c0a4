import mongoose from 'mongoose'
import { createGenerator, generateNeedBatches, industrialPlaces } from './generator.js'

/**
 * Generated fictional volume data (benchmarks): `organisations` organisations, then `needs` needs
 * by their companies, inserted in batches straight into the collections (no validation, no hooks).
 * Used by `npm run seed:volume` and `npm run bench:pages`.
 */
export async function insertVolumeData(options: { needs: number; organisations: number; seed: number; onProgress?: (needsInserted: number) => void }) {
  const db = mongoose.connection.db!
  const generator = createGenerator(options.seed)
  const places = industrialPlaces()
  const companies = []
  for (let offset = 0; offset < options.organisations; offset += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, options.organisations - offset) }, (_, i) => generator.organisation(offset + i, places))
    await db.collection('organisations').insertMany(batch.map((org) => ({ ...org, createdAt: new Date(), updatedAt: new Date() })), { ordered: false })
    companies.push(...batch.filter((org) => org.kind === 'company').map(({ _id, domains, filieres, location, territories }) => ({ _id, domains, filieres, location, territories })))
  }
  const authorId = new mongoose.Types.ObjectId()
  let inserted = 0
  for await (const batch of generateNeedBatches({ count: options.needs, seed: options.seed, companies, authorId })) {
    await db.collection('needs').insertMany(batch.map((need) => ({ ...need, spaces: [], history: [], proposalsReceived: 0, projectId: null, closedReason: null })), { ordered: false })
    inserted += batch.length
    options.onProgress?.(inserted)
  }
  return { organisations: options.organisations, needs: inserted }
}
