import type { ChangeStream, ChangeStreamDocument, ObjectId, ResumeToken, Timestamp } from 'mongodb'
import mongoose, { type Connection } from 'mongoose'
import { SEARCH_DOCUMENTS_VERSION } from '../../app/domain/search/documents.js'
import { searchIndexNames } from '../../app/domain/search/names.js'
import type { Logger } from '../logger.js'
import type { SearchClient } from './client.js'
import { rebuildSearchIndexes } from './reindex.js'
import { applyChanges, MODERATION_COLLECTION, NEEDS_COLLECTION, ORGANISATIONS_COLLECTION, SearchTaskFailedError } from './source.js'

/**
 * MongoDB → Meilisearch, without losing an update.
 *
 * A change stream on the database (needs + organisations) feeds batches of changed ids; each
 * batch is written to Meilisearch and only THEN is the stream's resume token stored in
 * `search_sync_state`. After a crash, a restart or a Meilisearch outage, the stream resumes
 * from the last stored token, so every change after it is replayed (writes are idempotent).
 * While Meilisearch is down the batch is retried with backoff and the token does not move.
 * Requests never wait on any of this: the app writes MongoDB and returns.
 *
 * First start (no token), or documents of an older shape (`documentsVersion`): the indexes are
 * rebuilt from MongoDB, and the stream starts at the cluster time read before the rebuild, so
 * nothing written meanwhile is missed.
 */
export const SYNC_STATE_COLLECTION = 'search_sync_state'

type SyncState = { _id: string; resumeToken?: ResumeToken; startAtOperationTime?: Timestamp; documentsVersion?: number; updatedAt: Date }

export type SearchSync = {
  stop: () => Promise<void>
  /** Failed Meilisearch writes so far (each is retried; the token waits). For tests and logs. */
  failedWrites: () => number
}

const BATCH_LIMIT = 500
const MAX_BACKOFF_MS = 15_000

/** Resume tokens older than the oplog cannot be resumed from: start over with a rebuild. */
const HISTORY_LOST_CODES = new Set([280, 286])

export function startSearchSync(options: {
  connection: Connection
  client: SearchClient
  logger: Logger
  prefix?: string
  /** Settle before writing (e.g. index settings applied). */
  ready?: Promise<unknown>
  /**
   * Whether this process may still write (it holds the sync's lease, server/cluster/lease.ts):
   * asked before each batch and before each stored token, so a process that lost the lead —
   * frozen, cut off — never writes alongside the one that took over.
   */
  mayWrite?: () => boolean
}): SearchSync {
  const mayWrite = options.mayWrite ?? (() => true)
  const { connection, client, logger } = options
  const names = searchIndexNames(options.prefix)
  const stateId = `${options.prefix ?? ''}main`
  const states = connection.collection<SyncState>(SYNC_STATE_COLLECTION)
  let stopped = false
  let failedWrites = 0
  let stream: ChangeStream | undefined
  let sleeping: { timer: NodeJS.Timeout; wake: () => void } | undefined

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      sleeping = { timer, wake: resolve }
    }).finally(() => (sleeping = undefined))

  const backoff = (attempt: number) => Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt)

  async function operationTime(): Promise<Timestamp> {
    const reply = await connection.db!.command({ ping: 1 })
    // Only replica sets answer with a cluster time; change streams need one anyway.
    if (!reply.operationTime) throw new Error('MongoDB gave no operationTime: the search sync needs a replica set')
    return reply.operationTime as Timestamp
  }

  /** Writes one batch, retrying while Meilisearch is unavailable; true once written. */
  async function applyWithRetry(changed: { needIds: ObjectId[]; organisationIds: ObjectId[] }) {
    for (let attempt = 0; !stopped; attempt++) {
      if (!mayWrite()) return false
      try {
        await applyChanges(connection, client, names, changed)
        return true
      } catch (error) {
        if (error instanceof SearchTaskFailedError) {
          // Meilisearch refused the documents themselves: retrying cannot help; do not block the stream.
          logger.error({ err: error }, 'search sync: Meilisearch rejected a batch')
          return true
        }
        failedWrites++
        const delay = backoff(attempt)
        logger.warn({ err: error, retryInMs: delay }, 'search sync: write failed, will retry (token not advanced)')
        await sleep(delay)
      }
    }
    return false
  }

  async function run() {
    if (options.ready) await options.ready
    for (let attempt = 0; !stopped; attempt++) {
      try {
        let state = await states.findOne({ _id: stateId })
        // Documents of an older shape (e.g. before their grid cells): rebuild, as on a first start.
        if ((!state?.resumeToken && !state?.startAtOperationTime) || (state.documentsVersion ?? 1) !== SEARCH_DOCUMENTS_VERSION) {
          const startAtOperationTime = await operationTime()
          logger.info('search sync: no resume token, rebuilding the indexes from MongoDB')
          await rebuildSearchIndexes({ connection, client, prefix: options.prefix, shouldStop: () => stopped || !mayWrite() })
          state = { _id: stateId, startAtOperationTime, documentsVersion: SEARCH_DOCUMENTS_VERSION, updatedAt: new Date() }
          await states.replaceOne({ _id: stateId }, state, { upsert: true })
        }
        if (stopped) return
        stream = connection.db!.watch([{ $match: { 'ns.coll': { $in: [NEEDS_COLLECTION, ORGANISATIONS_COLLECTION, MODERATION_COLLECTION] } } }], {
          ...(state.resumeToken ? { resumeAfter: state.resumeToken } : { startAtOperationTime: state.startAtOperationTime }),
          maxAwaitTimeMS: 50,
        })
        logger.info({ resumed: Boolean(state.resumeToken) }, 'search sync: watching needs and organisations')
        while (!stopped) {
          const first = await stream.next()
          const batch: ChangeStreamDocument[] = [first]
          while (batch.length < BATCH_LIMIT) {
            const next = await stream.tryNext()
            if (!next) break
            batch.push(next)
          }
          attempt = 0
          if (batch.some((change) => change.operationType === 'invalidate' || change.operationType === 'dropDatabase')) {
            await states.deleteOne({ _id: stateId })
            throw new Error('change stream invalidated; rebuilding')
          }
          const changed = { needIds: [] as ObjectId[], organisationIds: [] as ObjectId[] }
          for (const change of batch) {
            if (!('documentKey' in change) || !('ns' in change)) continue
            const id = (change.documentKey as { _id: ObjectId })._id
            const coll = (change.ns as { coll?: string }).coll
            if (coll === NEEDS_COLLECTION) changed.needIds.push(id)
            else if (coll === ORGANISATIONS_COLLECTION) changed.organisationIds.push(id)
            else if (coll === MODERATION_COLLECTION) {
              // A need hidden or shown again by moderation: reindex the need it is about.
              const state = await connection.db!.collection(MODERATION_COLLECTION).findOne({ _id: id }, { projection: { targetKind: 1, targetId: 1 } })
              if (state?.targetKind === 'need' && mongoose.isValidObjectId(state.targetId)) changed.needIds.push(new mongoose.mongo.ObjectId(String(state.targetId)))
            }
          }
          if (!(await applyWithRetry(changed))) return
          if (!mayWrite()) return
          await states.updateOne({ _id: stateId }, { $set: { resumeToken: batch.at(-1)!._id, updatedAt: new Date() } }, { upsert: true })
        }
      } catch (error) {
        if (stopped) return
        const code = (error as { code?: number }).code
        if (code !== undefined && HISTORY_LOST_CODES.has(code)) await states.deleteOne({ _id: stateId }).catch(() => undefined)
        const delay = backoff(attempt)
        logger.warn({ err: error, retryInMs: delay }, 'search sync: change stream interrupted, resuming from the stored token')
        await stream?.close().catch(() => undefined)
        stream = undefined
        await sleep(delay)
      }
    }
  }

  const running = run().catch((error: unknown) => logger.error({ err: error }, 'search sync stopped on an unexpected error'))

  return {
    failedWrites: () => failedWrites,
    async stop() {
      stopped = true
      if (sleeping) {
        clearTimeout(sleeping.timer)
        sleeping.wake()
      }
      await stream?.close().catch(() => undefined)
      await running
    },
  }
}
