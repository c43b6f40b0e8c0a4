import mongoose from 'mongoose'
import { Message, ReadReceipt } from './model.server'

/**
 * Makes the message collections ready for the writer: messages stored before sequence numbers
 * existed get theirs (in the order they were written), read receipts that pointed at a message id
 * point at its seq, then the indexes are built (the unique `seq` index could not be built before).
 *
 * Runs once per process (the Remix build and the server share it through `globalThis`), again
 * after a failure. A marker in `migrations` makes the migration a no-op after its first run; a
 * lock document keeps two processes starting together from numbering the same conversation.
 */
const MIGRATION_ID = 'message-seq-v1'
const LOCK_ID = `${MIGRATION_ID}:lock`
const LOCK_MS = 60_000

const READY = Symbol.for('passerelle.messaging.storeReady')
const shared = globalThis as Record<symbol, Promise<void> | undefined>

export function prepareMessageStore(): Promise<void> {
  shared[READY] ??= prepare().catch((error: unknown) => {
    shared[READY] = undefined
    throw error
  })
  return shared[READY]
}

async function prepare() {
  await migrateToSequences()
  await Promise.all([Message.createIndexes(), ReadReceipt.init()])
}

type Marker = { _id: string; doneAt?: Date; lockedUntil?: Date }

export async function migrateToSequences() {
  const migrations = mongoose.connection.collection<Marker>('migrations')
  if (await migrations.findOne({ _id: MIGRATION_ID })) return
  // Nothing to number (a new database): mark it done without taking the lock.
  const [unnumbered, oldReceipt] = await Promise.all([
    Message.collection.findOne({ seq: { $exists: false } }, { projection: { _id: 1 } }),
    ReadReceipt.collection.findOne({ lastReadSeq: { $exists: false } }, { projection: { _id: 1 } }),
  ])
  if (unnumbered || oldReceipt) {
    await withLock(migrations, async () => {
      await numberMessages()
      await convertReceipts()
      // Indexes of the earlier layout: the client-id one comes back under its new name.
      for (const name of ['conversationId_1_authorId_1_clientId_1', 'conversationId_1__id_-1']) {
        await Message.collection.dropIndex(name).catch(() => undefined)
      }
    })
  }
  await migrations.updateOne({ _id: MIGRATION_ID }, { $set: { doneAt: new Date() } }, { upsert: true })
}

async function withLock(migrations: mongoose.mongo.Collection<Marker>, work: () => Promise<void>) {
  for (;;) {
    const now = new Date()
    try {
      await migrations.updateOne({ _id: LOCK_ID, lockedUntil: { $lt: now } }, { $set: { lockedUntil: new Date(now.getTime() + LOCK_MS) } }, { upsert: true })
      break
    } catch (error) {
      // Another process holds the lock (the upsert collides with its document): wait for it.
      if ((error as { code?: number }).code !== 11000) throw error
      if (await migrations.findOne({ _id: MIGRATION_ID })) return
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    await work()
  } finally {
    await migrations.deleteOne({ _id: LOCK_ID })
  }
}

async function numberMessages() {
  const conversationIds = await Message.collection.distinct('conversationId', { seq: { $exists: false } })
  for (const conversationId of conversationIds) {
    const last = await Message.collection.findOne({ conversationId, seq: { $exists: true } }, { sort: { seq: -1 }, projection: { seq: 1 } })
    let seq = (last?.seq as number | undefined) ?? 0
    const updates: mongoose.mongo.AnyBulkWriteOperation[] = []
    for await (const message of Message.collection.find({ conversationId, seq: { $exists: false } }, { sort: { _id: 1 }, projection: { _id: 1 } })) {
      updates.push({ updateOne: { filter: { _id: message._id, seq: { $exists: false } }, update: { $set: { seq: ++seq } } } })
    }
    if (updates.length) await Message.collection.bulkWrite(updates, { ordered: true })
  }
}

async function convertReceipts() {
  for await (const receipt of ReadReceipt.collection.find({ lastReadSeq: { $exists: false } })) {
    const read = receipt.lastReadMessageId
      ? await Message.collection.findOne({ conversationId: receipt.conversationId, _id: { $lte: receipt.lastReadMessageId } }, { sort: { _id: -1 }, projection: { seq: 1 } })
      : null
    await ReadReceipt.collection.updateOne({ _id: receipt._id }, { $set: { lastReadSeq: (read?.seq as number | undefined) ?? 0 }, $unset: { lastReadMessageId: '' } })
  }
}
