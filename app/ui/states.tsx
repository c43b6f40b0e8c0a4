import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function EmptyState({ title, children, action }: { title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      {children ? <div className="empty-state-text">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  )
}

/** Announced politely to screen readers; the spinner itself is decorative. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <div className="loading-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('ui.loading')}</span>
    </div>
  )
}
