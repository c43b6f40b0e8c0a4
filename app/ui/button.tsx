import type { ButtonHTMLAttributes } from 'react'

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger'
  /** Shows the action is running and blocks double submission, without losing focus. */
  pending?: boolean
}

export function Button({ variant = 'primary', pending = false, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={pending || rest.disabled || undefined}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (pending) {
          event.preventDefault()
          return
        }
        onClick?.(event)
      }}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  )
}

export function ButtonLink({ variant = 'primary', className, ...rest }: React.AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: ButtonProps['variant'] }) {
  return <a {...rest} className={['btn', `btn-${variant}`, className].filter(Boolean).join(' ')} />
}
