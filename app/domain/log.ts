/**
 * How the domain reports what it cannot tell the person (a background write that failed, a push
 * that did not go out). The process that runs the domain injects its logger once at start
 * (`useDomainLog(logger)` in server/main.ts); pino's Logger fits this shape. Until then (scripts,
 * tests) lines go to the console, so nothing is silently lost.
 */
export type DomainLog = {
  error: (fields: Record<string, unknown>, message: string) => void
  warn: (fields: Record<string, unknown>, message: string) => void
}

const consoleLog: DomainLog = {
  error: (fields, message) => console.error(message, fields),
  warn: (fields, message) => console.warn(message, fields),
}

const LOG = Symbol.for('passerelle.domain.log')
// Shared through globalThis: the Remix build and the server's own modules are two module graphs.
const shared = globalThis as Record<symbol, DomainLog | undefined>

export function useDomainLog(log: DomainLog): void {
  shared[LOG] = log
}

/** The injected log (read at each call, so a log injected after a module loaded is still used). */
export function domainLog(): DomainLog {
  return shared[LOG] ?? consoleLog
}
