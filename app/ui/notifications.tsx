import { useEffect } from 'react'
import { useTranslation } from '~/i18n/react'
import type { NotificationView } from '~/domain/notifications/schema'
import { notificationText } from '~/domain/notifications/text'
import { withSocket } from '~/realtime/lazy-socket'
import { useToast } from './toast'
import { NavLinkWithCount, useUnreadCount } from './unread-count'

export { notificationText }

/**
 * "Notifications" in the main navigation with the unread count. The count is loaded like the
 * messages badge (once interactive, on each navigation); a notification pushed live to my own
 * room refreshes it and is announced in the polite toast region.
 */
export function NotificationsNavLink({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const { unread, refresh } = useUnreadCount('/notifications/non-lues')

  useEffect(
    () =>
      withSocket(userId, (socket) => {
        const onCreated = (notification: NotificationView) => {
          refresh()
          toast({ kind: 'info', message: notificationText(t, notification) })
        }
        socket.on('notification:created', onCreated)
        return () => socket.off('notification:created', onCreated)
      }),
    [refresh, t, toast, userId],
  )

  return (
    <NavLinkWithCount
      to="/notifications"
      className="nav-notifications"
      label={
        <>
          <BellIcon />
          <span className="visually-hidden">{t('layout.notifications.link')}</span>
        </>
      }
      unread={unread}
      unreadText={t('layout.notifications.unread', { count: unread })}
      testId="notifications-badge"
    />
  )
}

/** The header shows notifications as a bell; the link's name stays « Notifications ». */
function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5v1h13v-1L15 10.7V7.5a5 5 0 0 0-5-5Zm-2 13.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  )
}
