import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What one HTTP request reads once and shares between its loaders (the root's and the page's run
 * side by side, each with its own copy of the Request, so the Request cannot be the key).
 * server/app-server.ts runs every Remix request inside a scope.
 */
export type RequestScope = { reads: Map<string, Promise<unknown>> }

// One store per process: the Remix build and the Express server each load their own copy of this module.
const STORE = Symbol.for('passerelle.request-scope')
const scopes: AsyncLocalStorage<RequestScope> = ((globalThis as Record<symbol, unknown>)[STORE] ??= new AsyncLocalStorage<RequestScope>()) as AsyncLocalStorage<RequestScope>

export function inRequestScope<T>(run: () => T): T {
  return scopes.run({ reads: new Map() }, run)
}

/** `read()` once per request and key; outside a request scope, every call reads. */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore()
  if (!scope) return read()
  let pending = scope.reads.get(key) as Promise<T> | undefined
  if (!pending) scope.reads.set(key, (pending = read()))
  return pending
}
