import type { Actor } from '~/domain/actor'
import { DomainError } from '~/domain/errors'
import { sendAttachment } from '~/domain/messaging/attachments.server'
import { createRateLimiter, MESSAGE_RATE } from '~/domain/messaging/rate-limit'
import type { MessageView } from '~/domain/messaging/schema'
import { asResponse } from './domain-response.server'
import { readForm } from './form-data.server'

// Uploads through forms (no JavaScript) have their own per-process budget, same rule as the socket.
const uploadLimiter = createRateLimiter(MESSAGE_RATE)

export type UploadOutcome = { sent: MessageView } | { refused: string }

/**
 * A multipart `{ clientId, file }` post (the conversation page, the project room's shared files)
 * becomes a message carrying the file (the message feed pushes it live to the room). What the person can act on (too
 * big, missing, wrong type, too fast) comes back as `refused` with an i18n key or a sentence;
 * forbidden or unknown conversations become the error page.
 */
export async function receiveAttachment(
  request: Request,
  actor: Actor,
  conversationId: string,
): Promise<UploadOutcome> {
  // The platform's parser (the body is at most 1 MB, server/http/security.ts): it reads any file
  // name a browser sends — "devis;final.pdf", "rapport=final.pdf" — where Remix's multipart
  // parser failed with a server error.
  const formData = await readForm(request)
  const file = formData.get('file')
  const clientId = String(formData.get('clientId') ?? '')
  if (!(file instanceof File) || !file.size) return { refused: 'messaging.errors.fileRequired' }
  try {
    const { message } = await sendAttachment(
      actor,
      conversationId,
      { clientId, file: { name: file.name, type: file.type, data: new Uint8Array(await file.arrayBuffer()) } },
      { limiter: uploadLimiter },
    )
    return { sent: message }
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'rate_limited')) return { refused: error.message }
    throw asResponse(error)
  }
}
