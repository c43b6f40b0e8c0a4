import { Form } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from '~/i18n/react'
import { ATTACHMENT_ACCEPT } from '~/domain/messaging/attachment-types'
import { readersByMessage } from '~/domain/messaging/receipts'
import { messageBody, MAX_MESSAGE_LENGTH, type MessageView, type ReceiptView } from '~/domain/messaging/schema'
import { useOnScreen } from '~/realtime/on-screen'
import { useConversation } from '~/realtime/use-conversation'
import { Button } from './button'
import { FormErrors, TextareaField } from './field'
import { ackErrorText, formatMessageDate, newClientId } from './conversation-format'
import { translateMessage } from '~/i18n/translate-message'
import '~/i18n/areas/messaging'

export type ConversationPanelProps = {
  conversationId: string
  me: { id: string; name: string }
  participants: Array<{ id: string; name: string }>
  messages: MessageView[]
  receipts: ReceiptView[]
  /** The newest seq the page holds (from conversationPanelData): live catch-up starts after it. */
  lastSeq: number
  /** Server time the history was read at (from conversationPanelData). */
  renderedAt: number
  /** The server-rendered send id (no JavaScript); replaced by a fresh one after each live send. */
  clientId: string
  /** Send id of the attachment form (one per rendered form, like `clientId`). */
  attachClientId: string
  /** Where the forms post: the conversation route's action (`/messages/<id>`). */
  actionPath: string
  /** The page the forms come back to when embedded elsewhere (the project room); the conversation page if none. */
  returnTo?: string
  /** Called when the messages carrying files change live (a page listing the files refreshes). */
  onFilesChanged?: () => void
  olderHref?: string | null
  sendErrors?: string[]
  sendDraft?: string
  formErrors?: string[]
}

/**
 * A conversation: history, live updates and the send form. Without JavaScript the history is
 * the server's and every form posts to the conversation route; with it, messages arrive live
 * and sending goes through the socket (its ack carries the stored message). Can be embedded
 * (a project page) as long as `actionPath` points to the conversation route.
 */
export function ConversationPanel(props: ConversationPanelProps) {
  const { t, i18n } = useTranslation()
  const { conversationId, me, participants } = props
  const back = props.returnTo ? `?retour=${encodeURIComponent(props.returnTo)}` : ''
  const actionPath = `${props.actionPath}${back}`
  const live = useConversation({
    conversationId,
    me,
    initialMessages: props.messages,
    initialLastSeq: props.lastSeq,
    initialReceipts: props.receipts,
    renderedAt: props.renderedAt,
  })
  const readers = readersByMessage(live.messages, live.receipts, participants, me.id)
  useOnScreen(conversationId)
  useFilesChanged(live.messages, props.onFilesChanged)

  return (
    <div className="conversation">
      <FormErrors errors={props.formErrors} />
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{t('messaging.conversation.olderMessages')}</a>
        </p>
      ) : null}
      <div role="log" aria-label={t('messaging.conversation.historyLabel')} className="message-log">
        {live.messages.length || live.pending.length ? (
          <ol className="message-list">
            {live.messages.map((message) => (
              <MessageItem key={message.id} message={message} own={message.author.id === me.id} readers={readers.get(message.id)} actionPath={actionPath} language={i18n.language} />
            ))}
            {live.pending.map((item) => (
              <li key={item.clientId} className="message message-own message-pending" data-client-id={item.clientId}>
                <p className="message-meta">
                  <strong>{t('messaging.conversation.you')}</strong>{' '}
                  <span className="muted">{item.lastError && item.lastError !== 'rate_limited' ? t('messaging.outbox.waiting') : t('messaging.outbox.sending')}</span>
                </p>
                {/* Not rendered yet by the server: shown as plain text. */}
                <p className="message-body message-pending-body">{item.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('messaging.conversation.empty')}</p>
        )}
      </div>
      {live.refused.map(({ item, error }) => (
        <div key={item.clientId} className="notice notice-error" role="alert">
          <p>{t('messaging.outbox.refused', { reason: ackErrorText(t, error) })}</p>
          <blockquote className="message-pending-body">{item.body}</blockquote>
          <Button type="button" variant="ghost" onClick={() => live.dismissRefused(item.clientId)}>
            {t('ui.close')}
          </Button>
        </div>
      ))}
      <p className="typing-indicator" aria-live="polite">
        {live.typingNames.length ? t('messaging.conversation.typing', { count: live.typingNames.length, names: live.typingNames.join(', ') }) : ''}
      </p>
      <SendForm {...props} actionPath={actionPath} send={live.send} live={live.live} connected={live.connected} onTyping={live.notifyTyping} />
      <AttachForm action={`${props.actionPath}/fichiers${back}`} clientId={props.attachClientId} />
    </div>
  )
}

function MessageItem({ message, own, readers, actionPath, language }: { message: MessageView; own: boolean; readers?: string[]; actionPath: string; language: string }) {
  const { t } = useTranslation()
  return (
    <li id={`m-${message.id}`} className={['message', own ? 'message-own' : ''].filter(Boolean).join(' ')} data-message-id={message.id}>
      <p className="message-meta">
        <strong>{own ? t('messaging.conversation.you') : message.author.name}</strong>{' '}
        <time dateTime={message.createdAt}>{formatMessageDate(message.createdAt, language)}</time>
        {message.editedAt && !message.deleted ? <span className="muted"> {t('messaging.conversation.edited')}</span> : null}
      </p>
      {message.deleted ? (
        <p className="message-deleted muted">{t(message.hiddenByModeration ? 'messaging.conversation.hiddenByModeration' : 'messaging.conversation.deleted')}</p>
      ) : (
        // Rendered and sanitised on the server (app/domain/messaging/markdown.ts): only our own tags.
        <>
          {message.html ? <div className="message-body" dangerouslySetInnerHTML={{ __html: message.html }} /> : null}
          {message.attachments.length ? (
            <ul className="message-attachments">
              {message.attachments.map((file) => (
                <li key={file.id}>
                  <a href={`/messages/${message.conversationId}/fichiers/${file.id}`} download={file.name}>
                    {file.name}
                  </a>{' '}
                  <span className="muted">({t('messaging.attachments.size', { size: Math.max(1, Math.round(file.size / 1024)) })})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {readers?.length ? <p className="message-receipt muted">{t('messaging.conversation.readBy', { names: readers.join(', ') })}</p> : null}
      {!message.deleted ? (
        <div className="message-actions">
          {own ? (
            <>
              <details>
                <summary>{t('messaging.form.edit')}</summary>
                <Form method="post" action={actionPath} className="message-edit">
                  <input type="hidden" name="intent" value="edit" />
                  <input type="hidden" name="messageId" value={message.id} />
                  <TextareaField label={t('messaging.form.editLabel')} name="body" defaultValue={message.body} maxLength={MAX_MESSAGE_LENGTH} rows={3} required />
                  <Button type="submit" variant="secondary">
                    {t('messaging.form.save')}
                  </Button>
                </Form>
              </details>
              <Form method="post" action={actionPath} className="message-delete">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="messageId" value={message.id} />
                <Button type="submit" variant="ghost">
                  {t('messaging.form.delete')}
                </Button>
              </Form>
            </>
          ) : (
            <details>
              <summary>{t('messaging.form.report')}</summary>
              <Form method="post" action={actionPath} className="message-report">
                <input type="hidden" name="intent" value="report" />
                <input type="hidden" name="messageId" value={message.id} />
                <TextareaField label={t('messaging.form.reportReason')} hint={t('messaging.form.reportHint')} name="reason" rows={3} maxLength={1000} required />
                <Button type="submit" variant="secondary">
                  {t('messaging.form.reportSend')}
                </Button>
              </Form>
            </details>
          )}
        </div>
      ) : null}
    </li>
  )
}

function SendForm({
  actionPath,
  clientId: serverClientId,
  sendErrors,
  sendDraft,
  send,
  live,
  connected,
  onTyping,
}: ConversationPanelProps & { send: ReturnType<typeof useConversation>['send']; live: boolean; connected: boolean; onTyping: () => void }) {
  const { t } = useTranslation()
  const [clientId, setClientId] = useState(serverClientId)
  const [errors, setErrors] = useState<string[] | undefined>(undefined)
  const shownErrors = errors ?? sendErrors?.map((error) => translateMessage(t, error))

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Never connected on this page (no JavaScript yet, WebSocket blocked): the form posts to the route.
    if (!live) return
    event.preventDefault()
    const textarea = event.currentTarget.elements.namedItem('body') as HTMLTextAreaElement
    const parsed = messageBody.safeParse(textarea.value)
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => translateMessage(t, issue.message)))
      return
    }
    // The outbox keeps it until stored (sent again after an outage, same client id: never twice).
    send(parsed.data, clientId)
    setErrors(undefined)
    textarea.value = ''
    setClientId(newClientId())
  }

  return (
    <Form method="post" action={actionPath} className="message-form" onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="clientId" value={clientId} />
      <TextareaField
        label={t('messaging.form.label')}
        hint={t('messaging.form.hint')}
        name="body"
        rows={3}
        maxLength={MAX_MESSAGE_LENGTH}
        required
        defaultValue={sendDraft}
        errors={shownErrors}
        onInput={onTyping}
      />
      <Button type="submit">{t('messaging.form.send')}</Button>
      <p className="muted connection-status" aria-live="polite">
        {connected ? t('messaging.conversation.live') : live ? t('messaging.conversation.offline') : ''}
      </p>
    </Form>
  )
}

/** Attaches a file: a plain multipart form (with or without JavaScript); refusals come back as a toast. */
function AttachForm({ action, clientId }: { action: string; clientId: string }) {
  const { t } = useTranslation()
  return (
    <details className="attach-form">
      <summary>{t('messaging.attachments.open')}</summary>
      <Form method="post" action={action} encType="multipart/form-data" reloadDocument>
        <input type="hidden" name="clientId" value={clientId} />
        <div className="field">
          <label htmlFor="attachment-file">{t('messaging.attachments.label')}</label>
          <p className="field-hint" id="attachment-file-hint">
            {t('messaging.attachments.hint')}
          </p>
          <input id="attachment-file" type="file" name="file" accept={ATTACHMENT_ACCEPT} required aria-describedby="attachment-file-hint" />
        </div>
        <Button type="submit" variant="secondary">
          {t('messaging.attachments.send')}
        </Button>
      </Form>
    </details>
  )
}

/** Tells the page when the set of files in the conversation changed since it was rendered (a file sent, a message with files deleted). */
function useFilesChanged(messages: MessageView[], onFilesChanged: (() => void) | undefined) {
  const fileKey = messages
    .filter((message) => message.attachments.length)
    .map((message) => message.id)
    .join(',')
  const seen = useRef(fileKey)
  const callback = useRef(onFilesChanged)
  callback.current = onFilesChanged
  useEffect(() => {
    if (fileKey === seen.current) return
    seen.current = fileKey
    callback.current?.()
  }, [fileKey])
}
