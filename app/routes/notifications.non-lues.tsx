import { type LoaderFunctionArgs } from '@remix-run/node'
import { optionalActor } from '~/http/actor.server'
import { unreadNotificationCount } from '~/domain/notifications/service.server'

/** Resource route for the navigation badge: how many notifications I have not read (0 when signed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request)
  return Response.json({ unread: actor ? await unreadNotificationCount(actor) : 0 }, { headers: { 'Cache-Control': 'private, no-store' } })
}
