import { NavLink, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * An unread count kept fresh: loaded from `url` (a JSON resource route) once the page is
 * interactive, again after each navigation or form submission (marking things read is one) and
 * whenever `refresh` is called (a live event).
 * Plain fetch rather than a Remix fetcher: a form submission interrupts fetcher loads, and an
 * interrupted single-fetch body is logged as an error by Remix. One load at a time: a burst of
 * refreshes while a load runs becomes one more load afterwards.
 */
export function useUnreadCount(url: string) {
  const [unread, setUnread] = useState(0)
  const settled = useNavigation().state === 'idle'
  const loads = useRef({ running: false, again: false, mounted: true })

  const refresh = useCallback(() => {
    const state = loads.current
    if (state.running) {
      state.again = true
      return
    }
    state.running = true
    void (async () => {
      do {
        state.again = false
        const count = await fetchUnread(url)
        if (count !== null && state.mounted) setUnread(count)
      } while (state.again && state.mounted)
      state.running = false
    })()
  }, [url])

  useEffect(() => {
    const state = loads.current
    state.mounted = true
    return () => {
      state.mounted = false
    }
  }, [])
  useEffect(() => {
    if (settled) refresh()
  }, [settled, refresh])

  return { unread, refresh }
}

/** The count, or null when it could not be read (offline, server restarting): the badge keeps its last value. */
async function fetchUnread(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (!response.ok) return null
    const body: unknown = await response.json()
    const unread = typeof body === 'object' && body !== null && 'unread' in body ? body.unread : null
    return typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? unread : null
  } catch {
    return null
  }
}

/** A main-navigation link with its unread badge (the number for the eye, a sentence for screen readers). */
export function NavLinkWithCount({ to, className, label, unread, unreadText, testId }: { to: string; className: string; label: ReactNode; unread: number; unreadText: string; testId: string }) {
  return (
    <NavLink to={to} className={className}>
      {label}
      {unread > 0 ? (
        <>
          {' '}
          <span className="badge badge-unread" aria-hidden="true" data-testid={testId}>
            {unread > 99 ? '99+' : unread}
          </span>
          <span className="visually-hidden"> ({unreadText})</span>
        </>
      ) : null}
    </NavLink>
  )
}
