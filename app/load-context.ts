import type { Logger } from 'pino'

/** What the Express server hands every Remix loader and action. */
export type PasserelleLoadContext = {
  cspNonce: string
  requestId: string
  logger: Logger
}

declare module '@remix-run/node' {
  interface AppLoadContext extends PasserelleLoadContext {}
}
