import { NavLink, useFetcher, useLocation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * An unread count kept fresh: loaded from `url` once the page is interactive, again on each
 * navigation and whenever `refresh` is called (a live event). One load at a time: a burst of
 * refreshes while a load runs becomes one more load afterwards (starting another would abort it).
 */
export function useUnreadCount(url: string) {
  const fetcher = useFetcher<{ unread: number }>()
  const { pathname } = useLocation()
  const wanted = useRef(true)
  const busy = fetcher.state !== 'idle'
  const load = useRef(fetcher.load)
  load.current = fetcher.load
  const [tick, setTick] = useState(0)
  const refresh = useCallback(() => {
    wanted.current = true
    setTick((value) => value + 1)
  }, [])

  useEffect(refresh, [pathname, refresh])
  useEffect(() => {
    if (busy || !wanted.current) return
    wanted.current = false
    void load.current(url)
  }, [busy, tick, url])

  return { unread: fetcher.data?.unread ?? 0, refresh }
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
