import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { askAboutNeed } from '~/domain/messaging/need-questions.server'
import { requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { RouteErrorPage } from '~/ui/error-page'

/**
 * POST → the conversation with the need's company about this need (opened once, then reused).
 * « Poser une question » on the need page is a plain form posting here: it works without JavaScript.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const needId = idParam(params, 'id')
  const actor = await requireActor(request)
  const { id } = await orRefuse(() => askAboutNeed(actor, needId))
  return redirect(`/messages/${id}`)
}

export const loader = ({ params }: LoaderFunctionArgs) => redirect(`/besoins/${idParam(params, 'id')}`)

export const ErrorBoundary = RouteErrorPage
