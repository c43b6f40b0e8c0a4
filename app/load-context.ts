import type { MeiliSearch } from 'meilisearch'
import type { Logger } from 'pino'
import type { TranslationAreaChunks } from './i18n/area-chunks'
import type { Mailer } from './domain/mail/mailer'
import type { RealtimePublisher } from './realtime/publisher.server'

/** What the Express server hands every Remix loader and action. */
export type PasserelleLoadContext = {
  cspNonce: string
  requestId: string
  logger: Logger
  /** Queues e-mail in the outbox (app/domain/mail/outbox.server.ts); the outbox workers deliver it. */
  mailer: Mailer
  /** The app secret (PASSERELLE_SECRET): HMAC key of signed links (unsubscribe). */
  appSecret: string
  /** Absolute origin for links in e-mails (PASSERELLE_PUBLIC_URL, else the request's origin). */
  publicUrl: string
  /** The client's IP as Express sees it (honours PASSERELLE_TRUST_PROXY); keys sign-in throttling. */
  clientIp: string
  /** Demo accounts may sign in only in demo mode (embedded database, never a real deployment). */
  demoMode: boolean
  /** The operator's address for questions (PASSERELLE_CONTACT_EMAIL), shown on « Aide et contact ». */
  contactEmail: string
  /** Meilisearch (server/search/client.ts); may be down: callers degrade, never crash. */
  search: SearchClient
  /** Pushes what a Remix action changed to the live sockets (Socket.IO server of this process). */
  realtime: RealtimePublisher
  /** The production build's map of translation areas (build/client/translation-areas.json); absent in development. */
  translationAreaChunks?: TranslationAreaChunks
}

/** The same type as server/search/client.ts's SearchClient (kept free of a server import). */
export type SearchClient = MeiliSearch

declare module '@remix-run/node' {
  interface AppLoadContext extends PasserelleLoadContext {}
}
