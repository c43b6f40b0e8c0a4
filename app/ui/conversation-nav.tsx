import { useEffect } from 'react'
import { useTranslation } from '~/i18n/react'
import type { InboxMessageEvent } from '~/realtime/events'
import { isConversationOnScreen } from '~/realtime/on-screen'
import { closeSocketLater, withSocket } from '~/realtime/lazy-socket'
import { useToast } from './toast'
import { NavLinkWithCount, useUnreadCount } from './unread-count'

/**
 * "Messages" in the main navigation, with the number of unread messages (/messages/non-lus),
 * refreshed whenever the server says one of my conversations changed (`inbox:updated` on my own
 * socket room).
 * A new message in a conversation not on screen is announced in the polite toast region.
 */
export function MessagesNavLink({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const { unread, refresh } = useUnreadCount('/messages/non-lus')

  useEffect(
    () =>
      withSocket(userId, (socket) => {
        const onMessage = ({ conversationId, author, preview }: InboxMessageEvent) => {
          if (isConversationOnScreen(conversationId)) return // shown where it is read: its page or the project room
          toast({
            kind: 'info',
            message: preview
              ? t('layout.messageToast', { name: author.name, preview })
              : t('layout.messageToastNoPreview', {
                  name: author.name,
                }),
          })
        }
        socket.on('inbox:updated', refresh)
        socket.on('inbox:message', onMessage)
        return () => {
          socket.off('inbox:updated', refresh)
          socket.off('inbox:message', onMessage)
        }
      }),
    [refresh, t, toast, userId],
  )
  // The link disappears when the person signs out: so does their connection.
  useEffect(() => closeSocketLater, [])

  return <NavLinkWithCount to="/messages" className="nav-messages" label={t('layout.nav.messages')} unread={unread} unreadText={t('layout.unreadMessages', { count: unread })} testId="unread-badge" />
}
