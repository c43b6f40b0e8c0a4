import type { Actor } from '../actor'
import type { Readable } from 'node:stream'
import mongoose from 'mongoose'
import { invalid, notFound } from '../errors'
import { Message } from './model.server'
import type { RateLimiter } from './rate-limit'
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './attachment-types'
import { clientId as clientIdSchema, type MessageView } from './schema'
import { requireParticipant, storeMessage, toView } from './service.server'
import { isObjectId } from '../ids'

/**
 * Files sent in a conversation, stored in MongoDB GridFS (bucket `attachments`) with the
 * conversation they belong to. Only members download them, and only while their message exists.
 */
const bucket = () => new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'attachments' })
const { ObjectId } = mongoose.Types

/** The file's checked type (from its extension), or the refusal to show. */
export function checkAttachment(file: { name: string; type: string; size: number }): { type: string } {
  const extension = file.name.toLowerCase().split('.').pop() ?? ''
  const type = ATTACHMENT_TYPES[extension]
  if (!file.size) throw invalid('messaging.errors.fileEmpty', { file: ['messaging.errors.fileEmpty'] })
  if (file.size > ATTACHMENT_MAX_BYTES) throw invalid('messaging.errors.fileTooBig', { file: ['messaging.errors.fileTooBig'] })
  // Browsers send an empty or generic type for some files: the extension decides, a contradicting type refuses.
  const declared = file.type.split(';')[0]!.trim().toLowerCase()
  if (!type || (declared && declared !== 'application/octet-stream' && declared !== type)) {
    throw invalid('messaging.errors.fileType', { file: ['messaging.errors.fileType'] })
  }
  return { type }
}

/** Stores the file, then the message that carries it (idempotent by client id, like any send). */
export async function sendAttachment(
  actor: Actor,
  conversationId: string,
  input: { clientId: string; file: { name: string; type: string; data: Uint8Array } },
  deps: { limiter: RateLimiter },
): Promise<{ message: MessageView; created: boolean }> {
  const conversation = await requireParticipant(actor, conversationId)
  if (!clientIdSchema.safeParse(input.clientId).success) throw invalid('messaging.errors.invalidClientId')
  const key = { conversationId: conversation._id, authorId: new ObjectId(actor.id), clientId: input.clientId }
  const existing = await Message.findOne(key).lean()
  if (existing) return { message: toView(existing, actor.name), created: false }
  const name = input.file.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200)
  const { type } = checkAttachment({ name, type: input.file.type, size: input.file.data.byteLength })

  const fileId = new ObjectId()
  await new Promise<void>((resolve, reject) => {
    const upload = bucket().openUploadStreamWithId(fileId, name, { metadata: { conversationId: key.conversationId, uploaderId: key.authorId, contentType: type } })
    upload.once('finish', () => resolve())
    upload.once('error', reject)
    upload.end(Buffer.from(input.file.data))
  })
  try {
    const sent = await storeMessage(actor, conversation._id, input.clientId, { body: '', html: '', attachments: [{ fileId, name, type, size: input.file.data.byteLength }] }, deps)
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
