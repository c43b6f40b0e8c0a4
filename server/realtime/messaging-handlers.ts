import type { Server, Socket } from 'socket.io'
import { getSessionUserFromCookie, type SessionUser } from '../../app/domain/auth/session.server.js'
import { DomainError } from '../../app/domain/errors.js'
import type { RateLimiter } from '../../app/domain/messaging/rate-limit.js'
import * as messaging from '../../app/domain/messaging/service.server.js'
import { createI18n } from '../../app/i18n/config.js'
import {
  conversationRoom,
  messagingPayloads,
  userRoom,
  type AckError,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'
import { socketUserCheck, type SocketData } from './auth.js'
import { SocketCommandError, socketCommand } from './handler.js'
import { createRealtimePublisher } from './publisher.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'

type MessagingServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
type MessagingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export type MessagingDeps = {
  io: MessagingServer
  logger: Logger
  limiter: RateLimiter
  service?: typeof messaging
  /** How long a socket trusts the session read at the handshake before reading it again. */
  sessionRecheckMs?: number
  readUser?: (cookie: string | null) => Promise<SessionUser | null>
  /**
   * Back-pressure: sends being handled at once in this process (membership check, storage). One
   * more is refused at once with `rate_limited` ("the server is busy, slow down") rather than
   * queued behind the others: the backlog, hence the delay, stays bounded.
   */
  maxSendsInFlight?: number
  /** Membership answers reused for a short time (see createMembershipCache for the rule). */
  membership?: messaging.MembershipCache
  /** Where stored changes are broadcast: the server's one publisher (its badge coalescing shared with Remix actions). */
  publish?: RealtimePublisher
}

/**
 * At 2,000 msg/s a send takes a few ms (one batched insert), so a few dozen are in progress. 512
 * rides out a disk flush stalling for ~250 ms at that rate without refusing anyone, while under
 * sustained overload an accepted send never queues behind more than ~250 ms of others' work.
 */
export const MAX_SENDS_IN_FLIGHT = 512

const codeOf: Record<DomainError['code'], AckError['code']> = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
  invalid: 'invalid_payload',
  conflict: 'invalid_payload',
}

// Acks speak French (the reference language); the browser shows its own translation by code.
const { t } = createI18n('fr')
const translations = new Map<string, string>()
const translate = (message: string) => {
  if (!message.startsWith('messaging.')) return message
  let text = translations.get(message)
  if (text === undefined) translations.set(message, (text = t(message as never)))
  return text
}

/** Domain refusals become error acks with the matching code; anything else stays an internal error. */
async function asCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DomainError) throw new SocketCommandError(codeOf[error.code], translate(error.message))
    throw error
  }
}

/**
 * The messaging commands of one socket. Every command checks, through the domain service, that
 * the signed-in user takes part in the conversation — on every event, not only on join.
 */
export function messagingHandlers({
  io,
  logger,
  limiter,
  service = messaging,
  sessionRecheckMs = 30_000,
  readUser = getSessionUserFromCookie,
  maxSendsInFlight = MAX_SENDS_IN_FLIGHT,
  membership = messaging.createMembershipCache(),
  publish = createRealtimePublisher(io),
}: MessagingDeps) {
  const currentUser = socketUserCheck({ recheckMs: sessionRecheckMs, readUser })
  let sendsInFlight = 0
  // Made once: under overload every refused send throws it, and a fresh error would pay for a stack trace.
  const busy = new SocketCommandError('rate_limited', translate('messaging.errors.serverBusy'))
  return (socket: MessagingSocket) => {
    /** The signed-in person behind this socket, the session read again now and then (socketUserCheck). */
    const actor = async () => {
      const user = await currentUser(socket)
      if (!user) throw new SocketCommandError('unauthenticated', t('messaging.errors.unauthenticated'))
      return { id: user.id, name: user.name }
    }
    if (socket.data.user) void socket.join(userRoom(socket.data.user.id))

    socket.on(
      'message:send',
      socketCommand(messagingPayloads.send, async ({ conversationId, clientId, body }) => {
        if (sendsInFlight >= maxSendsInFlight) throw busy
        sendsInFlight++
        try {
          const me = await actor()
          const { message, created, participantIds } = await asCommand(() => service.sendMessage(me, conversationId, { clientId, body }, { limiter, membership }))
          // Stored first; only a new message is broadcast (a retry must not show it twice). The
          // room gets every message at once; the participants' badges, coalesced (see the publisher).
          if (created) publish({ type: 'message:created', message, participantIds, exceptSocketId: socket.id })
          return message
        } finally {
          sendsInFlight--
        }
      }, logger),
    )

    socket.on(
      'message:edit',
      socketCommand(messagingPayloads.edit, async ({ messageId, body }) => {
        const me = await actor()
        const message = await asCommand(() => service.editMessage(me, messageId, body))
        publish({ type: 'message:edited', message, participantIds: [], exceptSocketId: socket.id })
        return message
      }, logger),
    )

    socket.on(
      'message:delete',
      socketCommand(messagingPayloads.delete, async ({ messageId }) => {
        const me = await actor()
        const message = await asCommand(() => service.deleteMessage(me, messageId))
        publish({ type: 'message:deleted', message, participantIds: await service.participantIds(message.conversationId), exceptSocketId: socket.id })
        return message
      }, logger),
    )

    socket.on(
      'message:report',
      socketCommand(messagingPayloads.report, async ({ messageId, reason }) => {
        const me = await actor()
        return asCommand(() => service.reportMessage(me, messageId, reason))
      }, logger),
    )

    socket.on(
      'conversation:join',
      socketCommand(messagingPayloads.join, async ({ conversationId }) => {
        const me = await actor()
        const serverTime = Date.now()
        const receipts = await asCommand(() => service.receipts(me, conversationId))
        await socket.join(conversationRoom(conversationId))
        return { conversationId, receipts, serverTime }
      }, logger),
    )

    socket.on(
      'conversation:leave',
      socketCommand(messagingPayloads.leave, async ({ conversationId }) => {
        await socket.leave(conversationRoom(conversationId))
        return { conversationId }
      }, logger),
    )

    socket.on(
      'conversation:read',
      socketCommand(messagingPayloads.read, async ({ conversationId, messageId }) => {
        const me = await actor()
        const receipt = await asCommand(() => service.markRead(me, conversationId, messageId))
        publish({ type: 'receipt:updated', receipt })
        return receipt
      }, logger),
    )

    socket.on(
      'conversation:resync',
      socketCommand(messagingPayloads.resync, async ({ conversationId, afterId, changedSince }) => {
        const me = await actor()
        const serverTime = Date.now()
        const since = changedSince === undefined ? null : new Date(changedSince)
        const messages = await asCommand(() => service.messagesAfter(me, conversationId, afterId, 200, since))
        return { messages, serverTime }
      }, logger),
    )

    socket.on(
      'typing:start',
      socketCommand(messagingPayloads.typing, async ({ conversationId }) => {
        const me = await actor()
        if (!(await membership.participantsIfMember(me.id, conversationId))) throw new SocketCommandError('not_found', t('messaging.errors.notFound'))
        socket.to(conversationRoom(conversationId)).emit('typing', { conversationId, user: me })
        return { ok: true as const }
      }, logger),
    )
  }
}
