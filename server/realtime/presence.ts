import type { Server, Socket } from 'socket.io'
import { forbidden, notFound, rateLimited, unauthenticated } from '../../app/domain/errors.js'
import { Conversation } from '../../app/domain/messaging/model.server.js'
import { maySeePresenceOf } from '../../app/domain/permissions.js'
import {
  presencePayloads,
  userRoom,
  type ClientToServerEvents,
  type PresenceStatus,
  type ServerToClientEvents,
} from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'
import { socketUserCheck, type SessionCheck, type SocketData } from './auth.js'
import { socketCommand } from './handler.js'
import type { PresenceRegistry } from './presence-registry.js'

/**
 * Presence (online / away / offline): each socket's tab state is kept in the presence registry
 * (MongoDB, shared by every process, presence-registry.ts), and a person's presence is computed
 * from all their sockets. Changes go to the own rooms of the people who share a conversation with
 * them (and so reach the list and every open conversation), never to anyone else.
 */
type PresenceData = SocketData & { presence?: TabState }
type TabState = 'active' | 'idle'
type PresenceServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, PresenceData>
type PresenceSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, PresenceData>

/** Online if one tab is in use, away if every tab is hidden or idle, offline without a tab. */
export function presenceOf(tabs: ReadonlyArray<TabState | undefined>): PresenceStatus {
  if (!tabs.length) return 'offline'
  return tabs.some((tab) => tab !== 'idle') ? 'online' : 'away'
}

/** People who share at least one conversation with this person (the only ones who may know). */
async function coParticipantsOf(userId: string): Promise<string[]> {
  const ids: unknown[] = await Conversation.distinct('participants', { participants: userId })
  return ids.map(String).filter((id) => id !== userId)
}

/** The presence of each person, from their sockets on every process. */
export async function presenceOfUsers(registry: PresenceRegistry, userIds: readonly string[]): Promise<Record<string, PresenceStatus>> {
  const tabs = await registry.tabsOf(userIds)
  return Object.fromEntries(userIds.map((id) => [id, presenceOf(tabs.get(id) ?? [])]))
}

/** At most this many state changes per socket and minute (a tab reports a few per hour). */
const CHANGES_PER_MINUTE = 30

export function presenceHandlers({ io, registry, logger, session }: { io: PresenceServer; registry: PresenceRegistry; logger: Logger; session?: SessionCheck }) {
  // Each command re-reads the session now and then, like messaging: a signed-out socket is dropped.
  const currentUser = socketUserCheck(session)
  /** Tells everyone who shares a conversation with this person what their presence is now. */
  const announce = async (userId: string) => {
    const [audience, presence] = await Promise.all([coParticipantsOf(userId), presenceOfUsers(registry, [userId])])
    if (audience.length) io.to(audience.map(userRoom)).emit('presence:changed', { userId, status: presence[userId]!, at: Date.now() })
  }
  const announceSafely = (userId: string) => announce(userId).catch((error: unknown) => logger.warn({ err: error, userId }, 'presence announcement failed'))

  return (socket: PresenceSocket) => {
    const me = socket.data.user
    let changes: number[] = []

    socket.on(
      'presence:query',
      socketCommand(presencePayloads.query, async (payload) => {
        const user = await currentUser(socket)
        if (!user) throw unauthenticated('messaging.presence.signIn')
        let ids: string[]
        if ('conversationId' in payload) {
          const conversation = await Conversation.findOne({ _id: payload.conversationId, participants: user.id }, { participants: 1 }).lean()
          if (!conversation) throw notFound('messaging.errors.notFound')
          ids = conversation.participants.map(String).filter((id) => id !== user.id)
        } else {
          ids = [...new Set(payload.userIds)].filter((id) => id !== user.id)
          // All or nothing: asking about a stranger is refused, not partly answered.
          if (!maySeePresenceOf(new Set(await coParticipantsOf(user.id)), ids)) throw forbidden('messaging.presence.notShared')
        }
        return { presence: await presenceOfUsers(registry, ids), at: Date.now() }
      }, logger, socket.data.language),
    )

    socket.on(
      'presence:set',
      socketCommand(presencePayloads.set, async ({ state }) => {
        const user = await currentUser(socket)
        if (!user) throw unauthenticated('messaging.presence.signIn')
        if (socket.data.presence !== state) {
          const now = Date.now()
          changes = changes.filter((at) => now - at < 60_000)
          if (changes.length >= CHANGES_PER_MINUTE) throw rateLimited('messaging.presence.tooManyChanges')
          changes.push(now)
          socket.data.presence = state
          await registry.changed(socket.id, state)
          await announce(user.id)
        }
        return { status: (await presenceOfUsers(registry, [user.id]))[user.id]! }
      }, logger, socket.data.language),
    )

    if (!me) return
    // Joined by the messaging handlers too; joining again is harmless and keeps this module whole.
    void socket.join(userRoom(me.id))
    socket.data.presence = 'active'
    void registry.connected(socket.id, me.id, 'active').then(() => announceSafely(me.id))

    // What remains are the person's other tabs.
    socket.on('disconnect', () => void registry.disconnected(socket.id).then(() => announceSafely(me.id)))
  }
}
