import { expireOverdueNeeds } from '../../app/domain/needs/service.server.js'
import { createNotifier } from '../../app/domain/notifications/notifier.server.js'
import type { RealtimePublisher } from '../../app/realtime/publisher.server.js'
import type { PeriodicJob } from './scheduler.js'

const HOUR = 60 * 60 * 1000

/** Every periodic job of the platform; what they tell people reaches open tabs through `publish`. */
export function platformJobs(options: { publish?: RealtimePublisher } = {}): PeriodicJob[] {
  const notifier = createNotifier({ publish: options.publish })
  return [
    // Needs whose deadline day is over are closed as "expired" (issue 4's lifecycle); their companies are told.
    { name: 'expire-overdue-needs', everyMs: HOUR, run: () => expireOverdueNeeds({ notifier }) },
  ]
}
