import type { AppLoadContext } from '@remix-run/node'
import { createNotifier, type Notifier } from '~/domain/notifications/notifier.server'

/** The notifier of a Remix action: stored, then pushed to the recipients' live sockets. */
export function notifierFor(context: Pick<AppLoadContext, 'realtime' | 'logger'>): Notifier {
  return createNotifier({ publish: context.realtime, onError: (error) => context.logger.error({ err: error }, 'notifications: could not notify') })
}
