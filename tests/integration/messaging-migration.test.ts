import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Message, ReadReceipt } from '~/domain/messaging/model.server'
import { migrateToSequences } from '~/domain/messaging/store.server'
import { isolatedMongoUri } from './support'

const { ObjectId } = mongoose.Types

/** A database written before messages had a seq: numbered at start-up, in the order they were written. */
describe('messages stored before sequence numbers', () => {
  beforeAll(() => mongoose.connect(isolatedMongoUri()))
  afterAll(() => mongoose.disconnect())

  it('get 1, 2, 3… per conversation in write order, receipts point at the seq they had read, and it runs once', async () => {
    const [first, second] = [new ObjectId(), new ObjectId()]
    const author = new ObjectId()
    const reader = new ObjectId()
    const ids = Array.from({ length: 5 }, () => new ObjectId())
    const old = (id: mongoose.Types.ObjectId, conversationId: mongoose.Types.ObjectId, n: number) => ({ _id: id, conversationId, authorId: author, clientId: `old-${n}`, body: `ancien ${n}`, html: '', createdAt: id.getTimestamp() })
    // As the old layout stored them (no seq), with its old index names.
    await Message.collection.insertMany([old(ids[0]!, first, 0), old(ids[1]!, second, 1), old(ids[2]!, first, 2), old(ids[3]!, first, 3), old(ids[4]!, second, 4)])
    await Message.collection.createIndex({ conversationId: 1, authorId: 1, clientId: 1 }, { unique: true })
    await ReadReceipt.collection.insertOne({ conversationId: first, userId: reader, lastReadMessageId: ids[2], readAt: new Date() })

    await migrateToSequences()
    await Message.createIndexes()

    const seqs = async (conversationId: mongoose.Types.ObjectId) => (await Message.find({ conversationId }).sort({ _id: 1 }).lean()).map((message) => message.seq)
    expect(await seqs(first)).toEqual([1, 2, 3])
    expect(await seqs(second)).toEqual([1, 2])
    expect(await ReadReceipt.findOne({ userId: reader }).lean()).toMatchObject({ lastReadSeq: 2 })
    const indexes = (await Message.collection.indexes()).map((index) => index.name)
    expect(indexes).toEqual(expect.arrayContaining(['conversation_seq', 'conversation_author_client_id']))
    expect(indexes).not.toContain('conversationId_1_authorId_1_clientId_1')

    // Done once: a message written afterwards without a seq (impossible through the app) is left alone.
    await Message.collection.insertOne({ conversationId: new ObjectId(), authorId: author, clientId: 'later', body: '', html: '' })
    await migrateToSequences()
    expect(await Message.collection.countDocuments({ seq: { $exists: false } })).toBe(1)
  })
})
