import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { orRefuse, refuse } from '~/http/domain-response.server'
import { notificationActionSchema, notificationCursor } from '~/domain/notifications/schema'
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from '~/domain/notifications/service.server'
import { translatorFor } from '~/i18n/translators'
import { languageFromRequest } from '~/i18n/language.server'
import { getSocket } from '~/realtime/socket-client'
import { redirectWithToast } from '~/http/toast.server'
import { Button, ButtonLink } from '~/ui/button'
import { formatMessageDate } from '~/ui/conversation-format'
import { RouteErrorPage } from '~/ui/error-page'
import { notificationText } from '~/ui/notifications'
import { EmptyState } from '~/ui/states'
import { readForm } from '~/http/form-data.server'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/notifications'

export const handle: PageHandle = { titleKey: 'notifications.page.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const before = notificationCursor.safeParse(new URL(request.url).searchParams.get('avant'))
  const [page, unread] = await Promise.all([listNotifications(actor, { before: before.success ? before.data : null }), unreadNotificationCount(actor)])
  return { userId: actor.id, items: page.items, olderHref: page.nextBefore ? `/notifications?avant=${page.nextBefore}` : null, paged: before.success, unread }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { t } = translatorFor(await languageFromRequest(request))
  const submission = parseWithZod(await readForm(request), { schema: notificationActionSchema })
  if (submission.status !== 'success') refuse('invalid')
  // Back to the page the person was on (the cursor is re-checked by the loader).
  const before = notificationCursor.safeParse(new URL(request.url).searchParams.get('avant'))
  const back = before.success ? `/notifications?avant=${before.data}` : '/notifications'
  let message: string
  if (submission.value.intent === 'read') {
    const { id } = submission.value
    await orRefuse(() => markNotificationRead(actor, id))
    message = t('notifications.page.oneRead')
  } else {
    const count = await markAllNotificationsRead(actor)
    message = count ? t('notifications.page.allRead', { count }) : t('notifications.page.nothingToMark')
  }
  return redirectWithToast(back, { kind: 'success', message })
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation()
  const { userId, items, olderHref, paged, unread } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const { revalidate } = useRevalidator()

  // A notification arriving while the page is open appears at the top.
  useEffect(() => {
    const socket = getSocket(userId)
    const onCreated = () => revalidate()
    socket.on('notification:created', onCreated)
    return () => {
      socket.off('notification:created', onCreated)
    }
  }, [revalidate, userId])

  return (
    <section aria-labelledby="notifications-title" className="notifications-page">
      <h1 id="notifications-title">{t('notifications.page.title')}</h1>
      <p className="lead">{t('notifications.page.lead')}</p>
      {unread > 0 ? (
        <Form method="post" className="notifications-toolbar">
          <input type="hidden" name="intent" value="read_all" />
          <Button type="submit" variant="secondary" pending={busy}>
            {t('notifications.page.markAllRead')}
          </Button>
        </Form>
      ) : null}
      {items.length ? (
        <ol className="notification-list" aria-label={t('notifications.page.listLabel')}>
          {items.map((item) => {
            const text = notificationText(t, item)
            return (
              <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
                <p className="notification-text">
                  {item.readAt ? null : <span className="badge badge-new">{t('notifications.page.unread')}</span>}
                  <Link to={`/notifications/${item.id}`}>{text}</Link>
                </p>
                <p className="notification-meta muted">
                  <time dateTime={item.createdAt}>{t('notifications.page.receivedOn', { date: formatMessageDate(item.createdAt, i18n.language) })}</time>
                </p>
                {item.readAt ? null : (
                  <Form method="post" className="notification-mark">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={item.id} />
                    <Button type="submit" variant="ghost" pending={busy}>
                      {t('notifications.page.markRead')}
                      <span className="visually-hidden"> {t('notifications.quoted', { title: text })}</span>
                    </Button>
                  </Form>
                )}
              </li>
            )
          })}
        </ol>
      ) : (
        <EmptyState title={t('notifications.page.emptyTitle')} action={<ButtonLink href="/besoins">{t('notifications.page.emptyAction')}</ButtonLink>}>
          <p>{t('notifications.page.emptyText')}</p>
        </EmptyState>
      )}
      {paged || olderHref ? (
        <nav className="notifications-pages" aria-label={t('notifications.page.pages')}>
          {paged ? <Link to="/notifications">{t('notifications.page.newest')}</Link> : null}
          {olderHref ? <Link to={olderHref}>{t('notifications.page.older')}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = RouteErrorPage
