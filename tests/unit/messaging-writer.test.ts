import mongoose, { type mongo } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { DomainError } from '~/domain/errors'
import { createBatchedWriter } from '~/domain/messaging/writer.server'

/** A collection whose insertMany calls wait until the test releases them. */
function fakeCollection() {
  const calls: Array<{ documents: mongo.Document[]; release: (error?: unknown) => void }> = []
  const collection = {
    insertMany: (documents: mongo.Document[]) =>
      new Promise((resolve, reject) => {
        calls.push({ documents, release: (error) => (error ? reject(error) : resolve({})) })
      }),
  } as unknown as mongo.Collection<mongo.Document>
  return { collection, calls }
}

const doc = () => ({ _id: new mongoose.Types.ObjectId(), body: 'x' })
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('batched message writer', () => {
  it('groups the messages that arrive while a batch is being written into the next batch', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createBatchedWriter(() => collection)
    const first = writer.write(doc())
    await tick()
    const more = [writer.write(doc()), writer.write(doc()), writer.write(doc())]
    expect(calls).toHaveLength(1)
    calls[0]!.release()
    await first
    await tick()
    expect(calls).toHaveLength(2)
    expect(calls[1]!.documents).toHaveLength(3)
    calls[1]!.release()
    expect((await Promise.all(more)).every((outcome) => 'insertedId' in outcome)).toBe(true)
  })

  it('reports duplicates of a batch one by one and stores the rest', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createBatchedWriter(() => collection)
    const blocker = writer.write(doc())
    await tick()
    const [a, b] = [writer.write(doc()), writer.write(doc())]
    calls[0]!.release()
    await blocker
    await tick()
    calls[1]!.release(Object.assign(new Error('E11000'), { writeErrors: [{ index: 1, code: 11000 }] }))
    expect('insertedId' in (await a)).toBe(true)
    expect(await b).toEqual({ duplicate: true })
  })

  it('tells senders to slow down once the queue is full instead of growing a backlog', async () => {
    const { collection, calls } = fakeCollection()
    const writer = createBatchedWriter(() => collection, { maxQueued: 2 })
    const inFlight = writer.write(doc())
    await tick()
    const queued = [writer.write(doc()), writer.write(doc())]
    const refused = await writer.write(doc()).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('rate_limited')
    expect((refused as DomainError).message).toBe('messaging.errors.serverBusy')
    calls[0]!.release()
    await inFlight
    await tick()
    calls[1]!.release()
    await Promise.all(queued)
  })
})
