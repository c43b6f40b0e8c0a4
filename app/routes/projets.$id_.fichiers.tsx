import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { projectRoomFor } from '~/domain/projects/service.server'
import { requireActor } from '~/http/actor.server'
import { receiveAttachment } from '~/http/attachment-upload.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { translateMessage } from '~/i18n/translate-message'
import { redirectWithToast } from '~/http/toast.server'
import '~/i18n/areas/projects'

/**
 * POST multipart { clientId, file } from the project page's "shared files": the file becomes an
 * attachment of the room's conversation (same checks, same idempotent client id as the
 * conversation page), then the page comes back with a toast. Works without JavaScript.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const projectId = idParam(params, 'id')
  const actor = await requireActor(request)
  // Who may see the project, before reading any upload (anyone else: 404).
  const { roomId } = await orRefuse(() => projectRoomFor(actor, projectId))
  const outcome = await receiveAttachment(request, actor, roomId)
  const { t } = translatorFor(await languageFromRequest(request))
  const toast = 'sent' in outcome ? { kind: 'success' as const, message: t('projects.files.sent') } : { kind: 'error' as const, message: translateMessage(t, outcome.refused) }
  return redirectWithToast(`/projets/${projectId}#fichiers`, toast)
}

export const loader = ({ params }: ActionFunctionArgs) => redirect(`/projets/${idParam(params, 'id')}`)
