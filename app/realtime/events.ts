import { z } from 'zod'
import type { MessageView, ReceiptView } from '../domain/messaging/schema'
import type { NotificationView } from '../domain/notifications/schema'
import { conversationRef, editMessageInput, joinInput, markReadInput, messageRef, reportInput, sendMessageInput } from '../domain/messaging/schema'
import { objectIdString } from '~/domain/ids'

/**
 * The Socket.IO contract shared by the browser and the server.
 * Commands are `entity:verb` and answer through their acknowledgement with
 * `{ data }` or `{ error }`; broadcasts are past tense (`message:created`).
 */
/**
 * `unavailable`: the server cannot reach its database right now; nothing was promised — the client
 * keeps the message and sends it again (same client id) once the socket is healthy.
 */
export type AckError = { code: 'invalid_payload' | 'forbidden' | 'not_found' | 'rate_limited' | 'unauthenticated' | 'unavailable' | 'internal'; message: string }
/** Codes after which sending the same thing again later can succeed. */
export const retryableAckCodes: ReadonlySet<AckError['code']> = new Set(['rate_limited', 'unavailable', 'internal'])
export type Ack<T> = { data: T; error?: undefined } | { data?: undefined; error: AckError }
export type AckCallback<T> = (response: Ack<T>) => void

export const systemPingPayload = z.object({ sentAt: z.number().int().nonnegative() }).strict()

/** Payload schemas of the messaging commands (checked by the server on every event). */
export const messagingPayloads = {
  send: sendMessageInput,
  edit: editMessageInput,
  delete: messageRef,
  join: joinInput,
  leave: conversationRef,
  typing: conversationRef,
  read: markReadInput,
  report: reportInput,
}
type Payload<K extends keyof typeof messagingPayloads> = z.infer<(typeof messagingPayloads)[K]>

/**
 * Presence: a person is online while one of their tabs is connected and in use, away when every
 * tab is hidden or idle, offline without a connection. Only people who share a conversation
 * with them may ask, or are told.
 */
export const presenceStatuses = ['online', 'away', 'offline'] as const
export type PresenceStatus = (typeof presenceStatuses)[number]
const idString = objectIdString()
export const presencePayloads = {
  /** What this tab is doing: in use, or hidden / untouched for a while. */
  set: z.object({ state: z.enum(['active', 'idle']) }).strict(),
  /** The presence of the other members of a conversation, or of people named by id. */
  query: z.union([
    z.object({ conversationId: idString }).strict(),
    z.object({ userIds: z.array(idString).min(1).max(200) }).strict(),
  ]),
}
export type PresenceEvent = { userId: string; status: PresenceStatus; /** Server time (ms): a late event never overrides a newer one. */ at: number }
/** To each participant's own room when a message arrives: enough for a short, polite announcement. */
export type InboxMessageEvent = { conversationId: string; author: { id: string; name: string }; preview: string }

export type TypingEvent = { conversationId: string; user: { id: string; name: string } }

export interface ClientToServerEvents {
  'system:ping': (payload: z.infer<typeof systemPingPayload>, ack: AckCallback<{ sentAt: number; serverTime: number }>) => void
  'message:send': (payload: Payload<'send'>, ack: AckCallback<MessageView>) => void
  'message:edit': (payload: Payload<'edit'>, ack: AckCallback<MessageView>) => void
  'message:delete': (payload: Payload<'delete'>, ack: AckCallback<MessageView>) => void
  'message:report': (payload: Payload<'report'>, ack: AckCallback<{ reported: true }>) => void
  'conversation:join': (payload: Payload<'join'>, ack: AckCallback<JoinAnswer>) => void
  'conversation:leave': (payload: Payload<'leave'>, ack: AckCallback<{ conversationId: string }>) => void
  'conversation:read': (payload: Payload<'read'>, ack: AckCallback<ReceiptView>) => void
  'typing:start': (payload: Payload<'typing'>, ack: AckCallback<{ ok: true }>) => void
  'presence:set': (payload: z.infer<typeof presencePayloads.set>, ack: AckCallback<{ status: PresenceStatus }>) => void
  'presence:query': (payload: z.infer<typeof presencePayloads.query>, ack: AckCallback<{ presence: Record<string, PresenceStatus>; at: number }>) => void
}

/**
 * What joining answers: the room is joined first, then the catch-up is read, so every message is
 * either pushed live or in `messages` (both, sometimes: the client keeps one copy per seq).
 */
export type JoinAnswer = { conversationId: string; receipts: ReceiptView[]; messages: MessageView[]; hasMore: boolean; serverTime: number }

export interface ServerToClientEvents {
  'system:shutting-down': () => void
  /** The server may have missed pushing some messages (its change stream restarted): catch up. */
  'sync:required': () => void
  'message:created': (message: MessageView) => void
  'message:edited': (message: MessageView) => void
  'message:deleted': (message: MessageView) => void
  'receipt:updated': (receipt: ReceiptView) => void
  typing: (event: TypingEvent) => void
  /** To each participant's own room: something changed in one of their conversations (unread badge). */
  'inbox:updated': (event: { conversationId: string }) => void
  /** To each participant but the author: a new message (author's name and a short plain-text preview). */
  'inbox:message': (event: InboxMessageEvent) => void
  /** To the people who share a conversation with this person. */
  'presence:changed': (event: PresenceEvent) => void
  /** To the recipient's own room: a notification was stored for them. */
  'notification:created': (notification: NotificationView) => void
}

/** Rooms: one per conversation (joined after a membership check) and one per signed-in user. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`
export const userRoom = (userId: string) => `user:${userId}`
