import mongoose, { type mongo, type Types } from 'mongoose'
import { DomainError, rateLimited } from '../errors'
import { isClientClosed, isDatabaseUnavailable, unavailable } from '../unavailable'
import { MESSAGE_CLIENT_ID_INDEX } from './model.server'

type Collection<T extends mongo.Document> = mongo.Collection<T>
type Document = mongo.Document
type ObjectId = Types.ObjectId
const ObjectIdClass = mongoose.Types.ObjectId

/**
 * Batched, numbered, durable message inserts.
 *
 * - **Numbered in the write.** Each message gets the next `seq` of its conversation. A unique
 *   index on (conversation, seq) makes the number the write's own: a writer that guessed a number
 *   another process took fails on that message, reads the conversation's last number again and
 *   tries the next one. Batches are ordered, so seq n+1 of a conversation is never stored before
 *   seq n: a client that sees n+1 knows n exists (or never will).
 * - **Durable before it is acknowledged.** Inserts wait for a majority of the replica set. A batch
 *   whose outcome is not known (connection lost, time limit, write concern not met, stepdown)
 *   fails every message in it with `unavailable`: the sender's retry with the same client id is
 *   answered from storage if the first try did land (unique index on author + client id).
 * - **Bounded.** Messages of the same tick leave together; while one insert runs, new messages
 *   queue and leave together in the next one;
 *   the queue is bounded and every message has a deadline: past it, it is answered `unavailable`
 *   rather than kept waiting. A full queue says "slow down" when the database keeps up, and
 *   "unavailable" when it does not (the last batch failed, or the current one is stuck).
 */
export type MessageDraft = Document & { _id: ObjectId; conversationId: ObjectId; authorId: ObjectId; clientId: string; createdAt: Date }
export type StoredDraft = MessageDraft & { seq: number }
export type WriteOutcome = { created: true; stored: StoredDraft } | { created: false }

type WriterOptions = {
  maxBatch?: number
  maxQueued?: number
  /** Time limit of one insert (and of reading a conversation's last seq). */
  writeTimeoutMs?: number
  /** Called before the first batch (indexes, migration); retried while it fails. */
  prepare?: () => Promise<void>
  now?: () => number
}

const STUCK_AFTER_MS = 1_000

export function createMessageWriter(collection: () => Collection<Document>, options: WriterOptions = {}) {
  const { maxBatch = 500, maxQueued = 2_000, writeTimeoutMs = 4_000, prepare = async () => {}, now = Date.now } = options
  type Pending = { draft: MessageDraft; deadline: number; resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void }
  const queue: Pending[] = []
  /** Last seq known to be stored, per conversation (learnt from this writer's own confirmed writes). */
  const lastSeq = new Map<string, number>()
  const MAX_REMEMBERED = 50_000
  let flushing = false
  let batchStartedAt = 0
  let lastFailureAt = -Infinity
  let lastSuccessAt = -Infinity
  /** Since the last `takeStats()`: what the benchmark reports, to tell database time from the rest. */
  let stats = { batches: 0, documents: 0, totalMs: 0, maxMs: 0 }

  const degraded = () => lastFailureAt > lastSuccessAt || (flushing && batchStartedAt > 0 && now() - batchStartedAt > STUCK_AFTER_MS)
  const remember = (conversationId: string, seq: number) => {
    const known = lastSeq.get(conversationId)
    if (known !== undefined && known >= seq) return
    lastSeq.delete(conversationId)
    lastSeq.set(conversationId, seq)
    if (lastSeq.size > MAX_REMEMBERED) lastSeq.delete(lastSeq.keys().next().value!)
  }

  async function flush() {
    if (flushing) return
    flushing = true
    try {
      while (queue.length) {
        const batch: Pending[] = []
        while (queue.length && batch.length < maxBatch) {
          const pending = queue.shift()!
          // Already answered "unavailable" by its deadline: the sender will send it again.
          if (now() > pending.deadline) pending.reject(unavailable())
          else batch.push(pending)
        }
        if (batch.length) await insertBatch(batch)
      }
    } finally {
      flushing = false
      batchStartedAt = 0
    }
  }

  async function loadLastSeqs(conversationIds: string[]) {
    const unknown = conversationIds.filter((id) => !lastSeq.has(id))
    await Promise.all(
      unknown.map(async (id) => {
        const last = await collection().findOne(
          { conversationId: new ObjectIdClass(id) },
          // Majority: never number after a message a failover could still take back.
          { sort: { seq: -1 }, projection: { seq: 1 }, timeoutMS: writeTimeoutMs, readConcern: { level: 'majority' } },
        )
        remember(id, (last?.seq as number | undefined) ?? 0)
      }),
    )
  }

  async function insertBatch(batch: Pending[]) {
    const startedAt = performance.now()
    batchStartedAt = now()
    const conversations = [...new Set(batch.map((pending) => String(pending.draft.conversationId)))]
    let documents: StoredDraft[] = []
    try {
      await prepare()
      await loadLastSeqs(conversations)
      const next = new Map<string, number>()
      documents = batch.map((pending) => {
        const conversationId = String(pending.draft.conversationId)
        const seq = (next.get(conversationId) ?? lastSeq.get(conversationId)!) + 1
        next.set(conversationId, seq)
        return { ...pending.draft, seq }
      })
      await collection().insertMany(documents, { ordered: true, writeConcern: { w: 'majority' }, timeoutMS: writeTimeoutMs })
      lastSuccessAt = now()
      documents.forEach((document, index) => {
        remember(String(document.conversationId), document.seq)
        batch[index]!.resolve({ created: true, stored: document })
      })
    } catch (error) {
      settleFailedBatch(batch, documents, error)
    } finally {
      const ms = performance.now() - startedAt
      stats = { batches: stats.batches + 1, documents: stats.documents + batch.length, totalMs: stats.totalMs + ms, maxMs: Math.max(stats.maxMs, ms) }
    }
  }

  /**
   * An ordered insert stops at its first failing document. When that failure is a duplicate key
   * (and nothing else went wrong), the documents before it are stored; a duplicate client id is a
   * retry of a stored message; a duplicate seq means another writer took that number: it and the
   * documents after it go back to the front of the queue, numbered again. Any other failure leaves
   * the whole batch's outcome unknown: each sender is told to try again.
   */
  function settleFailedBatch(batch: Pending[], documents: StoredDraft[], error: unknown) {
    const bulkError = error as { writeErrors?: Array<{ index: number; code?: number; errmsg?: string }>; result?: { getWriteConcernError?: () => unknown } }
    // A connection lost mid-insert arrives as a bulk error with an empty list: not a success.
    const list = Array.isArray(bulkError.writeErrors) ? bulkError.writeErrors : []
    const concernFailed = Boolean(bulkError.result?.getWriteConcernError?.())
    const only = list.length === 1 ? list[0]! : undefined
    const duplicate = only !== undefined && only.code === 11000 && !concernFailed && documents.length === batch.length
    if (!duplicate) {
      lastFailureAt = now()
      for (const id of new Set(batch.map((pending) => String(pending.draft.conversationId)))) lastSeq.delete(id)
      const unknownOutcome = isDatabaseUnavailable(error) || ((error as Error).name === 'MongoBulkWriteError' && list.length === 0)
      const refusal = unknownOutcome ? unavailable() : error
      for (const pending of batch) pending.reject(refusal)
      return
    }
    lastSuccessAt = now()
    const failedAt = only!.index
    for (let index = 0; index < failedAt; index++) {
      remember(String(documents[index]!.conversationId), documents[index]!.seq)
      batch[index]!.resolve({ created: true, stored: documents[index]! })
    }
    const message = only!.errmsg ?? ''
    const failed = batch[failedAt]!
    const retry = batch.slice(failedAt + 1)
    if (message.includes(MESSAGE_CLIENT_ID_INDEX)) failed.resolve({ created: false })
    else {
      lastSeq.delete(String(failed.draft.conversationId))
      retry.unshift(failed)
    }
    queue.unshift(...retry)
  }

  return {
    /**
     * Stores the draft (its `_id` set by the caller) with the next seq of its conversation.
     * Resolves once a majority has it; `{ created: false }` when the author already sent this client id.
     */
    write(draft: MessageDraft, { deadline = now() + 5_000 }: { deadline?: number } = {}): Promise<WriteOutcome> {
      if (queue.length >= maxQueued) {
        return Promise.reject(degraded() ? unavailable() : rateLimited('messaging.errors.serverBusy'))
      }
      return new Promise((resolve, reject) => {
        queue.push({ draft, deadline, resolve, reject })
        // Sends of the same tick leave together.
        if (!flushing && queue.length === 1) queueMicrotask(() => void flush())
      })
    },
    /** True while the database is failing or stuck: refusals then say "unavailable", not "busy". */
    degraded,
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

export type MessageWriter = ReturnType<typeof createMessageWriter>

/**
 * "Last activity" dates of conversations, coalesced: many messages in one conversation become one
 * `$max` update, and all pending conversations leave in one bulkWrite, at most one every
 * `minIntervalMs` (a busy room costs a few updates a second, not one per message). Only the order
 * of the conversation list depends on it, so a send never waits for it. While the database is
 * unavailable the dates wait and leave with the next batch.
 */
export function createActivityToucher(collection: () => Collection<Document>, onError: (error: unknown) => void, { minIntervalMs = 250 } = {}) {
  const RETRY_AFTER_MS = 1_000
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
        try {
          await collection().bulkWrite(
            batch.map(({ _id, at }) => ({ updateOne: { filter: { _id }, update: { $max: { lastMessageAt: at } } } })),
            { ordered: false },
          )
        } catch (error) {
          if (!isDatabaseUnavailable(error) || isClientClosed(error)) {
            onError(error)
            continue
          }
          for (const entry of batch) touch(entry._id, entry.at)
          await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS))
        }
      }
    } finally {
      flushing = false
    }
  }
  function touch(_id: ObjectId, at: Date) {
    const known = pending.get(String(_id))
    if (!known || known.at < at) pending.set(String(_id), { _id, at })
    void flush()
  }
  return {
    touch,
    /** Resolves once every touch so far is written (tests, shutdown). */
    async settled() {
      while (flushing || pending.size) await new Promise((resolve) => setTimeout(resolve, 5))
    },
  }
}
