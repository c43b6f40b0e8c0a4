import type { Server, Socket } from 'socket.io'
import { Conversation } from '../../app/domain/messaging/model.server.js'
import {
  presencePayloads,
  userRoom,
  type ClientToServerEvents,
  type PresenceStatus,
  type ServerToClientEvents,
} from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'
import { socketUserCheck, type SessionCheck, type SocketData } from './auth.js'
import { SocketCommandError, socketCommand } from './handler.js'

/**
 * Presence (online / away / offline) without a process-local map: each socket carries what its
 * tab reported (`socket.data.presence`), and a person's presence is computed from ALL their
 * sockets with `fetchSockets()` on their own room — which the Mongo adapter answers across
 * processes. Changes go to the own rooms of the people who share a conversation with them
 * (and so reach the list and every open conversation), never to anyone else.
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
export async function presenceOfUsers(io: PresenceServer, userIds: readonly string[]): Promise<Record<string, PresenceStatus>> {
  const presence: Record<string, PresenceStatus> = {}
  if (!userIds.length) return presence
  const wanted = new Set(userIds)
  const tabs = new Map<string, Array<TabState | undefined>>()
  for (const socket of await io.in(userIds.map(userRoom)).fetchSockets()) {
    const id = socket.data.user?.id
    if (id && wanted.has(id)) tabs.set(id, [...(tabs.get(id) ?? []), socket.data.presence])
  }
  for (const id of userIds) presence[id] = presenceOf(tabs.get(id) ?? [])
  return presence
}

/** At most this many state changes per socket and minute (a tab reports a few per hour). */
const CHANGES_PER_MINUTE = 30

export function presenceHandlers({ io, logger, session }: { io: PresenceServer; logger: Logger; session?: SessionCheck }) {
  // Each command re-reads the session now and then, like messaging: a signed-out socket is dropped.
  const currentUser = socketUserCheck(session)
  /** Tells everyone who shares a conversation with this person what their presence is now. */
  const announce = async (userId: string) => {
    const [audience, presence] = await Promise.all([coParticipantsOf(userId), presenceOfUsers(io, [userId])])
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
        if (!user) throw new SocketCommandError('unauthenticated', 'Connectez-vous pour voir qui est en ligne.')
        let ids: string[]
        if ('conversationId' in payload) {
          const conversation = await Conversation.findOne({ _id: payload.conversationId, participants: user.id }, { participants: 1 }).lean()
          if (!conversation) throw new SocketCommandError('not_found', 'Conversation introuvable.')
          ids = conversation.participants.map(String).filter((id) => id !== user.id)
        } else {
          const shared = new Set(await coParticipantsOf(user.id))
          ids = [...new Set(payload.userIds)].filter((id) => id !== user.id)
          // All or nothing: asking about a stranger is refused, not partly answered.
          if (ids.some((id) => !shared.has(id))) throw new SocketCommandError('forbidden', 'Vous ne partagez pas de conversation avec cette personne.')
        }
        return { presence: await presenceOfUsers(io, ids), at: Date.now() }
      }, logger),
    )

    if (!me) return
    // Joined by the messaging handlers too; joining again is harmless and keeps this module whole.
    void socket.join(userRoom(me.id))
    socket.data.presence = 'active'
    void announceSafely(me.id)

    socket.on(
      'presence:set',
      socketCommand(presencePayloads.set, async ({ state }) => {
        if (!(await currentUser(socket))) throw new SocketCommandError('unauthenticated', 'Connectez-vous.')
        if (socket.data.presence !== state) {
          const now = Date.now()
          changes = changes.filter((at) => now - at < 60_000)
          if (changes.length >= CHANGES_PER_MINUTE) throw new SocketCommandError('rate_limited', 'Trop de changements, patientez.')
          changes.push(now)
          socket.data.presence = state
          await announce(me.id)
        }
        return { status: (await presenceOfUsers(io, [me.id]))[me.id]! }
      }, logger),
    )

    // The socket has left its rooms by now: what remains are the person's other tabs.
    socket.on('disconnect', () => void announceSafely(me.id))
  }
}
