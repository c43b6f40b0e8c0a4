import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireActor } from '~/http/actor.server'
import { receiveAttachment } from '~/http/attachment-upload.server'
import { idParam } from '~/http/params.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { translateMessage } from '~/i18n/translate-message'
import { returnPath } from '~/http/safe-redirect'
import { redirectWithToast } from '~/http/toast.server'

/**
 * POST multipart { clientId, file } → a message carrying the file. Works without JavaScript;
 * a refusal comes back to the conversation as a toast.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const conversationId = idParam(params, 'conversationId')
  const actor = await requireActor(request)
  const outcome = await receiveAttachment(request, actor, conversationId)
  // Sent from the project room, it comes back to the room.
  const back = returnPath(request.url, `/messages/${conversationId}`)
  if ('sent' in outcome) return redirect(back.includes('#') ? back : `${back}#m-${outcome.sent.id}`)
  const { t } = translatorFor(await languageFromRequest(request))
  return redirectWithToast(back, { kind: 'error', message: translateMessage(t, outcome.refused) })
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/messages/${idParam(params, 'conversationId')}`)
