import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type { Collection, Connection } from 'mongoose'

type Counter = { _id: string; hits: number; resetAt: Date }

/**
 * Request counters shared by every app process behind the load balancer (express-rate-limit's
 * Store): one document per client and window in `rate_limits`, counted and reset by mongod
 * (`$$NOW`), so a client spreading requests over N processes gets the limit once, not N times.
 * Expired counters are removed by a TTL index. Each count is bounded in time: when the database
 * does not answer within `timeoutMs`, express-rate-limit lets the request through
 * (`passOnStoreError`) — a database outage must not take the pages down with it.
 * (rate-limit-mongo, the package made for this, still ships the MongoDB driver 3.6.)
 */
export class MongoRateLimitStore implements Store {
  localKeys = false
  prefix: string
  private windowMs = 60_000
  private readonly counters: Collection<Counter>
  private indexed: Promise<unknown> | undefined

  constructor(connection: Connection, { prefix, timeoutMs = 300 }: { prefix: string; timeoutMs?: number }) {
    this.prefix = prefix
    this.counters = connection.collection<Counter>('rate_limits')
    this.timeoutMs = timeoutMs
  }
  private readonly timeoutMs: number

  init(options: Options) {
    this.windowMs = options.windowMs
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.indexed ??= this.counters.createIndex({ resetAt: 1 }, { expireAfterSeconds: 0 }).catch(() => (this.indexed = undefined))
    const counter = (await this.counters.findOneAndUpdate(
      { _id: this.prefix + key },
      [
        {
          $set: {
            // A counter whose window is over starts again at 1.
            hits: { $cond: [{ $gt: ['$resetAt', '$$NOW'] }, { $add: ['$hits', 1] }, 1] },
            resetAt: { $cond: [{ $gt: ['$resetAt', '$$NOW'] }, '$resetAt', { $add: ['$$NOW', this.windowMs] }] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after', timeoutMS: this.timeoutMs } as never,
    )) as unknown as Counter
    return { totalHits: counter.hits, resetTime: counter.resetAt }
  }

  async decrement(key: string) {
    await this.counters.updateOne({ _id: this.prefix + key, hits: { $gt: 0 } }, { $inc: { hits: -1 } }, { timeoutMS: this.timeoutMs } as never)
  }

  async resetKey(key: string) {
    await this.counters.deleteOne({ _id: this.prefix + key }, { timeoutMS: this.timeoutMs } as never)
  }
}
