import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireActor } from '~/http/actor.server'
import { orRefuse } from '~/http/domain-response.server'
import { idParam } from '~/http/params.server'
import { openNotification } from '~/domain/notifications/service.server'
import { RouteErrorPage } from '~/ui/error-page'

/**
 * Opening a notification: it is marked read and the person lands on the thing it is about. A
 * plain link, so it works without JavaScript; someone else's notification is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const id = idParam(params, 'id')
  return redirect(await orRefuse(() => openNotification(actor, id)))
}

export const ErrorBoundary = RouteErrorPage
