import type { Connection } from 'mongoose'
import type { ObjectId } from 'mongodb'
import { searchIndexNames, searchKinds, type SearchIndexNames, type SearchKind } from '../../app/domain/search/names.js'
import type { SearchClient } from './client.js'
import { ensureIndex } from './indexes.js'
import { allDocuments, applyChanges, countSources, NEEDS_COLLECTION, ORGANISATIONS_COLLECTION, writeDocuments } from './source.js'

export class ReindexAbortedError extends Error {
  override name = 'ReindexAbortedError'
  constructor() {
    super('rebuild abandoned')
  }
}

export type ReindexProgress = { kind: SearchKind; indexed: number; total: number; phase: 'indexing' | 'swapped' }

/**
 * Rebuilds both indexes from MongoDB without search ever going empty: each index is built
 * under a temporary name with the same settings, then swapped with the live one in one
 * Meilisearch operation, and the old copy is deleted.
 */
export async function rebuildSearchIndexes(options: {
  connection: Connection
  client: SearchClient
  prefix?: string
  onProgress?: (progress: ReindexProgress) => void
  /** Checked between batches: a shutting-down app abandons the rebuild (the live index is untouched). */
  shouldStop?: () => boolean
}): Promise<SearchIndexNames> {
  const { connection, client } = options
  const names = searchIndexNames(options.prefix)
  // Writes that land while we copy may miss the copy: they are re-applied after the swap.
  const startedAt = new Date(Date.now() - 5_000)
  for (const kind of searchKinds) {
    const live = names[kind]
    const temporary = `${live}__rebuild_${Date.now()}`
    await ensureIndex(client, temporary, kind)
    try {
      const total = await countSources(connection, kind)
      let indexed = 0
      options.onProgress?.({ kind, indexed, total, phase: 'indexing' })
      for await (const batch of allDocuments(connection, kind)) {
        if (options.shouldStop?.()) throw new ReindexAbortedError()
        await writeDocuments(client, temporary, batch, [])
        indexed += batch.length
        options.onProgress?.({ kind, indexed, total, phase: 'indexing' })
      }
      await ensureIndex(client, live, kind)
      const swap = await client.swapIndexes([{ indexes: [live, temporary], rename: false }]).waitTask({ timeout: 60_000 })
      if (swap.status === 'failed') throw new Error(`swapping ${live}: ${swap.error?.message}`)
      options.onProgress?.({ kind, indexed, total, phase: 'swapped' })
    } finally {
      await client.deleteIndex(temporary).waitTask({ timeout: 60_000 }).catch(() => undefined)
    }
  }
  const recentlyChanged = async (collection: string) =>
    (await connection.collection(collection).find({ updatedAt: { $gte: startedAt } }, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id as ObjectId)
  await applyChanges(connection, client, names, {
    needIds: await recentlyChanged(NEEDS_COLLECTION),
    organisationIds: await recentlyChanged(ORGANISATIONS_COLLECTION),
  })
  return names
}
