import { useId, type ReactNode } from 'react'
import { useTranslation } from '~/i18n/react'
import { translateMessages } from '~/i18n/translate-message'

type Option = { value: string; label: string; lang?: string }

/**
 * A group of checkboxes sharing one name (a multi-choice field): a fieldset whose legend names
 * the question; hint and errors are tied to every box so screen readers announce them.
 */
export function CheckboxGroup({
  legend,
  hint,
  name,
  options,
  defaultValues,
  errors,
  columns = true,
}: {
  legend: ReactNode
  hint?: ReactNode
  name: string
  options: readonly Option[]
  defaultValues?: readonly string[]
  errors?: string[] | null
  /** Lay short labels out in columns. */
  columns?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const checked = new Set(defaultValues ?? [])
  return (
    <fieldset className={['field', 'checkbox-group', errorId ? 'field-invalid' : ''].join(' ')}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ul className={columns ? 'checkbox-list checkbox-list-columns' : 'checkbox-list'}>
        {options.map((option) => (
          <li key={option.value}>
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={checked.has(option.value)}
              aria-describedby={describedBy}
              aria-invalid={errorId ? true : undefined}
            />
            <label htmlFor={`${id}-${option.value}`} lang={option.lang}>
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {errorId ? (
        <ul className="field-errors" id={errorId}>
          {translateMessages(t, errors!)!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}
