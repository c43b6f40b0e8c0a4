import type { ReactNode, RefObject } from 'react'
import { useHydrated } from '~/ui/use-hydrated'

/**
 * The button of a disclosure, progressively enhanced: before JavaScript it is a link to the
 * panel's anchor, which the stylesheet shows with `:target`; once hydrated, a real button with
 * aria-expanded/aria-controls.
 */
export function DisclosureButton({ panelId, open, onToggle, buttonRef, className, children }: { panelId: string; open: boolean; onToggle: () => void; buttonRef: RefObject<HTMLButtonElement>; className: string; children: ReactNode }) {
  const hydrated = useHydrated()
  if (!hydrated) {
    return (
      <a href={`#${panelId}`} className={className}>
        {children}
      </a>
    )
  }
  return (
    <button ref={buttonRef} type="button" className={className} aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
      {children}
    </button>
  )
}
