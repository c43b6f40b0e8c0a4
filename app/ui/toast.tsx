import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'

export type Toast = { id: string; kind: 'success' | 'info' | 'error'; message: string }

const ToastContext = createContext<(toast: Omit<Toast, 'id'>) => void>(() => {})

export const useToast = () => useContext(ToastContext)

const AUTO_DISMISS_MS = 8_000

/**
 * Holds the live region toasts are announced through. `initial` carries a toast the server
 * flashed (after a redirect), so it is visible even before JavaScript loads.
 */
export function ToastProvider({ initial, children }: { initial?: Toast | null; children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>(initial ? [initial] : [])
  const seen = useRef(new Set(initial ? [initial.id] : []))

  useEffect(() => {
    if (initial && !seen.current.has(initial.id)) {
      seen.current.add(initial.id)
      setToasts((current) => [...current, initial])
    }
  }, [initial])

  const dismiss = useCallback((id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)), [])
  const show = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`
    setToasts((current) => [...current, { ...toast, id }])
  }, [])

  return (
    <ToastContext.Provider value={useMemo(() => show, [show])}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  )
}

function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation()
  return (
    <section className="toast-region" aria-label={t('ui.notifications')}>
      <div role="status" aria-live="polite">
        <ol>
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} dismissLabel={t('ui.dismiss')} />
          ))}
        </ol>
      </div>
    </section>
  )
}

function ToastItem({ toast, onDismiss, dismissLabel }: { toast: Toast; onDismiss: (id: string) => void; dismissLabel: string }) {
  useEffect(() => {
    if (toast.kind === 'error') return // errors stay until read
    const timer = setTimeout(() => onDismiss(toast.id), AUTO_DISMISS_MS)
    return () => clearTimeout(timer)
  }, [toast, onDismiss])
  return (
    <li className={`toast toast-${toast.kind}`}>
      <span>{toast.message}</span>
      <button type="button" className="btn btn-ghost toast-dismiss" aria-label={dismissLabel} onClick={() => onDismiss(toast.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  )
}
