import type { ChangeStreamDocument } from 'mongodb'
import type { Connection } from 'mongoose'
import type { Server } from 'socket.io'
import { Message, onMessageStored } from '../../app/domain/messaging/model.server.js'
import { PROCESS_ID } from '../../app/domain/process.js'
import { toView, type MessageDoc } from '../../app/domain/messaging/service.server.js'
import type { MembershipCache } from '../../app/domain/messaging/delivery.server.js'
import type { MessageView } from '../../app/domain/messaging/schema.js'
import { User } from '../../app/domain/users/model.server.js'
import { conversationRoom, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'
import type { SocketData } from './auth.js'
import { followChanges } from './change-stream.js'
import { coalescedInbox } from './publisher.js'

type FeedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/**
 * Pushes stored messages to the sockets of THIS process — only what storage confirmed, never what
 * a request merely asked for:
 * - the messages this process stored, at once, when a majority has them (`onMessageStored`);
 * - everything else from a change stream on the messages collection: messages other processes
 *   stored (mongod leaves out this process's own, `storedBy`), and every edit and deletion.
 * So a message stored by a process that dies before telling anyone is still pushed by the others,
 * a retried send answered from storage is not pushed again, and socket commands, Remix forms (no
 * JavaScript), attachments and moderation share one way out. Every process emits locally
 * (`io.local`): nothing crosses the Socket.IO adapter. New messages go to the conversation room
 * (not back to the socket that sent it: its ack carries the message) and, coalesced, to the
 * participants' own rooms (badges); edits and deletions go to the room and refresh the badges.
 *
 * The change stream shows only majority-committed writes. On an error it is opened again from its
 * last resume token, so nothing is skipped; when the token cannot be resumed, clients are told
 * `sync:required` and catch up by seq.
 */
export type MessageFeed = {
  /** The send of `clientId` by `authorId` comes from this socket: its own copy is the ack. */
  sentFrom: (socketId: string, author: { id: string; name: string }, clientId: string) => void
  stop: () => Promise<void>
}

const SENDER_MEMORY_MS = 60_000
const NAME_MEMORY_MS = 60_000

export function startMessageFeed({
  connection,
  io,
  membership,
  logger,
  inboxWindowMs,
}: {
  /** A connection to the app's database without operation time limit (server/db.ts): the stream waits. */
  connection: Connection
  io: FeedServer
  membership: MembershipCache
  logger: Logger
  inboxWindowMs?: number
}): MessageFeed {
  const collection = connection.collection(Message.collection.collectionName)
  const local = io.local
  const inbox = coalescedInbox(local, inboxWindowMs)
  /** `${authorId}:${clientId}` → the sending socket, until its message has gone out. */
  const senders = new Map<string, { socketId: string; at: number }>()
  const names = new Map<string, { name: string; at: number }>()
  let queue: ChangeStreamDocument[] = []
  let draining: Promise<void> | undefined

  const sweep = setInterval(() => {
    const old = Date.now() - SENDER_MEMORY_MS
    for (const [key, sender] of senders) if (sender.at < old) senders.delete(key)
    for (const [id, known] of names) if (known.at < Date.now() - NAME_MEMORY_MS) names.delete(id)
  }, SENDER_MEMORY_MS)
  sweep.unref()

  async function authorNames(documents: MessageDoc[]) {
    const missing = [...new Set(documents.map((document) => String(document.authorId)))].filter((id) => !names.has(id))
    if (!missing.length) return
    const found = await User.find({ _id: { $in: missing } }, { name: 1 }).lean()
    for (const user of found) names.set(String(user._id), { name: user.name, at: Date.now() })
  }

  function created(message: MessageView, participantIds: string[]) {
    const room = local.to(conversationRoom(message.conversationId))
    const key = `${message.author.id}:${message.clientId}`
    const sender = senders.get(key)
    senders.delete(key)
    ;(sender ? room.except(sender.socketId) : room).emit('message:created', message)
    inbox.created(message, participantIds)
  }

  /** Stored by this process: pushed now, participants permitting (remembered: no database read in the common case). */
  const stopHearing = onMessageStored((message) => {
    void participantsOf(message).then((participantIds) => created(message, participantIds))
  })

  async function publish(changes: ChangeStreamDocument[]) {
    const documents = changes.flatMap((change) => ('fullDocument' in change && change.fullDocument ? [change.fullDocument as unknown as MessageDoc] : []))
    await authorNames(documents).catch((error: unknown) => logger.warn({ err: error }, 'message feed: author names unavailable'))
    for (const change of changes) {
      if (!('fullDocument' in change) || !change.fullDocument) continue
      const document = change.fullDocument as unknown as MessageDoc
      const message = toView(document, names.get(String(document.authorId))?.name ?? '')
      if (change.operationType === 'insert') {
        created(message, await participantsOf(message))
      } else {
        local.to(conversationRoom(message.conversationId)).emit(message.deleted ? 'message:deleted' : 'message:edited', message)
        inbox.changed(message, await participantsOf(message))
      }
    }
  }

  async function participantsOf(message: MessageView) {
    return membership.participants(message.conversationId).catch((error: unknown) => {
      logger.warn({ err: error }, 'message feed: participants unavailable, badges wait for the next message')
      return [] as string[]
    })
  }

  function enqueue(change: ChangeStreamDocument) {
    queue.push(change)
    draining ??= (async () => {
      while (queue.length) {
        const batch = queue
        queue = []
        await publish(batch).catch((error: unknown) => logger.error({ err: error }, 'message feed: publishing failed'))
      }
    })().finally(() => (draining = undefined))
  }

  // This process's own inserts stay on the server: they were pushed when stored.
  const others = { $or: [{ operationType: 'insert', 'fullDocument.storedBy': { $ne: PROCESS_ID } }, { operationType: { $in: ['update', 'replace'] } }] }
  const stream = followChanges({
    name: 'messages',
    collection,
    pipeline: [{ $match: others }],
    options: { fullDocument: 'updateLookup' },
    onChange: enqueue,
    // Clients may have missed what was stored meanwhile: they catch up by seq.
    onResumeLost: () => local.emit('sync:required'),
    logger,
  })

  return {
    sentFrom(socketId, author, clientId) {
      const at = Date.now()
      senders.set(`${author.id}:${clientId}`, { socketId, at })
      const known = names.get(author.id)
      if (known?.name === author.name) known.at = at
      else names.set(author.id, { name: author.name, at })
    },
    async stop() {
      stopHearing()
      clearInterval(sweep)
      await stream.stop()
      await draining
    },
  }
}
