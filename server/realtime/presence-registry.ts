import { randomUUID } from 'node:crypto'
import mongoose, { Schema, type Model } from 'mongoose'
import type { Logger } from '../logger.js'

/**
 * Which sockets are connected, in every server process, kept in MongoDB: one document per socket
 * (its person and what its tab reported), refreshed by its process every `heartbeatMs`. A process
 * that dies stops refreshing; its sockets stop counting after `staleAfterMs`. Asking never waits
 * on the other processes (as Socket.IO's `fetchSockets` across processes does, and fails for
 * seconds after one of them dies). Writes that fail (database unavailable) are made again by the
 * next heartbeat, so presence is right again as soon as the database is back.
 */
type TabState = 'active' | 'idle'
type PresenceSocketDoc = { _id: string; userId: string; node: string; state: TabState; seenAt: Date }

const presenceSocketSchema = new Schema<PresenceSocketDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    node: { type: String, required: true, index: true },
    state: { type: String, enum: ['active', 'idle'], required: true },
    seenAt: { type: Date, required: true },
  },
  { versionKey: false },
)
// Documents of processes that died are swept away eventually; they stop counting much sooner.
presenceSocketSchema.index({ seenAt: 1 }, { expireAfterSeconds: 3_600 })

const PresenceSocket: Model<PresenceSocketDoc> =
  (mongoose.models.PresenceSocket as Model<PresenceSocketDoc>) ?? mongoose.model<PresenceSocketDoc>('PresenceSocket', presenceSocketSchema, 'presence_sockets')

export type PresenceRegistry = ReturnType<typeof createPresenceRegistry>

export function createPresenceRegistry({ logger, heartbeatMs = 5_000, staleAfterMs = 15_000 }: { logger: Logger; heartbeatMs?: number; staleAfterMs?: number }) {
  const node = randomUUID()
  /** This process's sockets, as they should be in the database. */
  const local = new Map<string, { userId: string; state: TabState }>()
  /** Sockets whose last write failed: the heartbeat writes them again. */
  const unsaved = new Set<string>()

  /** One write at a time per socket, in order: a quick connect-disconnect never leaves a ghost. */
  const writes = new Map<string, Promise<void>>()
  const save = (socketId: string): Promise<void> => {
    const previous = writes.get(socketId) ?? Promise.resolve()
    const next = previous.then(() => write(socketId))
    writes.set(socketId, next)
    void next.finally(() => {
      if (writes.get(socketId) === next) writes.delete(socketId)
    })
    return next
  }
  const write = async (socketId: string) => {
    const entry = local.get(socketId)
    try {
      if (entry) await PresenceSocket.updateOne({ _id: socketId }, { $set: { ...entry, node, seenAt: new Date() } }, { upsert: true })
      else await PresenceSocket.deleteOne({ _id: socketId })
      unsaved.delete(socketId)
    } catch (error) {
      unsaved.add(socketId)
      logger.warn({ err: error }, 'presence: write failed, retried at the next heartbeat')
    }
  }

  const timer = setInterval(() => {
    void (async () => {
      for (const socketId of [...unsaved]) await save(socketId)
      if (!local.size) return
      await PresenceSocket.updateMany({ node, _id: { $in: [...local.keys()] } }, { $set: { seenAt: new Date() } }).catch((error: unknown) =>
        logger.warn({ err: error }, 'presence: heartbeat failed'),
      )
    })()
  }, heartbeatMs)
  timer.unref()

  return {
    node,
    connected(socketId: string, userId: string, state: TabState = 'active') {
      local.set(socketId, { userId, state })
      return save(socketId)
    },
    changed(socketId: string, state: TabState) {
      const entry = local.get(socketId)
      if (!entry) return Promise.resolve()
      entry.state = state
      return save(socketId)
    },
    disconnected(socketId: string) {
      local.delete(socketId)
      return save(socketId)
    },
    /** The tabs each person has open right now, across processes (a person without any is absent). */
    async tabsOf(userIds: readonly string[]): Promise<Map<string, TabState[]>> {
      const tabs = new Map<string, TabState[]>()
      if (!userIds.length) return tabs
      const found = await PresenceSocket.find({ userId: { $in: userIds }, seenAt: { $gt: new Date(Date.now() - staleAfterMs) } }, { userId: 1, state: 1 }).lean()
      for (const socket of found) tabs.set(socket.userId, [...(tabs.get(socket.userId) ?? []), socket.state])
      return tabs
    },
    /** This process is stopping: its sockets leave at once. */
    async stop() {
      clearInterval(timer)
      local.clear()
      await PresenceSocket.deleteMany({ node }).catch(() => undefined)
    },
  }
}
