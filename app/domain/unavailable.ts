import { DomainError } from './errors'

/**
 * "The database cannot answer right now" — a frozen or restarting mongod, an election, a network
 * cut, an operation past its time limit — as opposed to a refusal or a bug. Both doors answer it
 * the same way: 503 and the "service momentarily unavailable" page for HTTP, an `unavailable`
 * ack for sockets (the client keeps the message and sends it again).
 *
 * Recognised by name and code rather than by class: the Remix build bundles its own copy of the
 * app's modules, and the driver's errors come through mongoose wrapped or not.
 */
const TRANSIENT_NAMES = new Set([
  'MongoOperationTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
  'MongoTopologyClosedError',
])

/** Server error codes that mean "not now": stepdowns, shutdowns, elections, time limits. */
const TRANSIENT_CODES = new Set([6, 7, 50, 64, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436])
const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResumableChangeStreamError']

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const candidate = error as { name?: string; code?: unknown; message?: string; hasErrorLabel?: (label: string) => boolean; cause?: unknown; reason?: unknown }
  if (candidate.name === 'DomainError') return candidate.code === 'unavailable'
  if (candidate.name && TRANSIENT_NAMES.has(candidate.name)) return true
  if (typeof candidate.code === 'number' && TRANSIENT_CODES.has(candidate.code)) return true
  if (typeof candidate.hasErrorLabel === 'function' && TRANSIENT_LABELS.some((label) => candidate.hasErrorLabel!(label))) return true
  // mongoose, while it waits for a connection that does not come back in time.
  if (candidate.name === 'MongooseError' && /buffering timed out/.test(candidate.message ?? '')) return true
  // A bulk write cut short by any of the above carries it as its message, with no write error of its own.
  if (candidate.name === 'MongoBulkWriteError' && /timed out|connection|not primary|interrupted|shutdown/i.test(candidate.message ?? '')) return true
  return isDatabaseUnavailable(candidate.cause)
}

/** The connection was closed on purpose (shutdown, end of a test): nothing will come back. */
export function isClientClosed(error: unknown): boolean {
  const failure = error as { name?: string; message?: string } | undefined
  return (
    ['MongoNotConnectedError', 'MongoClientClosedError', 'MongoTopologyClosedError', 'MongoExpiredSessionError'].includes(failure?.name ?? '') ||
    /client was closed|closed connection pool/i.test(failure?.message ?? '')
  )
}

export const unavailable = () => new DomainError('unavailable', 'errors.unavailable')

/** Runs database work; any "not now" failure becomes the `unavailable` refusal, everything else is unchanged. */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw isDatabaseUnavailable(error) && !(error instanceof DomainError) ? unavailable() : error
  }
}
