import mongoose, { type mongo } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { MESSAGE_CLIENT_ID_INDEX, MESSAGE_SEQ_INDEX } from '~/domain/messaging/model.server'
import { createMessageWriter, type MessageDraft } from '~/domain/messaging/writer.server'

const { ObjectId } = mongoose.Types
type Stored = MessageDraft & { seq: number }

/**
 * A messages collection with the two unique indexes and the ordered-insert semantics of MongoDB
 * (stop at the first failing document, report it as a write error). Each insertMany waits until
 * the test releases it, optionally with a failure of its own (a lost connection, a write concern).
 */
function fakeCollection() {
  const stored: Stored[] = []
  const calls: Array<{ documents: Stored[]; release: (failure?: Error) => void }> = []
  const duplicateOf = (document: Stored) => {
    if (stored.some((other) => String(other.conversationId) === String(document.conversationId) && other.seq === document.seq)) return MESSAGE_SEQ_INDEX
    if (stored.some((other) => String(other.conversationId) === String(document.conversationId) && String(other.authorId) === String(document.authorId) && other.clientId === document.clientId)) return MESSAGE_CLIENT_ID_INDEX
    return null
  }
  const collection = {
    findOne: async (filter: { conversationId: mongo.ObjectId }) => {
      const mine = stored.filter((document) => String(document.conversationId) === String(filter.conversationId))
      return mine.length ? { seq: Math.max(...mine.map((document) => document.seq)) } : null
    },
    insertMany: (documents: Stored[]) =>
      new Promise((resolve, reject) => {
        calls.push({
          documents,
          release: (failure) => {
            if (failure) return reject(failure)
            for (const [index, document] of documents.entries()) {
              const index_ = duplicateOf(document)
              if (index_) {
                const error = Object.assign(new Error('E11000'), { name: 'MongoBulkWriteError', writeErrors: [{ index, code: 11000, errmsg: `E11000 duplicate key error index: ${index_} dup key` }], result: { getWriteConcernError: () => undefined } })
                return reject(error)
              }
              stored.push(document)
            }
            resolve({})
          },
        })
      }),
  } as unknown as mongo.Collection<mongo.Document>
  return { collection, calls, stored }
}

const conversation = new ObjectId()
const author = new ObjectId()
let counter = 0
const draft = (overrides: Partial<MessageDraft> = {}): MessageDraft => ({ _id: new ObjectId(), conversationId: conversation, authorId: author, clientId: `client-${++counter}`, createdAt: new Date(), body: 'x', ...overrides })
const tick = () => new Promise((resolve) => setImmediate(resolve))
const codeOf = async (promise: Promise<unknown>) => ((await promise.catch((error: unknown) => error)) as DomainError).code

describe('message writer', () => {
  it('numbers each conversation 1, 2, 3… and groups what arrives during an insert into the next batch', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createMessageWriter(() => collection)
    const other = new ObjectId()
    const first = writer.write(draft())
    await tick()
    const more = [writer.write(draft()), writer.write(draft({ conversationId: other })), writer.write(draft())]
    expect(calls).toHaveLength(1)
    calls[0]!.release()
    await first
    await tick()
    expect(calls).toHaveLength(2)
    expect(calls[1]!.documents.map((document) => document.seq)).toEqual([2, 1, 3])
    calls[1]!.release()
    const outcomes = await Promise.all(more)
    expect(outcomes.map((outcome) => outcome.created && outcome.stored.seq)).toEqual([2, 1, 3])
  })

  it('fails every send of a batch whose outcome is unknown (connection lost, empty write error list) and reads the last seq again', async () => {
    const { collection, calls, stored } = fakeCollection()
    const writer = createMessageWriter(() => collection)
    const sends = [writer.write(draft()), writer.write(draft())]
    await tick()
    // What the driver throws when the connection drops mid-insert: a bulk error listing no write error.
    const lost = Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), { name: 'MongoBulkWriteError', writeErrors: [] })
    // The first document did land before the connection dropped: only the unique index knows.
    stored.push({ ...calls[0]!.documents[0]! })
    calls[0]!.release(lost)
    expect(await Promise.all(sends.map(codeOf))).toEqual(['unavailable', 'unavailable'])
    expect(writer.degraded()).toBe(true)

    // The senders try again with the same client ids: the stored one is a duplicate, the other gets the next number.
    const retries = calls[0]!.documents.map((document) => writer.write({ ...document, _id: new ObjectId() }))
    await tick()
    calls[1]!.release()
    await tick()
    await tick()
    calls[2]!.release()
    const outcomes = await Promise.all(retries)
    expect(outcomes[0]).toEqual({ created: false })
    expect(outcomes[1]!.created && outcomes[1]!.stored.seq).toBe(2)
    expect(stored.map((document) => document.seq)).toEqual([1, 2])
    expect(writer.degraded()).toBe(false)
  })

  it('takes the next number when another writer took this one, leaving no gap', async () => {
    const { collection, calls, stored } = fakeCollection()
    const writer = createMessageWriter(() => collection)
    await Promise.all([writer.write(draft()), tick().then(() => calls[0]!.release())])
    const sends = [writer.write(draft()), writer.write(draft())]
    await tick()
    // Another process stores seq 2 first.
    stored.push({ ...draft({ authorId: new ObjectId() }), seq: 2 })
    calls[1]!.release()
    await tick()
    await tick()
    expect(calls[2]!.documents.map((document) => document.seq)).toEqual([3, 4])
    calls[2]!.release()
    expect((await Promise.all(sends)).map((outcome) => outcome.created && outcome.stored.seq)).toEqual([3, 4])
    expect(stored.map((document) => document.seq).sort()).toEqual([1, 2, 3, 4])
  })

  it('does not acknowledge a batch whose write concern failed, even with a duplicate in it', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createMessageWriter(() => collection)
    const send = writer.write(draft())
    await tick()
    const concern = Object.assign(new Error('waiting for replication timed out'), {
      name: 'MongoBulkWriteError',
      writeErrors: [{ index: 0, code: 11000, errmsg: MESSAGE_CLIENT_ID_INDEX }],
      result: { getWriteConcernError: () => ({ code: 64 }) },
    })
    calls[0]!.release(concern)
    expect(await codeOf(send)).toBe('unavailable')
  })

  it('answers a send past its deadline "unavailable" without writing it', async () => {
    const { collection, calls } = fakeCollection()
    let now = 0
    const writer = createMessageWriter(() => collection, { now: () => now })
    const blocker = writer.write(draft(), { deadline: 10_000 })
    await tick()
    const late = writer.write(draft(), { deadline: 100 })
    now = 200
    calls[0]!.release()
    await blocker
    expect(await codeOf(late)).toBe('unavailable')
    expect(calls).toHaveLength(1)
  })

  it('tells senders to slow down when the queue is full, and that storage is unavailable when it is failing', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createMessageWriter(() => collection, { maxQueued: 2 })
    const inFlight = writer.write(draft())
    await tick()
    const queued = [writer.write(draft()), writer.write(draft())]
    const refused = await writer.write(draft()).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect(refused).toMatchObject({ code: 'rate_limited', message: 'messaging.errors.serverBusy' })
    calls[0]!.release(Object.assign(new Error('Timed out'), { name: 'MongoOperationTimeoutError' }))
    expect(await codeOf(inFlight)).toBe('unavailable')
    // The queued batch is now in flight and the last one failed: a full queue means "unavailable".
    await tick()
    const more = [writer.write(draft()), writer.write(draft())]
    expect(await codeOf(writer.write(draft()))).toBe('unavailable')
    calls[1]!.release()
    await Promise.all(queued)
    await tick()
    calls[2]!.release()
    await Promise.all(more)
  })
})
