import { Readable } from 'node:stream'
import busboy from 'busboy'
import type { Actor } from '~/domain/actor'
import { DomainError } from '~/domain/errors'
import { ATTACHMENT_MAX_BYTES } from '~/domain/messaging/attachment-types'
import { sendAttachment } from '~/domain/messaging/attachments.server'
import { createRateLimiter, MESSAGE_RATE } from '~/domain/messaging/rate-limit'
import type { MessageView } from '~/domain/messaging/schema'
import { asResponse } from './domain-response.server'

// Uploads through forms (no JavaScript) have their own per-process budget, same rule as the socket.
const uploadLimiter = createRateLimiter(MESSAGE_RATE)

export type UploadOutcome = { sent: MessageView } | { refused: string }

const badRequest = () => new Response('Bad Request', { status: 400 })

/**
 * A multipart `{ clientId, file }` post (the conversation page, the project room's shared files)
 * becomes a message carrying the file (the message feed pushes it live to the room). The file is
 * streamed from the request into storage as it arrives (busboy; up to 25 MB, never whole in
 * memory). What the person can act on (too big, missing, wrong type, too fast) comes back as
 * `refused` with an i18n key; forbidden or unknown conversations become the error page; a body
 * that is not a multipart form is a 400.
 */
export async function receiveAttachment(request: Request, actor: Actor, conversationId: string): Promise<UploadOutcome> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) throw badRequest()
  let parser: busboy.Busboy
  try {
    // Field order is the form's: clientId comes before the file (app/ui/conversation.tsx, projects/files.tsx).
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fields: 4, fieldSize: 256, fileSize: ATTACHMENT_MAX_BYTES + 1 } })
  } catch {
    throw badRequest()
  }
  const outcome = new Promise<UploadOutcome>((resolve, reject) => {
    let clientId = ''
    let upload: Promise<UploadOutcome> | null = null
    parser.on('field', (name, value) => {
      if (name === 'clientId') clientId = value
    })
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload || !info.filename) return void stream.resume()
      upload = sendAttachment(actor, conversationId, { clientId, file: { name: info.filename, type: info.mimeType, content: stream } }, { limiter: uploadLimiter })
        .then(({ message }): UploadOutcome => ({ sent: message }))
        .catch((error: unknown): UploadOutcome => {
          if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'rate_limited')) return { refused: error.message }
          throw asResponse(error)
        })
        // Whatever happened, the rest of the file is read (and dropped) so the request completes.
        .finally(() => stream.resume())
    })
    parser.once('error', () => reject(badRequest()))
    parser.once('close', () => {
      if (!upload) return resolve({ refused: 'messaging.errors.fileRequired' })
      upload.then(resolve, reject)
    })
  })
  Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>).on('error', () => parser.destroy()).pipe(parser)
  return outcome
}
