import mongoose from 'mongoose'
import { domainLog } from '../log'
import { isObjectId } from '../ids'
import { isClientClosed } from '../unavailable'
import { Conversation, Message, onConversationWrite } from './model.server'
import { prepareMessageStore } from './store.server'
import { createActivityToucher, createMessageWriter, type MessageDraft, type MessageWriter } from './writer.server'

/**
 * The delivery machinery of messaging, apart from its rules (service.server.ts): who takes part in
 * which conversation, remembered for the socket hot path, and the process's one batched writer.
 */
const { ObjectId } = mongoose.Types

/**
 * One writer per process (the Remix build and the socket server share it through `globalThis`), so
 * one queue and one memory of each conversation's last seq. See writer.server.ts.
 */
const WRITER = Symbol.for('passerelle.messaging.writer')
const messageWriter = ((globalThis as Record<symbol, MessageWriter | undefined>)[WRITER] ??= createMessageWriter(() => Message.collection, { prepare: prepareMessageStore }))

/** How long a send may wait for storage before its sender hears "unavailable, sent again later". */
export const SEND_DEADLINE_MS = 5_000

/** Stores a numbered message durably (see writer.server.ts); `created: false` when its client id was stored before. */
export const writeMessage = (draft: MessageDraft, options: { deadline: number }) => messageWriter.write(draft, options)

// A lost "last activity" update only affects the order of the conversation list; say so, go on.
// Once the database is closed (shutdown, end of a test) a pending one has nowhere to go: no alarm.
const activity = createActivityToucher(
  () => Conversation.collection,
  (error) => {
    if (!isClientClosed(error)) domainLog().error({ err: error }, 'messaging: lastMessageAt update failed')
  },
)

/** Moves the conversation's "last activity" on, in the background and coalesced. */
export const touchConversationActivity = (conversationId: mongoose.Types.ObjectId, at: Date) => activity.touch(conversationId, at)
/** Resolves once the pending "last activity" updates are written (tests, shutdown). */
export const activitySettled = () => activity.settled()
/** Insert batches since the last call (count, documents, time): for the messaging benchmark. */
export const takeMessageWriterStats = () => messageWriter.takeStats()
/** True while storage fails or is stuck: busy senders then hear "unavailable" rather than "slow down". */
export const storageDegraded = () => messageWriter.degraded()

/**
 * Who takes part in which conversation, remembered briefly for the socket hot path (one database
 * read per conversation per `ttlMs` instead of one per message). The rule, so that it stays correct:
 * - only a positive answer is reused: someone not found in the remembered list is looked up again
 *   at once, so a person just added is accepted on their very first message;
 * - a remembered list is trusted for at most `ttlMs` (1 s by default): a person removed, or a
 *   conversation closed, by another server process is refused within that time;
 * - any write made in this process through the Conversation model (see `onConversationWrite`)
 *   drops what is remembered of that conversation at once, so removals made here take effect on
 *   the next message;
 * - the person's own standing (signed out, suspended) is not cached here: the socket layer
 *   rereads the session and closes a suspended person's sockets.
 * Concurrent lookups of one conversation share one read.
 *
 * Read ahead: a list used when older than `refreshAfterMs` (3/4 of the time to live) is still
 * answered from memory, and read again in the background; the fresh read replaces it once it lands.
 * A busy conversation's sends then never wait for that read (at 2,000 msg/s in 200 rooms, ~190
 * reads a second used to hold up the messages behind them), and nothing is trusted longer than
 * before: an entry's age counts from the start of its read, and the rules above are unchanged.
 */
export type MembershipCache = {
  /** The conversation's participant ids when `userId` is one of them; null otherwise (missing, not a member, bad ids). */
  participantsIfMember: (userId: string, conversationId: string) => Promise<{ _id: mongoose.Types.ObjectId; participantIds: string[] } | null>
  /** The conversation's participant ids, remembered like the rest (who hears about a new message). */
  participants: (conversationId: string) => Promise<string[]>
  forget: (conversationIds: string[] | null) => void
  /** Stops listening to conversation writes. */
  close: () => void
}

export const MEMBERSHIP_TTL_MS = 1_000

export function createMembershipCache({
  ttlMs = MEMBERSHIP_TTL_MS,
  refreshAfterMs = Math.floor((ttlMs * 3) / 4),
  now = Date.now,
  maxEntries = 20_000,
  load = async (conversationId: string) => {
    // The driver directly: a hot read of one field needs none of mongoose's query machinery.
    const found = await Conversation.collection.findOne({ _id: new ObjectId(conversationId) }, { projection: { participants: 1 } })
    return found ? ((found.participants ?? []) as mongoose.Types.ObjectId[]).map(String) : null
  },
}: { ttlMs?: number; refreshAfterMs?: number; now?: () => number; maxEntries?: number; load?: (conversationId: string) => Promise<string[] | null> } = {}): MembershipCache {
  type Entry = { _id: mongoose.Types.ObjectId; participantIds: string[]; members: Set<string>; at: number }
  const entries = new Map<string, Entry>()
  const loading = new Map<string, Promise<Entry | null>>()
  // A write during a read makes that read's answer stale: `generation` tells it not to keep it.
  let generation = 0
  const forget = (conversationIds: string[] | null) => {
    generation++
    if (conversationIds) for (const id of conversationIds) entries.delete(id)
    else entries.clear()
  }
  const stopListening = onConversationWrite(forget)
  const read = (conversationId: string) => {
    let pending = loading.get(conversationId)
    if (!pending) {
      const startedAt = now()
      const startedGeneration = generation
      pending = load(conversationId)
        .then((participantIds) => {
          if (!participantIds) {
            // Gone: a read made in the background must not leave the old list trusted.
            if (startedGeneration === generation) entries.delete(conversationId)
            return null
          }
          const entry = { _id: new ObjectId(conversationId), participantIds, members: new Set(participantIds), at: startedAt }
          if (startedGeneration === generation) {
            entries.delete(conversationId)
            entries.set(conversationId, entry)
            if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
          }
          return entry
        })
        .finally(() => loading.delete(conversationId))
      loading.set(conversationId, pending)
    }
    return pending
  }
  /** The remembered entry while it may be trusted (reading it again in the background once it is getting old), else undefined. */
  const trusted = (conversationId: string) => {
    const known = entries.get(conversationId)
    if (!known) return undefined
    const age = now() - known.at
    if (age >= ttlMs) return undefined
    // A failed background read is not an answer: the next use past the time to live reads again and waits.
    if (age >= refreshAfterMs && !loading.has(conversationId)) read(conversationId).catch(() => {})
    return known
  }
  return {
    async participantsIfMember(userIdInput, conversationIdInput) {
      if (!isObjectId(userIdInput) || !isObjectId(conversationIdInput)) return null
      // Ids as ObjectId prints them: an upper-case spelling must not reach an entry a write did not drop.
      const [userId, conversationId] = [userIdInput.toLowerCase(), conversationIdInput.toLowerCase()]
      const known = trusted(conversationId)
      if (known?.members.has(userId)) return known
      const fresh = await read(conversationId)
      return fresh?.members.has(userId) ? fresh : null
    },
    async participants(conversationIdInput) {
      if (!isObjectId(conversationIdInput)) return []
      const conversationId = conversationIdInput.toLowerCase()
      const known = trusted(conversationId)
      if (known) return known.participantIds
      return (await read(conversationId))?.participantIds ?? []
    },
    forget,
    close: stopListening,
  }
}
