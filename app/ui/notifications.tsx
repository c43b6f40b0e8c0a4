import { NavLink, useFetcher, useLocation } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotificationView } from '~/domain/notifications/schema'
import { getSocket } from '~/realtime/socket-client'
import { useToast } from './toast'

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
  const fetcher = useFetcher<{ unread: number }>()
  const { pathname } = useLocation()
  const wanted = useRef(true)
  const busy = fetcher.state !== 'idle'
  const load = useRef(fetcher.load)
  load.current = fetcher.load
  const [tick, setTick] = useState(0)
  const refresh = useCallback(() => {
    wanted.current = true
    setTick((value) => value + 1)
  }, [])

  useEffect(refresh, [pathname, refresh])
  useEffect(() => {
    if (busy || !wanted.current) return
    wanted.current = false
    void load.current('/notifications/non-lues')
  }, [busy, tick])

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

  const unread = fetcher.data?.unread ?? 0
  return (
    <NavLink to="/notifications" className="nav-notifications">
      {t('notifications.nav.link')}
      {unread > 0 ? (
        <>
          {' '}
          <span className="badge badge-unread" aria-hidden="true" data-testid="notifications-badge">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden"> ({t('notifications.nav.unread', { count: unread })})</span>
        </>
      ) : null}
    </NavLink>
  )
}
