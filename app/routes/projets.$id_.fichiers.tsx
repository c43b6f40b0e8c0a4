import {
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { DomainError } from '~/domain/errors'
import { ATTACHMENT_MAX_BYTES } from '~/domain/messaging/attachment-types'
import { sendAttachment } from '~/domain/messaging/attachments.server'
import { createRateLimiter, MESSAGE_RATE } from '~/domain/messaging/rate-limit'
import { requireActor } from '~/http/actor.server'
import { asResponse, idParam, orRefuse } from '~/http/domain-response.server'
import { translateMessage } from '~/i18n/translate-message'
import { projectRoomFor } from '~/domain/projects/service.server'
import { createI18n } from '~/i18n/config'
import { languageFromRequest } from '~/i18n/language.server'
import { flashToast } from '~/toast.server'

const uploadLimiter = createRateLimiter(MESSAGE_RATE)

/**
 * POST multipart { clientId, file } from the project page's "shared files": the file becomes an
 * attachment of the room's conversation (the messaging area's own sendAttachment, same checks,
 * same idempotent client id), then the page comes back with a toast. Works without JavaScript.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const projectId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { t } = createI18n(await languageFromRequest(request))
  // Who may see the project, before reading any upload (anyone else: 404).
  const { roomId } = await orRefuse(() => projectRoomFor(actor, projectId))
  const here = `/projets/${projectId}#fichiers`
  const back = async (kind: 'success' | 'error', message: string) => redirect(here, { headers: { 'Set-Cookie': await flashToast({ kind, message }) } })
  let formData: FormData
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: ATTACHMENT_MAX_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return back('error', t('messaging.errors.fileTooBig'))
    throw error
  }
  const file = formData.get('file')
  const clientId = String(formData.get('clientId') ?? '')
  if (!(file instanceof File) || !file.size) return back('error', t('messaging.errors.fileRequired'))
  try {
    const { message, created, participantIds } = await sendAttachment(
      { id: actor.id, name: actor.name },
      roomId,
      { clientId, file: { name: file.name, type: file.type, data: new Uint8Array(await file.arrayBuffer()) } },
      { limiter: uploadLimiter },
    )
    // The conversation shows it live to everyone in the room.
    if (created) context.realtime({ type: 'message:created', message, participantIds })
    return back('success', t('projects.files.sent'))
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'rate_limited')) return back('error', translateMessage(t, error.message))
    throw asResponse(error)
  }
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/projets/${idParam(params, 'id')}`)
