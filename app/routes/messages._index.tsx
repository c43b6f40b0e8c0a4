import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n/react'
import { requireActor } from '~/http/actor.server'
import { listConversations, type LastMessagePreview } from '~/domain/messaging/service.server'
import { conversationTitle } from '~/domain/messaging/titles'
import { usePresence } from '~/realtime/use-presence'
import { ButtonLink } from '~/ui/button'
import { formatMessageDate } from '~/ui/conversation-format'
import { RouteErrorPage } from '~/ui/error-page'
import { PresenceList } from '~/ui/presence'
import { EmptyState } from '~/ui/states'
import type { PageHandle } from '~/ui/page-title'
import '~/i18n/areas/messaging'

export const handle: PageHandle = { titleKey: 'messaging.list.title' }

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const conversations = await listConversations(actor)
  return {
    conversations: conversations.map((conversation) => ({
      id: conversation.id,
      kind: conversation.kind,
      title: conversationTitle(conversation, actor),
      others: conversation.participants.filter((person) => person.id !== actor.id).map((person) => ({ id: person.id, name: person.name })),
      lastMessageAt: conversation.lastMessageAt,
      unread: conversation.unread,
      lastMessage: conversation.lastMessage ? { ...conversation.lastMessage, mine: conversation.lastMessage.authorId === actor.id } : null,
    })),
  }
}

export default function MessagesPage() {
  const { t, i18n } = useTranslation()
  const { conversations } = useLoaderData<typeof loader>()
  // Everyone listed here shares a conversation with me: the server answers for them all.
  const presence = usePresence({ userIds: conversations.flatMap((conversation) => conversation.others.map((person) => person.id)) })
  return (
    <section aria-labelledby="messages-title" className="messages-page">
      <h1 id="messages-title">{t('messaging.list.title')}</h1>
      <p className="lead">{t('messaging.list.lead')}</p>
      {conversations.length ? (
        <ul className="conversation-list">
          {conversations.map((conversation) => (
            <li key={conversation.id} className={conversation.unread ? 'conversation-unread' : undefined}>
              <Link to={`/messages/${conversation.id}`} className="conversation-link">
                <strong>{conversation.title}</strong>
                {conversation.unread ? <span className="badge badge-unread">{t('messaging.list.unread', { count: conversation.unread })}</span> : null}
              </Link>
              {conversation.lastMessage ? <LastMessageLine message={conversation.lastMessage} /> : null}
              <p className="muted">
                {t(`messaging.list.kinds.${conversation.kind}`)} ·{' '}
                {conversation.lastMessageAt
                  ? t('messaging.list.lastActivity', { date: formatMessageDate(conversation.lastMessageAt, i18n.language) })
                  : t('messaging.list.noMessageYet')}
              </p>
              <PresenceList people={conversation.others} presence={presence} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState illustration="messages" title={t('messaging.list.emptyTitle')} action={<ButtonLink href="/besoins">{t('messaging.list.emptyAction')}</ButtonLink>}>
          <p>{t('messaging.list.emptyText')}</p>
        </EmptyState>
      )}
    </section>
  )
}

function LastMessageLine({ message }: { message: LastMessagePreview & { mine: boolean } }) {
  const { t } = useTranslation()
  const who = message.mine ? t('messaging.list.preview.you') : message.authorName
  const line =
    message.state === 'hidden'
      ? t('messaging.list.preview.hidden')
      : message.state === 'deleted'
        ? t('messaging.list.preview.deleted', { who })
        : message.text
          ? t('messaging.list.preview.line', { who, text: message.text })
          : t('messaging.list.preview.files', { who, count: message.files })
  return (
    <p className="conversation-preview">
      <span className="visually-hidden">{t('messaging.list.preview.label')} </span>
      {line}
    </p>
  )
}

export const ErrorBoundary = RouteErrorPage
