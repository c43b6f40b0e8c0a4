import { type LoaderFunctionArgs } from '@remix-run/node'
import { optionalActor } from '~/http/actor.server'
import { totalUnread } from '~/domain/messaging/service.server'

/** Resource route for the navigation badge: how many messages I have not read (0 when signed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request)
  return Response.json({ unread: actor ? await totalUnread(actor.id) : 0 }, { headers: { 'Cache-Control': 'private, no-store' } })
}
