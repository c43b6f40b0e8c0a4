import type { Actor } from '../actor'
import type { Readable } from 'node:stream'
import mongoose from 'mongoose'
import { invalid, notFound } from '../errors'
import { Message } from './model.server'
import type { RateLimiter } from './rate-limit'
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './attachment-types'
import { contentMatches, lengthMatches, SNIFF_BYTES } from './file-content'
import { clientId as clientIdSchema, type MessageView } from './schema'
import { requireParticipant, storeMessage, toView } from './service.server'
import { isObjectId } from '../ids'

/**
 * Files sent in a conversation, stored in MongoDB GridFS (bucket `attachments`) with the
 * conversation they belong to. Only members download them, and only while their message exists.
 */
const bucket = () => new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'attachments' })
const { ObjectId } = mongoose.Types

const refuse = (key: 'messaging.errors.fileEmpty' | 'messaging.errors.fileTooBig' | 'messaging.errors.fileType') => invalid(key, { file: [key] })

export type AttachmentCheck = { name: string; type: string; size?: number; head?: Uint8Array }

/**
 * The file's checked type, or the refusal to show: an accepted extension; a declared type that
 * does not name another accepted type; within the size cap; and, given its first bytes, a content
 * that looks like what the name says (a .pdf that is really a program is refused).
 */
export function checkAttachment(file: AttachmentCheck): { extension: string; type: string } {
  const extension = file.name.toLowerCase().split('.').pop() ?? ''
  const type = ATTACHMENT_TYPES[extension]
  if (file.size === 0) throw refuse('messaging.errors.fileEmpty')
  if (file.size !== undefined && file.size > ATTACHMENT_MAX_BYTES) throw refuse('messaging.errors.fileTooBig')
  // Browsers send empty, generic or vendor types for CAD files: only a contradicting known type refuses.
  const declared = file.type.split(';')[0]!.trim().toLowerCase()
  const contradicts = Boolean(declared) && declared !== type && acceptedTypes.has(declared)
  if (!type || contradicts) throw refuse('messaging.errors.fileType')
  if (file.head && !contentMatches(extension, file.head)) throw refuse('messaging.errors.fileType')
  return { extension, type }
}

const acceptedTypes = new Set(Object.values(ATTACHMENT_TYPES))

/** Bytes as they arrive: a request part, a mail attachment (one chunk), a test's array. */
export type FileContent = Iterable<Uint8Array> | AsyncIterable<Uint8Array>

/**
 * Streams a file into GridFS, checking it on the way: its first bytes before anything is kept,
 * its size as it grows (stopped at the cap, never read whole into memory), its length at the end.
 * A refused file leaves nothing behind.
 */
async function storeFile(fileId: mongoose.Types.ObjectId, file: { name: string; type: string }, content: FileContent, metadata: Record<string, unknown>) {
  const upload = bucket().openUploadStreamWithId(fileId, file.name, { metadata })
  const failed = new Promise<never>((_, reject) => upload.once('error', reject))
  failed.catch(() => {})
  const write = async (chunk: Uint8Array) => {
    if (!upload.write(chunk)) await Promise.race([new Promise((resolve) => upload.once('drain', resolve)), failed])
  }
  let head = new Uint8Array(0)
  let size = 0
  let checked: { extension: string } | null = null
  try {
    for await (const chunk of content) {
      size += chunk.byteLength
      if (size > ATTACHMENT_MAX_BYTES) throw refuse('messaging.errors.fileTooBig')
      if (!checked) {
        head = concat(head, chunk)
        if (head.byteLength < SNIFF_BYTES) continue
        checked = checkAttachment({ ...file, head: head.subarray(0, SNIFF_BYTES) })
        await write(head)
      } else {
        await write(chunk)
      }
    }
    if (!checked) {
      checked = checkAttachment({ ...file, size, head })
      await write(head)
    }
    if (!lengthMatches(checked.extension, head, size)) throw refuse('messaging.errors.fileType')
    await Promise.race([new Promise<void>((resolve) => upload.end(() => resolve())), failed])
    return size
  } catch (error) {
    await upload.abort().catch(() => {})
    throw error
  }
}

function concat(a: Uint8Array, b: Uint8Array) {
  const joined = new Uint8Array(a.byteLength + b.byteLength)
  joined.set(a)
  joined.set(b, a.byteLength)
  return joined
}

/** Stores the file, then the message that carries it (idempotent by client id, like any send). */
export async function sendAttachment(
  actor: Actor,
  conversationId: string,
  input: { clientId: string; file: { name: string; type: string; content: FileContent } },
  deps: { limiter: RateLimiter },
): Promise<{ message: MessageView; created: boolean }> {
  const conversation = await requireParticipant(actor, conversationId)
  if (!clientIdSchema.safeParse(input.clientId).success) throw invalid('messaging.errors.invalidClientId')
  const key = { conversationId: conversation._id, authorId: new ObjectId(actor.id), clientId: input.clientId }
  const existing = await Message.findOne(key).lean()
  if (existing) return { message: toView(existing, actor.name), created: false }
  const name = input.file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200)
  const { type } = checkAttachment({ name, type: input.file.type })

  const fileId = new ObjectId()
  const size = await storeFile(fileId, { name, type: input.file.type }, input.file.content, { conversationId: key.conversationId, uploaderId: key.authorId, contentType: type })
  try {
    const sent = await storeMessage(actor, conversation._id, input.clientId, { body: '', html: '', attachments: [{ fileId, name, type, size }] }, deps)
    // A retry that won the race: its own file is the one the message names.
    if (!sent.created) await bucket().delete(fileId).catch(() => {})
    return sent
  } catch (error) {
    await bucket().delete(fileId).catch(() => {})
    throw error
  }
}

/** A file for download: members only, from a message that still exists; anyone else gets a 404. */
export async function openAttachment(actor: Actor, conversationId: string, fileId: string): Promise<{ name: string; type: string; size: number; stream: Readable }> {
  await requireParticipant(actor, conversationId)
  if (!isObjectId(fileId)) throw notFound('messaging.errors.fileNotFound')
  const message = await Message.findOne({ conversationId, deletedAt: null, 'attachments.fileId': new ObjectId(fileId) }, { attachments: 1 }).lean()
  const file = message?.attachments?.find((attachment) => String(attachment.fileId) === fileId)
  if (!file) throw notFound('messaging.errors.fileNotFound')
  return { name: file.name, type: file.type, size: file.size, stream: bucket().openDownloadStream(file.fileId) }
}
