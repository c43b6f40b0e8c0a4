import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../ids'
import '~/i18n/areas/messaging'

/** Shared by the Remix actions and the socket handlers: one rule for both doors. */
export const MAX_MESSAGE_LENGTH = 10_000
export const HISTORY_PAGE_SIZE = 50
/** At most this many messages per catch-up answer; the client asks again while `hasMore`. */
export const CATCH_UP_LIMIT = 200
export const MAX_REPORT_REASON_LENGTH = 1_000

export const objectId = z.string().regex(OBJECT_ID_PATTERN, 'messaging.errors.invalidId')
/** A message's place in its conversation (1, 2, 3…); 0 means "before the first". */
export const seq = z.number({ invalid_type_error: 'messaging.errors.invalidId' }).int().nonnegative().max(Number.MAX_SAFE_INTEGER)
/** Chosen by the client (a UUID in practice); the same id sent twice is one message. */
export const clientId = z.string().regex(/^[\w-]{8,64}$/, 'messaging.errors.invalidClientId')
export const messageBody = z
  .string({ required_error: 'messaging.errors.bodyRequired' })
  .trim()
  .min(1, 'messaging.errors.bodyRequired')
  .max(MAX_MESSAGE_LENGTH, 'messaging.errors.bodyTooLong')
export const reportReason = z
  .string({ required_error: 'messaging.errors.reasonRequired' })
  .trim()
  .min(3, 'messaging.errors.reasonRequired')
  .max(MAX_REPORT_REASON_LENGTH, 'messaging.errors.reasonTooLong')

export const sendMessageInput = z.object({ conversationId: objectId, clientId, body: messageBody }).strict()
export const editMessageInput = z.object({ messageId: objectId, body: messageBody }).strict()
export const messageRef = z.object({ messageId: objectId }).strict()
export const conversationRef = z.object({ conversationId: objectId }).strict()
export const markReadInput = z.object({ conversationId: objectId, seq: seq.min(1) }).strict()
/**
 * Joining a conversation's live room, and catching up in the same step: the messages after
 * `afterSeq` (omitted: none, the page already shows the latest) and the ones edited or deleted
 * since `changedSince` (a server time from an earlier answer).
 */
export const joinInput = z
  // changedSince: a time in ms that a Date can hold.
  .object({ conversationId: objectId, afterSeq: seq.optional(), changedSince: z.number().int().nonnegative().max(8.64e15).optional() })
  .strict()
export const reportInput = z.object({ messageId: objectId, reason: reportReason }).strict()

/** `?avant=<seq>` on the conversation page: the page of messages before that one. */
export const olderPage = z.coerce.number().int().min(2).max(Number.MAX_SAFE_INTEGER).optional()

/** The conversation page forms (no JS): one field `intent` picks what the post does. */
export const sendFormSchema = z.object({ intent: z.literal('send'), clientId, body: messageBody })
export const editFormSchema = z.object({ intent: z.literal('edit'), messageId: objectId, body: messageBody })
export const deleteFormSchema = z.object({ intent: z.literal('delete'), messageId: objectId })
export const reportFormSchema = z.object({ intent: z.literal('report'), messageId: objectId, reason: reportReason })
export const conversationFormSchema = z.discriminatedUnion('intent', [sendFormSchema, editFormSchema, deleteFormSchema, reportFormSchema])

export type AttachmentView = { id: string; name: string; type: string; size: number }

export type MessageView = {
  id: string
  conversationId: string
  /** Its place in the conversation: 1, 2, 3… with no gap. */
  seq: number
  clientId: string
  author: { id: string; name: string }
  /** Markdown source (empty once deleted). */
  body: string
  /** Server-rendered, sanitised HTML of `body`. */
  html: string
  createdAt: string
  editedAt: string | null
  deleted: boolean
  /** Deleted by moderation, not by its author: shown as « masqué par la modération ». */
  hiddenByModeration?: boolean
  /** Downloaded from /messages/<conversationId>/fichiers/<id>, by members only. */
  attachments: AttachmentView[]
}

export type ReceiptView = { conversationId: string; userId: string; lastReadSeq: number }
