import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { openAttachment } from '~/domain/messaging/attachments.server'
import { requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'

/** Download of a conversation's file: members only (404 for anyone else), never rendered inline. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const conversationId = idParam(params, 'conversationId')
  const actor = await requireActor(request)
  const file = await orRefuse(() => openAttachment(actor, conversationId, String(params.fileId ?? '')))
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  })
}
