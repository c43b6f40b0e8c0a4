import type { TFunction } from 'i18next'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotificationView } from '~/domain/notifications/schema'
import { getSocket } from '~/realtime/socket-client'
import { useToast } from './toast'
import { NavLinkWithCount, useUnreadCount } from './unread-count'

/** The sentence of a notification, in the reader's language, from what was stored. */
export function notificationText(t: TFunction, notification: Pick<NotificationView, 'kind' | 'data'>): string {
  const { data } = notification
  const title = data.needTitle ? t('notifications.quoted', { title: data.needTitle }) : t('notifications.aNeed')
  let text: string
  switch (notification.kind) {
    case 'need_status':
      text = t(`notifications.needStatus.${data.change ?? 'published'}`, { title })
      break
    case 'proposal_received':
      text = t(data.inDiscussion ? 'notifications.kinds.proposal_received_discussion' : 'notifications.kinds.proposal_received', { title, org: data.orgName ?? '' })
      break
    case 'project_member_added':
      text = t('notifications.kinds.project_member_added', { title, actor: data.actorName ?? '' })
      break
    default:
      text = t(`notifications.kinds.${notification.kind}`, { title })
  }
  return data.reason ? `${text} ${t('notifications.reason', { reason: data.reason })}` : text
}

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
