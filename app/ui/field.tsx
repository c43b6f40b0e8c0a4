import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from '~/i18n/react'
import { translateMessages } from '~/i18n/translate-message'

type FieldShellProps = {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | null
  required?: boolean
  id?: string
  children: (control: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; required?: boolean }) => ReactNode
}

/**
 * Label, hint and error list wired to the control with ids, so screen readers announce them.
 * Errors arrive as schemas and services say them (i18n keys, app/i18n/translate-message.ts) and
 * are put into words here, like every refusal, at the edge.
 */
export function FieldShell({ label, hint, errors, required, id, children }: FieldShellProps) {
  const { t } = useTranslation()
  const generated = useId()
  const controlId = id ?? generated
  const hintId = hint ? `${controlId}-hint` : undefined
  const errorId = errors?.length ? `${controlId}-error` : undefined
  const shownErrors = translateMessages(t, errors ?? undefined)
  return (
    <div className={['field', errorId ? 'field-invalid' : ''].join(' ')}>
      <label htmlFor={controlId}>
        {label}
        {required ? <span className="field-required"> ({t('ui.fieldRequired')})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        'aria-invalid': errorId ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        required,
      })}
      {errorId ? (
        <ul className="field-errors" id={errorId}>
          {shownErrors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

type CommonProps = { label: ReactNode; hint?: ReactNode; errors?: string[] | null }

export function TextField({ label, hint, errors, id, required, ...input }: CommonProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} id={id} required={required}>
      {(control) => <input {...input} {...control} />}
    </FieldShell>
  )
}

export function TextareaField({ label, hint, errors, id, required, ...textarea }: CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} id={id} required={required}>
      {(control) => <textarea rows={5} {...textarea} {...control} />}
    </FieldShell>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  required,
  options,
  ...select
}: CommonProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} id={id} required={required}>
      {(control) => (
        <select {...select} {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

/** Errors that belong to the whole form rather than to one field. */
/** The errors of a whole form (i18n keys or sentences), in words. */
export function FormErrors({ errors, id }: { errors?: string[] | null; id?: string }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <div className="form-errors" role="alert" id={id}>
      <ul>
        {translateMessages(t, errors)!.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The props a field takes from a conform field: its id and name, the value submitted last
 * (kept after a refused submission, with or without JavaScript) and its errors.
 */
export function conformField(
  field: { id: string; name: string; initialValue?: unknown; errors?: string[] },
  fallback?: string,
): { id: string; name: string; defaultValue: string | undefined; errors: string[] | undefined } {
  return { id: field.id, name: field.name, defaultValue: typeof field.initialValue === 'string' ? field.initialValue : fallback, errors: field.errors }
}

/** conformField for a secret (a password): never put back into the page. */
export function secretField(field: Parameters<typeof conformField>[0]) {
  return { ...conformField(field), defaultValue: undefined }
}
