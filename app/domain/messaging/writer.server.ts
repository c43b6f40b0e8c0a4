import type { mongo, Types } from 'mongoose'

type Collection<T extends mongo.Document> = mongo.Collection<T>
type Document = mongo.Document
type ObjectId = Types.ObjectId
import { DomainError } from '../errors'

/**
 * Batched message inserts with bounded in-flight work. While one `insertMany` is running, new
 * messages queue up and leave together in the next one (no timer: batches grow with the load).
 * When the queue is full the sender is told to slow down instead of the backlog growing.
 */
export type WriteOutcome = { insertedId: ObjectId } | { duplicate: true }

export function createBatchedWriter(collection: () => Collection<Document>, { maxBatch = 500, maxQueued = 2_000 } = {}) {
  type Pending = { document: Document; resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void }
  const queue: Pending[] = []
  let flushing = false
  /** Since the last `takeStats()`: what the benchmark reports, to tell database time from the rest. */
  let stats = { batches: 0, documents: 0, totalMs: 0, maxMs: 0 }

  async function flush() {
    if (flushing) return
    flushing = true
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch)
        await insertBatch(batch)
      }
    } finally {
      flushing = false
    }
  }

  async function insertBatch(batch: Pending[]) {
    const failed = new Map<number, { code?: number }>()
    const startedAt = performance.now()
    try {
      await collection().insertMany(
        batch.map((pending) => pending.document),
        { ordered: false },
      )
    } catch (error) {
      // Unordered: the other documents are stored; the write errors say which ones were not.
      const writeErrors = (error as { writeErrors?: Array<{ index: number; code?: number }> }).writeErrors
      if (!writeErrors) {
        for (const pending of batch) pending.reject(error)
        return
      }
      for (const writeError of writeErrors) failed.set(writeError.index, writeError)
    } finally {
      const ms = performance.now() - startedAt
      stats = { batches: stats.batches + 1, documents: stats.documents + batch.length, totalMs: stats.totalMs + ms, maxMs: Math.max(stats.maxMs, ms) }
    }
    batch.forEach((pending, index) => {
      const failure = failed.get(index)
      if (!failure) pending.resolve({ insertedId: pending.document._id as ObjectId })
      else if (failure.code === 11000) pending.resolve({ duplicate: true })
      else pending.reject(failure)
    })
  }

  return {
    /** The document must carry its `_id` (set by the caller, so each one is known before the batch returns). */
    write(document: Document): Promise<WriteOutcome> {
      if (queue.length >= maxQueued) return Promise.reject(new DomainError('rate_limited', 'messaging.errors.serverBusy'))
      return new Promise((resolve, reject) => {
        queue.push({ document, resolve, reject })
        void flush()
      })
    },
    get queued() {
      return queue.length
    },
    takeStats() {
      const taken = stats
      stats = { batches: 0, documents: 0, totalMs: 0, maxMs: 0 }
      return taken
    },
  }
}

/**
 * "Last activity" dates of conversations, coalesced: many messages in one conversation become one
 * `$max` update, and all pending conversations leave in one bulkWrite, at most one every
 * `minIntervalMs` (a busy room costs a few updates a second, not one per message). Only the order
 * of the conversation list depends on it, so a send never waits for it.
 */
export function createActivityToucher(collection: () => Collection<Document>, onError: (error: unknown) => void, { minIntervalMs = 250 } = {}) {
  let pending = new Map<string, { _id: ObjectId; at: Date }>()
  let flushing = false
  let lastFlushAt = -Infinity
  async function flush() {
    if (flushing) return
    flushing = true
    try {
      while (pending.size) {
        const wait = lastFlushAt + minIntervalMs - Date.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        lastFlushAt = Date.now()
        const batch = [...pending.values()]
        pending = new Map()
        await collection()
          .bulkWrite(batch.map(({ _id, at }) => ({ updateOne: { filter: { _id }, update: { $max: { lastMessageAt: at } } } })), { ordered: false })
          .catch(onError)
      }
    } finally {
      flushing = false
    }
  }
  return {
    touch(_id: ObjectId, at: Date) {
      const known = pending.get(String(_id))
      if (!known || known.at < at) pending.set(String(_id), { _id, at })
      void flush()
    },
    /** Resolves once every touch so far is written (tests, shutdown). */
    async settled() {
      while (flushing || pending.size) await new Promise((resolve) => setTimeout(resolve, 5))
    },
  }
}
