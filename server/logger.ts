import { createRequire } from 'node:module'
import { pino, type Logger } from 'pino'

export type { Logger }

/** JSON logs by default; human-readable when a person watches a terminal and pino-pretty is installed. */
export function createLogger(level: string): Logger {
  const wantsPretty = process.stdout.isTTY && canResolve('pino-pretty')
  return pino({
    level,
    base: { app: 'passerelle' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    ...(wantsPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } } : {}),
  })
}

function canResolve(specifier: string) {
  try {
    createRequire(import.meta.url).resolve(specifier)
    return true
  } catch {
    return false
  }
}
