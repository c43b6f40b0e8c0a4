import type { Socket } from 'socket.io'
import { actorOf } from '../../app/domain/actor.js'
import { notFound, rateLimited, unauthenticated } from '../../app/domain/errors.js'
import { unavailable } from '../../app/domain/unavailable.js'
import type { SessionUser } from '../../app/domain/auth/session.server.js'
import { getSessionUserFromCookie } from '../../app/http/session.server.js'
import type { RateLimiter } from '../../app/domain/messaging/rate-limit.js'
import * as messaging from '../../app/domain/messaging/service.server.js'
import { SEND_DEADLINE_MS, storageDegraded, type MembershipCache } from '../../app/domain/messaging/delivery.server.js'
import { conversationRoom, userRoom, messagingPayloads, type ClientToServerEvents, type ServerToClientEvents } from '../../app/realtime/events.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'
import type { Logger } from '../logger.js'
import { socketUserCheck, type SocketData } from './auth.js'
import { socketCommand } from './handler.js'
import type { MessageFeed } from './message-feed.js'

type MessagingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export type MessagingDeps = {
  logger: Logger
  limiter: RateLimiter
  /** Where receipts are broadcast: the server's one publisher. */
  publish: RealtimePublisher
  /** Told which socket sent which message, so the feed does not push it back to it. */
  feed: Pick<MessageFeed, 'sentFrom'>
  /** Membership answers reused for a short time (see createMembershipCache for the rule). */
  membership: MembershipCache
  service?: typeof messaging
  /** How long a socket trusts the session read at the handshake before reading it again. */
  sessionRecheckMs?: number
  readUser?: (cookie: string | null) => Promise<SessionUser | null>
  /**
   * Back-pressure: sends being handled at once in this process (membership check, storage). One
   * more is refused at once — "slow down" while storage keeps up, "unavailable" while it does not —
   * rather than queued behind the others: the backlog, hence the delay, stays bounded.
   */
  maxSendsInFlight?: number
  /** How long a send may take before its sender hears "unavailable" (it sends again later). */
  sendDeadlineMs?: number
}

/**
 * At 2,000 msg/s a send takes a few ms (one batched insert), so a few dozen are in progress. 512
 * rides out a disk flush stalling for ~250 ms at that rate without refusing anyone, while under
 * sustained overload an accepted send never queues behind more than ~250 ms of others' work.
 */
export const MAX_SENDS_IN_FLIGHT = 512

/** The work, or `unavailable` once `ms` have passed (the work itself may still finish: a send is idempotent). */
function withDeadline<T>(socket: MessagingSocket, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable()), ms)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

/**
 * The messaging commands of one socket. Every command checks, through the domain service, that
 * the signed-in user takes part in the conversation — on every event, not only on join. Stored
 * messages reach the rooms through the message feed, never from here.
 */
export function messagingHandlers({
  logger,
  limiter,
  publish,
  feed,
  membership,
  service = messaging,
  sessionRecheckMs = 30_000,
  readUser = getSessionUserFromCookie,
  maxSendsInFlight = MAX_SENDS_IN_FLIGHT,
  sendDeadlineMs = SEND_DEADLINE_MS,
}: MessagingDeps) {
  const currentUser = socketUserCheck({ recheckMs: sessionRecheckMs, readUser })
  let sendsInFlight = 0
  // Made once: under overload every refused send throws one, and a fresh error would pay for a stack trace.
  const busy = rateLimited('messaging.errors.serverBusy')
  const down = unavailable()
  return (socket: MessagingSocket) => {
    const language = socket.data.language ?? 'fr'
    /** The signed-in person behind this socket, the session read again now and then (socketUserCheck). */
    const actor = async () => {
      const user = await currentUser(socket)
      if (!user) throw unauthenticated('messaging.errors.unauthenticated')
      return actorOf(user)
    }
    if (socket.data.user) void socket.join(userRoom(socket.data.user.id))

    socket.on(
      'message:send',
      socketCommand(messagingPayloads.send, async ({ conversationId, clientId, body }) => {
        if (sendsInFlight >= maxSendsInFlight) throw storageDegraded() ? down : busy
        sendsInFlight++
        const deadline = Date.now() + sendDeadlineMs
        try {
          return await withDeadline(
            socket,
            sendDeadlineMs,
            (async () => {
              const me = await actor()
              feed.sentFrom(socket.id, me, clientId)
              return (await service.sendMessage(me, conversationId, { clientId, body }, { limiter, membership, deadline })).message
            })(),
          )
        } finally {
          sendsInFlight--
        }
      }, logger, language),
    )

    socket.on(
      'message:edit',
      socketCommand(messagingPayloads.edit, async ({ messageId, body }) => {
        const me = await actor()
        return service.editMessage(me, messageId, body)
      }, logger, language),
    )

    socket.on(
      'message:delete',
      socketCommand(messagingPayloads.delete, async ({ messageId }) => {
        const me = await actor()
        return service.deleteMessage(me, messageId)
      }, logger, language),
    )

    socket.on(
      'message:report',
      socketCommand(messagingPayloads.report, async ({ messageId, reason }) => {
        const me = await actor()
        return service.reportMessage(me, messageId, reason)
      }, logger, language),
    )

    socket.on(
      'conversation:join',
      socketCommand(messagingPayloads.join, async ({ conversationId, afterSeq, changedSince }) => {
        const me = await actor()
        await service.requireParticipant(me, conversationId)
        // Room first, then the read: a message stored meanwhile is pushed live, or read, or both
        // (the client keeps one copy per seq) — never neither.
        await socket.join(conversationRoom(conversationId))
        const serverTime = Date.now()
        const [receipts, missed] = await Promise.all([
          service.receipts(me, conversationId),
          afterSeq === undefined
            ? { messages: [], hasMore: false }
            : service.catchUp(me, conversationId, { afterSeq, changedSince: changedSince === undefined ? null : new Date(changedSince) }),
        ])
        return { conversationId, receipts, messages: missed.messages, hasMore: missed.hasMore, serverTime }
      }, logger, language),
    )

    socket.on(
      'conversation:leave',
      socketCommand(messagingPayloads.leave, async ({ conversationId }) => {
        await socket.leave(conversationRoom(conversationId))
        return { conversationId }
      }, logger, language),
    )

    socket.on(
      'conversation:read',
      socketCommand(messagingPayloads.read, async ({ conversationId, seq }) => {
        const me = await actor()
        const receipt = await service.markRead(me, conversationId, seq)
        publish({ type: 'receipt:updated', receipt })
        return receipt
      }, logger, language),
    )

    socket.on(
      'typing:start',
      socketCommand(messagingPayloads.typing, async ({ conversationId }) => {
        const me = await actor()
        const member = await membership.participantsIfMember(me.id, conversationId)
        if (!member) throw notFound('messaging.errors.notFound')
        socket.to(conversationRoom(conversationId)).emit('typing', { conversationId, user: { id: me.id, name: me.name } })
        return { ok: true as const }
      }, logger, language),
    )
  }
}
