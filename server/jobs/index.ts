import type { AlertSearch } from '../../app/domain/alerts/matches.server.js'
import { runDueAlerts } from '../../app/domain/alerts/run.server.js'
import type { MailLinks } from '../../app/domain/notifications/email-compose.js'
import { runDueDigests } from '../../app/domain/notifications/email-digest.server.js'
import { dispatchNotificationMails } from '../../app/domain/notifications/email-dispatch.server.js'
import { mailUnreadMessages } from '../../app/domain/notifications/email-messages.server.js'
import { expireOverdueNeeds } from '../../app/domain/needs/service.server.js'
import { createNotifier } from '../../app/domain/notifications/notifier.server.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'
import type { PeriodicJob } from './scheduler.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Every periodic job of the platform; what they tell people reaches open tabs through `publish`. */
export function platformJobs(options: { publish?: RealtimePublisher; mail?: MailLinks; search?: AlertSearch } = {}): PeriodicJob[] {
  const notifier = createNotifier({ publish: options.publish })
  const { mail, search } = options
  return [
    // Needs whose deadline day is over are closed as "expired" (issue 4's lifecycle); their companies are told.
    { name: 'expire-overdue-needs', everyMs: HOUR, run: () => expireOverdueNeeds({ notifier }) },
    ...(mail
      ? [
          // Each new notification's e-mail: queued at once, kept for a digest, or none (issue 14).
          { name: 'notification-mails', everyMs: 5 * SECOND, run: () => dispatchNotificationMails(mail) },
          // Unread messages: one e-mail per conversation burst, once it has been quiet a few minutes.
          { name: 'message-mails', everyMs: 30 * SECOND, run: () => mailUnreadMessages(mail) },
          // Daily (7:00 Paris) and weekly (Mondays) digests, once per period.
          { name: 'mail-digests', everyMs: 10 * MINUTE, run: () => runDueDigests(mail, new Date(), search) },
        ]
      : []),
    ...(mail && search
      ? [
          // Saved-search alerts: the new needs of each search, daily or weekly, on the digests' schedule.
          { name: 'search-alerts', everyMs: 10 * MINUTE, run: () => runDueAlerts(mail, search) },
        ]
      : []),
  ]
}
