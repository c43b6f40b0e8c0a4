/**
 * Idempotent page loads through the balancer, as browsers make them: `workers` loops, each with
 * its own route cookie (a browser's), fetching `paths` in turn until stopped. Every answer that is
 * not a page (5xx, or no answer at all) counts as failed, with what it was and when it started
 * (`performance.now()`, to tell requests under way at a kill from those sent after it).
 */
export function loadPages({ url, paths, workers, cookies = [] }: { url: string; paths: string[]; workers: number; cookies?: string[] }) {
  let running = true
  let ok = 0
  const failures: string[] = []
  const failedStarts: number[] = []
  const latencies: number[] = []
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let i = 0; running; i++) {
      const target = `${url}${paths[(worker + i) % paths.length]}`
      const startedAt = performance.now()
      try {
        const response = await fetch(target, { headers: cookies[worker] ? { cookie: cookies[worker]! } : {}, redirect: 'manual', signal: AbortSignal.timeout(30_000) })
        await response.arrayBuffer()
        if (response.status >= 500) {
          failures.push(`${target} → ${response.status}`)
          failedStarts.push(startedAt)
        } else ok++
      } catch (error) {
        failures.push(`${target} → ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ''}`)
        failedStarts.push(startedAt)
      }
      latencies.push(performance.now() - startedAt)
    }
  })
  return {
    async stop() {
      running = false
      await Promise.all(loops)
      const sorted = [...latencies].sort((a, b) => a - b)
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
      /** Failures of requests sent at or after `time` (a `performance.now()` reading). */
      const failuresSentAfter = (time: number) => failures.filter((_, index) => failedStarts[index]! >= time)
      return { ok, failed: failures.length, failures, failuresSentAfter, p50: at(0.5), p99: at(0.99) }
    },
  }
}
