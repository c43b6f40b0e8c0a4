import type { Server } from 'socket.io'

/**
 * Socket.IO's in-memory adapter keeps every broadcast for connection-state recovery but drops
 * the old ones only once a minute: at 2,000 msg/s that is up to a minute and a half of packets
 * (~180k messages, over 100 MB) and long garbage collections that show in delivery latency. This
 * trims the list to the recovery window every `everyMs`.
 *
 * It relies on the adapter's `packets` list (socket.io-adapter 2.5's SessionAwareAdapter, oldest
 * first, each with `emittedAt`); with any other adapter (MongoDB across processes) it does
 * nothing. Returns a function that stops it.
 */
export function trimRecoveryPackets(io: Server, { windowMs, everyMs = 2_000 }: { windowMs: number; everyMs?: number }): () => void {
  const adapter = io.of('/').adapter as unknown as { packets?: unknown }
  if (!Array.isArray(adapter.packets)) return () => {}
  const packets = adapter.packets as Array<{ emittedAt: number }>
  const timer = setInterval(() => {
    const threshold = Date.now() - windowMs
    let expired = 0
    while (expired < packets.length && packets[expired]!.emittedAt < threshold) expired++
    if (expired) packets.splice(0, expired)
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
