import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireActor } from '~/http/actor.server'
import { orRefuse, refuse } from '~/http/domain-response.server'
import { objectId } from '~/domain/messaging/schema'
import { startDirectConversation } from '~/domain/messaging/service.server'
import { readForm } from '~/http/form-data.server'

/**
 * POST { userId } → the direct conversation with that person (started once, then reused).
 * The "Écrire" button of a profile is a plain form posting here, so it works without JavaScript.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const userId = objectId.safeParse((await readForm(request)).get('userId'))
  if (!userId.success) refuse('not_found')
  const { id } = await orRefuse(() => startDirectConversation(actor, userId.data))
  return redirect(`/messages/${id}`)
}

export const loader = () => redirect('/messages')
