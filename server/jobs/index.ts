import { expireOverdueNeeds } from '../../app/domain/needs/service.server.js'
import type { PeriodicJob } from './scheduler.js'

const HOUR = 60 * 60 * 1000

/** Every periodic job of the platform. */
export const platformJobs: PeriodicJob[] = [
  // Needs whose deadline day is over are closed as "expired" (issue 4's lifecycle).
  { name: 'expire-overdue-needs', everyMs: HOUR, run: () => expireOverdueNeeds() },
]
