import { type LoaderFunctionArgs } from '@remix-run/node'
import { getSessionUser } from '~/domain/auth/session.server'
import { unreadNotificationCount } from '~/domain/notifications/service.server'

/** Resource route for the navigation badge: how many notifications I have not read (0 when signed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  return Response.json({ unread: user ? await unreadNotificationCount(user) : 0 }, { headers: { 'Cache-Control': 'private, no-store' } })
}
