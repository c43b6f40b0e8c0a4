import mongoose from 'mongoose'
import { prepareMessageStore } from '../app/domain/messaging/store.server.js'

/**
 * The longest any database operation of a page or a socket command may take, server selection
 * included: a frozen, restarting or unreachable mongod gives a clear "unavailable" answer after
 * this, never a hang (the driver's client-side operation timeout).
 */
export const DATABASE_TIMEOUT_MS = 8_000

/**
 * One mongoose connection per process; models register on it (see app/domain/*).
 * `batch`: command-line tools (seeds, reindex) whose long reads and writes must not be cut short.
 */
export async function connectDatabase(uri: string, { batch = false }: { batch?: boolean } = {}) {
  mongoose.set('strictQuery', true)
  // mongoose records a stack trace at every query's start, only to tell where a query ran twice.
  // Source maps are on (tsx), so each costs a source-mapped stack: ~3 % of a signed-in page's CPU.
  mongoose.set('skipOriginalStackTraces', true)
  // mongoose holds operations while it reconnects: no longer than the driver would wait.
  if (!batch) mongoose.set('bufferTimeoutMS', DATABASE_TIMEOUT_MS)
  const limits = batch ? {} : { serverSelectionTimeoutMS: DATABASE_TIMEOUT_MS, timeoutMS: DATABASE_TIMEOUT_MS }
  await mongoose.connect(uri, limits as mongoose.ConnectOptions)
  // Messages stored before sequence numbers existed get theirs before anyone reads them.
  await prepareMessageStore()
  return mongoose.connection
}

/**
 * A second connection to the same database, without the operation time limit: for work meant
 * to wait or to run long — change streams (message feed, search sync, Socket.IO adapter) and
 * rebuilding the search indexes. Nothing a person waits for goes through it.
 */
export async function connectBackgroundDatabase(uri: string) {
  return mongoose.createConnection(uri).asPromise()
}

export async function disconnectDatabase() {
  await mongoose.disconnect()
}
