import mongoose, { type ClientSession } from 'mongoose'

/**
 * Runs `work` in one MongoDB transaction: all of it, or nothing. The driver runs it again on a
 * transient error (a write conflict with a concurrent transaction), so `work` must only write
 * through `session` and may run more than once. The one way the domain opens a transaction.
 */
export async function inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession()
  try {
    let result: T | undefined
    await session.withTransaction(async () => {
      result = await work(session)
    })
    return result as T
  } finally {
    await session.endSession()
  }
}
