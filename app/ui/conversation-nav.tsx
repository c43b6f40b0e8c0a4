import { NavLink, useFetcher, useLocation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InboxMessageEvent } from '~/realtime/events'
import { closeSocket, getSocket } from '~/realtime/socket-client'
import { useToast } from './toast'

/**
 * "Messages" in the main navigation, with the number of unread messages. The count comes from
 * /messages/non-lus once the page is interactive, again on each navigation and whenever the
 * server says one of my conversations changed (`inbox:updated` on my own socket room).
 * A new message in a conversation I am not looking at is announced in the polite toast region.
 */
export function MessagesNavLink({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const fetcher = useFetcher<{ unread: number }>()
  const { pathname } = useLocation()
  const where = useRef(pathname)
  where.current = pathname
  // One load at a time: a burst of updates while a load runs becomes one more load afterwards
  // (starting another would abort the running one).
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
    void load.current('/messages/non-lus')
  }, [busy, tick])

  useEffect(() => {
    const socket = getSocket(userId)
    const onMessage = ({ conversationId, author, preview }: InboxMessageEvent) => {
      if (where.current === `/messages/${conversationId}`) return // the conversation itself shows it
      toast({ kind: 'info', message: preview ? t('notifications.message.toast', { name: author.name, preview }) : t('notifications.message.toastNoPreview', { name: author.name }) })
    }
    socket.on('inbox:updated', refresh)
    socket.on('inbox:message', onMessage)
    return () => {
      socket.off('inbox:updated', refresh)
      socket.off('inbox:message', onMessage)
    }
  }, [refresh, t, toast, userId])
  // The link disappears when the person signs out: so does their connection.
  useEffect(() => closeSocket, [])

  const unread = fetcher.data?.unread ?? 0
  return (
    <NavLink to="/messages" className="nav-messages">
      {t('layout.nav.messages')}
      {unread > 0 ? (
        <>
          {' '}
          <span className="badge badge-unread" aria-hidden="true" data-testid="unread-badge">
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden"> ({t('messaging.nav.unread', { count: unread })})</span>
        </>
      ) : null}
    </NavLink>
  )
}
