import {
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { ATTACHMENT_MAX_BYTES } from '~/domain/messaging/attachment-types'
import { sendAttachment } from '~/domain/messaging/attachments.server'
import { DomainError } from '~/domain/errors'
import { requireActor } from '~/http/actor.server'
import { asResponse, idParam } from '~/http/domain-response.server'
import { createRateLimiter, MESSAGE_RATE } from '~/domain/messaging/rate-limit'
import { createI18n } from '~/i18n/config'
import { languageFromRequest } from '~/i18n/language.server'
import { flashToast } from '~/toast.server'

const uploadLimiter = createRateLimiter(MESSAGE_RATE)

/**
 * POST multipart { clientId, file } → a message carrying the file. Works without JavaScript;
 * a refusal comes back to the conversation as a toast.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const conversationId = idParam(params, 'conversationId')
  const actor = await requireActor(request)
  const { t } = createI18n(await languageFromRequest(request))
  const back = async (messageKey: string) =>
    redirect(`/messages/${conversationId}`, { headers: { 'Set-Cookie': await flashToast({ kind: 'error', message: t(messageKey as never) }) } })
  let formData: FormData
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: ATTACHMENT_MAX_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return back('messaging.errors.fileTooBig')
    throw error
  }
  const file = formData.get('file')
  const clientId = String(formData.get('clientId') ?? '')
  if (!(file instanceof File) || !file.size) return back('messaging.errors.fileRequired')
  try {
    const { message, created, participantIds } = await sendAttachment(
      actor,
      conversationId,
      { clientId, file: { name: file.name, type: file.type, data: new Uint8Array(await file.arrayBuffer()) } },
      { limiter: uploadLimiter },
    )
    if (created) context.realtime({ type: 'message:created', message, participantIds })
    return redirect(`/messages/${conversationId}#m-${message.id}`)
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'rate_limited')) return back(error.message)
    throw asResponse(error)
  }
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/messages/${idParam(params, 'conversationId')}`)
