import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { Illustration, type IllustrationName } from './illustrations'

export function EmptyState({ title, children, action, illustration = 'empty' }: { title: ReactNode; children?: ReactNode; action?: ReactNode; illustration?: IllustrationName }) {
  return (
    <section className="empty-state">
      <Illustration name={illustration} />
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
