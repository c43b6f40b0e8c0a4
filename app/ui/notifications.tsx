import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotificationView } from '~/domain/notifications/schema'
import { notificationText } from '~/domain/notifications/text'
import { getSocket } from '~/realtime/socket-client'
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

  useEffect(() => {
    const socket = getSocket(userId)
    const onCreated = (notification: NotificationView) => {
      refresh()
      toast({ kind: 'info', message: notificationText(t, notification) })
    }
    socket.on('notification:created', onCreated)
    return () => {
      socket.off('notification:created', onCreated)
    }
  }, [refresh, t, toast, userId])

  return (
    <NavLinkWithCount
      to="/notifications"
      className="nav-notifications"
      label={t('notifications.nav.link')}
      unread={unread}
      unreadText={t('notifications.nav.unread', { count: unread })}
      testId="notifications-badge"
    />
  )
}
