import { useEffect, useState } from 'react'

/**
 * False during server rendering and the first client render, true once React runs in the
 * browser: widgets render their no-JavaScript form first and enhance themselves after.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
