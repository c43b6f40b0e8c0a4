import type { Logger } from '../logger.js'

/**
 * Runs periodic domain jobs in-process (at start, then every `everyMs`). The jobs are
 * idempotent conditional updates, so several server processes running them at once is
 * harmless; a failed run is logged and retried at the next tick.
 */
export type PeriodicJob = { name: string; everyMs: number; run: () => Promise<unknown> }

export function startScheduler(jobs: PeriodicJob[], logger: Logger) {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<unknown>>()
  const tick = (job: PeriodicJob) => {
    const run = job
      .run()
      .then((result) => logger.debug({ job: job.name, result }, 'job done'))
      .catch((error: unknown) => logger.error({ job: job.name, err: error }, 'job failed'))
      .finally(() => running.delete(run))
    running.add(run)
  }
  for (const job of jobs) {
    tick(job)
    const timer = setInterval(() => tick(job), job.everyMs)
    timer.unref()
    timers.push(timer)
  }
  return {
    /** Stops the timers and waits for runs in progress. */
    async stop() {
      for (const timer of timers) clearInterval(timer)
      await Promise.allSettled([...running])
    },
  }
}
