import type { Connection } from 'mongoose'
import type { Logger } from '../logger.js'

/**
 * A lease in MongoDB: at most one process holds `name` at a time, and keeps it by renewing it
 * every `renewEveryMs`; a process that dies (kill -9) stops renewing, and another takes the lease
 * once it has expired — within `ttlMs` + `renewEveryMs`. Expiry is judged by mongod's clock
 * (`$$NOW`), never by the processes' own clocks.
 *
 * The holder also stops believing it holds the lease when it could not renew it in time
 * (`held()` turns false `ttlMs - margin` after the last renewal, before anyone else can take
 * it): a process cut off from the database, or frozen, never acts as leader alongside the new one.
 */
export type LeaseOptions = {
  connection: Connection
  name: string
  /** Who asks: this process's id (app/domain/process.ts). */
  holder: string
  ttlMs?: number
  renewEveryMs?: number
  logger: Logger
  /** Called when this process becomes the holder, and when it stops being it (lost, or stopping). */
  onAcquired: () => void
  onLost: () => Promise<void> | void
  now?: () => number
}

type LeaseDocument = { _id: string; holder: string; expiresAt: Date }

export function holdLease({ connection, name, holder, ttlMs = 10_000, renewEveryMs = Math.floor(ttlMs / 4), logger, onAcquired, onLost, now = Date.now }: LeaseOptions) {
  const leases = connection.collection<LeaseDocument>('leases')
  /** Until when (this process's clock) it may act as the holder: the last renewal plus most of the lease. */
  let validUntil = 0
  let holding = false
  let stopped = false
  let timer: NodeJS.Timeout | undefined

  async function renew(): Promise<boolean> {
    const startedAt = now()
    try {
      // Ours, or expired (by mongod's clock), or not there yet: take it; a live lease of another process stays as it is.
      const mayTake = { $or: [{ $eq: ['$holder', holder] }, { $lt: [{ $ifNull: ['$expiresAt', new Date(0)] }, '$$NOW'] }] }
      const taken = (await leases.findOneAndUpdate(
        { _id: name },
        [{ $set: { holder: { $cond: [mayTake, holder, '$holder'] }, expiresAt: { $cond: [mayTake, { $add: ['$$NOW', ttlMs] }, '$expiresAt'] } } }],
        { upsert: true, returnDocument: 'after', timeoutMS: renewEveryMs } as never,
      )) as unknown as LeaseDocument | null
      if (taken?.holder !== holder) return false
      // A renewal counts from when it was asked, not answered: the margin covers the round trip.
      validUntil = startedAt + ttlMs - renewEveryMs
      return true
    } catch (error) {
      // Two processes creating the lease at the same instant: one insert loses, and asks again next time.
      if ((error as { code?: number }).code !== 11000) logger.warn({ err: error, lease: name }, 'lease: renewal failed')
      return false
    }
  }

  async function step() {
    if (stopped) return
    const renewed = await renew()
    if (stopped) return
    if (renewed && !holding) {
      holding = true
      logger.info({ lease: name, holder }, 'lease: this process leads')
      onAcquired()
    } else if (!renewed && holding && now() >= validUntil) {
      holding = false
      logger.warn({ lease: name, holder }, 'lease: lost, this process stops leading')
      await onLost()
    }
    timer = setTimeout(() => void step(), renewEveryMs)
  }
  void step()

  return {
    name,
    /** Whether this process may act as the holder right now. */
    held: () => holding && now() < validUntil,
    /** Stops renewing and gives the lease back, so another process takes over at once. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      if (holding) {
        holding = false
        await onLost()
        await leases.deleteOne({ _id: name, holder }).catch(() => undefined)
      }
    },
  }
}

export type Lease = ReturnType<typeof holdLease>
