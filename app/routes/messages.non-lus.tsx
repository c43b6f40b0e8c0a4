import { type LoaderFunctionArgs } from '@remix-run/node'
import { getSessionUser } from '~/domain/auth/session.server'
import { totalUnread } from '~/domain/messaging/service.server'

/** Resource route for the navigation badge: how many messages I have not read (0 when signed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  return Response.json({ unread: user ? await totalUnread(user.id) : 0 }, { headers: { 'Cache-Control': 'private, no-store' } })
}
