import type { ServerBuild } from '@remix-run/node'
import { isDatabaseUnavailable } from '../../app/domain/unavailable.js'

const wrapped = new WeakSet<ServerBuild>()

/**
 * Every loader and action of the build, answering 503 (the "service momentarily unavailable"
 * page, in the page's language) when the database is out of reach or past its time limit —
 * instead of a bare 500 after the driver gave up. Routes need not think about it: whatever
 * database read fails that way, the person reads "try again in a moment" and nothing hangs
 * longer than the connection's operation time limit (server/db.ts).
 */
export function answerUnavailableAs503(build: ServerBuild): ServerBuild {
  if (wrapped.has(build)) return build
  for (const route of Object.values(build.routes)) {
    const module = route.module as { loader?: (...args: never[]) => unknown; action?: (...args: never[]) => unknown }
    for (const name of ['loader', 'action'] as const) {
      const original = module[name]
      if (!original) continue
      // Route modules are frozen ES module namespaces: replace the route's module with a copy.
      route.module = { ...route.module, [name]: async (...args: never[]) => {
        try {
          return await original(...args)
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw new Response('Service momentanément indisponible', { status: 503, headers: { 'Retry-After': '5' } })
          throw error
        }
      } } as typeof route.module
    }
  }
  wrapped.add(build)
  return build
}
