import { useTranslation } from '~/i18n/react'
import type { MessageQueueReport } from '~/domain/moderation/message-reports.server'
import '~/i18n/areas/moderation'

/** Who wrote a reported message, and the messages around it, so it is judged in its conversation. */
export function MessageReportContext({ author, context }: Pick<MessageQueueReport, 'author' | 'context'>) {
  const { t } = useTranslation()
  return (
    <>
      {author ? (
        <p>
          {t('moderation.reports.writtenBy')} <a href={`/membres/${author.id}`}>{author.name}</a>
        </p>
      ) : null}
      {context.length ? (
        <details className="report-context">
          <summary>{t('moderation.reports.context')}</summary>
          <ol className="report-context-list">
            {context.map((item) => (
              <li key={item.id} aria-current={item.reported ? 'true' : undefined} className={item.reported ? 'report-context-reported' : undefined}>
                <strong>{item.authorName}</strong>
                {item.reported ? <span className="badge">{t('moderation.reports.reportedMark')}</span> : null} :{' '}
                {item.text || <em>{t('moderation.reports.contextDeleted')}</em>}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  )
}
