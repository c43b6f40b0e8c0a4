import { useLocation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'

const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The focusable elements of a container that are actually shown (a closed panel's are not). */
function shownFocusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(focusable)].filter((element) => element.getClientRects().length > 0)
}

/**
 * A button that shows and hides a panel (the mobile menu, the account menu, the search filters).
 * Escape closes it and gives the focus back to the button; so does a navigation. With `trapFocus`
 * Tab cycles inside `containerRef` while it is open (the mobile menu covers the page's start);
 * without, leaving it (focus or click elsewhere) closes it, as a menu does.
 */
export function useDisclosure({ trapFocus = false }: { trapFocus?: boolean } = {}) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const containerRef = useRef<HTMLElement>(null)
  const { pathname, search } = useLocation()

  useEffect(() => setOpen(false), [pathname, search])

  useEffect(() => {
    if (!open) return
    const inside = (target: EventTarget | null) => target instanceof Node && Boolean(containerRef.current?.contains(target))
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        buttonRef.current?.focus()
      } else if (event.key === 'Tab' && trapFocus && containerRef.current) {
        const items = shownFocusables(containerRef.current)
        const first = items[0]
        const last = items.at(-1)
        if (!first || !last) return
        const active = document.activeElement
        if (event.shiftKey && (active === first || !inside(active))) {
          event.preventDefault()
          last.focus()
        } else if (!event.shiftKey && (active === last || !inside(active))) {
          event.preventDefault()
          first.focus()
        }
      }
    }
    const onOutside = (event: Event) => {
      if (!inside(event.target)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onOutside)
    if (!trapFocus) document.addEventListener('focusin', onOutside)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onOutside)
      document.removeEventListener('focusin', onOutside)
    }
  }, [open, trapFocus])

  const toggle = useCallback(() => setOpen((value) => !value), [])
  return { open, toggle, buttonRef, containerRef }
}
