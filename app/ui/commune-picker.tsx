import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from '~/i18n/react'
import { translateMessages } from '~/i18n/translate-message'
import { communeArea, communeLabel, type CommuneMatch } from '~/domain/places/commune'
import { useHydrated } from './use-hydrated'
import '~/i18n/areas/orgs'

type Props = {
  label: string
  hint: string
  /** Shown instead of `hint` before JavaScript runs (a plain text field then). */
  noScriptHint: string
  errors?: string[] | null
  required?: boolean
  /** The commune already on record (edit form). */
  defaultCommune?: { code: string; label: string } | null
  /** What was typed before a failed submission. */
  defaultSearch?: string
  /** Name of the hidden input carrying the chosen INSEE code. */
  codeName?: string
  /** Name of the text input (the only value sent without JavaScript). */
  searchName?: string
}

type Status = 'idle' | 'loading' | 'done' | 'failed'

const MIN_QUERY = 2
const DEBOUNCE_MS = 200

/**
 * Commune search field following the ARIA 1.2 combobox pattern (list autocomplete): typing
 * queries /api/communes, arrows move through the list, Enter picks, Escape closes. The chosen
 * INSEE code travels in a hidden input. Without JavaScript it is a plain text field and the
 * server resolves what was typed (name, name + département, postal or INSEE code).
 */
export function CommunePicker({
  label,
  hint,
  noScriptHint,
  errors,
  required,
  defaultCommune,
  defaultSearch,
  codeName = 'commune',
  searchName = 'communeSearch',
}: Props) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const id = useId()
  const inputId = `${id}-input`
  const listboxId = `${id}-listbox`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const statusId = `${id}-status`

  const [query, setQuery] = useState(defaultSearch ?? defaultCommune?.label ?? '')
  const [selected, setSelected] = useState(defaultSearch ? null : (defaultCommune ?? null))
  const [options, setOptions] = useState<CommuneMatch[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState<Status>('idle')
  const [announcement, setAnnouncement] = useState('')

  // Search as the person types (debounced; a newer query cancels the older request).
  useEffect(() => {
    if (!hydrated || selected) return
    const q = query.trim()
    if (q.length < MIN_QUERY) {
      setOptions([])
      setStatus('idle')
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      setStatus('loading')
      try {
        const response = await fetch(`/api/communes?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const body = (await response.json()) as { communes: CommuneMatch[] }
        setOptions(body.communes)
        setActive(-1)
        setStatus('done')
        setAnnouncement(body.communes.length ? t('orgs.picker.results', { count: body.communes.length }) : t('orgs.picker.noResults'))
      } catch {
        if (controller.signal.aborted) return
        setOptions([])
        setStatus('failed')
        setAnnouncement(t('orgs.picker.failed'))
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [hydrated, query, selected, t])

  function choose(option: CommuneMatch) {
    const chosen = { code: option.communeCode, label: communeLabel(option) }
    setSelected(chosen)
    setQuery(chosen.label)
    setOpen(false)
    setActive(-1)
    setAnnouncement(t('orgs.picker.selected', { label: chosen.label }))
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return
        event.preventDefault()
        setOpen(true)
        setActive((current) => (event.altKey ? Math.max(current, -1) : (current + 1) % count))
        break
      case 'ArrowUp':
        if (!count) return
        event.preventDefault()
        setOpen(true)
        setActive((current) => (current <= 0 ? count - 1 : current - 1))
        break
      case 'Enter':
        if (open && active >= 0 && options[active]) {
          event.preventDefault() // pick, do not submit the form
          choose(options[active])
        }
        break
      case 'Escape':
        if (open) {
          event.preventDefault()
          setOpen(false)
          setActive(-1)
        }
        break
    }
  }

  const expanded = hydrated && open && options.length > 0
  const shownErrors = errors?.length ? translateMessages(t, errors)! : null
  const describedBy = [hintId, shownErrors ? errorId : ''].filter(Boolean).join(' ')

  return (
    <div className={['field', 'commune-picker', shownErrors ? 'field-invalid' : ''].join(' ')}>
      <label htmlFor={inputId}>
        {label}
        {required ? <span className="field-required"> ({t('ui.fieldRequired')})</span> : null}
      </label>
      <p className="field-hint" id={hintId}>
        {hydrated ? hint : noScriptHint}
      </p>
      <div className="commune-picker-control">
        <input
          id={inputId}
          name={searchName}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={120}
          value={query}
          required={required}
          aria-invalid={shownErrors ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            setQuery(event.target.value)
            setSelected(null)
            setOpen(true)
            setActive(-1)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length && !selected && setOpen(true)}
          {...(hydrated
            ? {
                role: 'combobox',
                'aria-autocomplete': 'list' as const,
                'aria-expanded': expanded,
                'aria-controls': listboxId,
                'aria-activedescendant': expanded && active >= 0 && options[active] ? `${listboxId}-${options[active].communeCode}` : undefined,
              }
            : {})}
        />
        {hydrated && status === 'loading' ? <span className="spinner commune-picker-spinner" aria-hidden="true" /> : null}
        {hydrated ? <input type="hidden" name={codeName} value={selected?.code ?? ''} /> : null}
        {hydrated ? (
          <ul id={listboxId} role="listbox" aria-label={label} className="commune-picker-list" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.communeCode}
                id={`${listboxId}-${option.communeCode}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'commune-option commune-option-active' : 'commune-option'}
                // Keep the focus in the input: the click must not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span className="commune-option-name">{communeLabel(option)}</span>
                <span className="commune-option-area">
                  {communeArea(option)}
                  {option.postalCodes.length ? ` · ${option.postalCodes.slice(0, 3).join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={statusId} className="visually-hidden" role="status" aria-live="polite">
        {status === 'loading' ? t('orgs.picker.loading') : announcement}
      </p>
      {shownErrors ? (
        <ul className="field-errors" id={errorId}>
          {shownErrors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
