/**
 * Messaging benchmark: N authenticated Socket.IO clients in conversations of K members send at
 * a fixed total rate through the real server with MongoDB persistence (forked, see
 * bench/messaging-server.ts). For each rate of the ladder it prints sent/acked/refused,
 * delivered/expected, lost and duplicated deliveries, p50/p95/p99 delivery latency, p99 ack
 * latency, the CPU of the server, of mongod and of this load generator, and server memory per
 * connection (idle, then after each rate: the growth then is mostly Socket.IO's connection-state-
 * recovery buffer, proportional to the message rate), the event-loop delay (high: the server lacks
 * CPU) and the server's and mongod's CPU time per message (comparable across runs on a busy
 * machine); it stops climbing once p99 passes 100 ms (unless --keep-going).
 *
 *   npm run bench:messaging -- --clients 1000 --room 5 --rates 500,1000,2000,3000 --seconds 10
 *   npm run bench:messaging -- --clients 1000 --rates 2000 --seconds 10 --profile /tmp/prof
 *
 * Bookkeeping is exact: every send has a unique client id; a delivery is one (message, receiver)
 * pair, expected for each other member of the room once the send is acked as created. A pair seen
 * twice is a duplicate, a pair never seen after the drain is lost, a delivery to someone outside
 * the room (or back to the sender's socket) is a leak. A send refused with "slow down"
 * (`rate_limited`) is sent again with the same client id after 250–500 ms, up to 5 times, as a
 * real client would; its latencies count from the first try.
 */
import { fork } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../app/realtime/events.js'
import type { MessageView } from '../app/domain/messaging/schema.js'
import { APP_NODE_FLAGS } from '../server/node-flags.js'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>
type Ready = { url: string; cookies: string[]; conversations: string[]; roomSize: number }
type Stats = {
  cpuPercent: number
  mongodCpuPercent: number
  elapsedMs: number
  loopDelayP99Ms: number
  writer: { batches: number; documents: number; totalMs: number; maxMs: number }
  gc: { scavenges: number; scavengeMs: number; others: number; otherMs: number; maxMs: number }
  rssBytes: number
  idleRssBytes: number
  heapBytes: number
}

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    room: { type: 'string', default: '5' },
    rates: { type: 'string', default: '500,1000,1500,2000,2500,3000' },
    seconds: { type: 'string', default: '10' },
    'keep-going': { type: 'boolean', default: false },
    /** A directory: the server's CPU profile of each rung's sending is written there. */
    profile: { type: 'string' },
    /** Also print, per second of sending, the p99 of the messages sent in that second (spikes or a steady tail?). */
    timeline: { type: 'boolean', default: false },
    /** Options for the server's node (space-separated); the app's own (server/node-flags.ts) by default, '' for none: A/B runs. */
    'server-flags': { type: 'string' },
  },
})
const clientsCount = Number(values.clients)
const roomSize = Number(values.room)
const rates = values.rates!.split(',').map(Number)
const seconds = Number(values.seconds)
const P99_TARGET_MS = 100
const MAX_RETRIES = 5
const RETRY_AFTER_MS = 250

const percentile = (sorted: Float64Array | number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One send and what became of it. */
type Send = {
  sender: number
  sentAt: number
  ackedAt?: number
  outcome?: 'created' | 'rate_limited' | 'error'
  /** Times the server said "slow down" and the client sent the same message (same client id) again. */
  retries: number
  /** Bit i: the room member at position i received it. */
  receivedBy: number
}

async function main() {
  const serverFlags = values['server-flags'] === undefined ? APP_NODE_FLAGS : values['server-flags'].split(' ').filter(Boolean)
  const execArgv = [...serverFlags, '--import', 'tsx', '--expose-gc']
  console.log(`server node flags: ${serverFlags.join(' ') || '(none)'}`)
  const child = fork(new URL('./messaging-server.ts', import.meta.url).pathname, [JSON.stringify({ clients: clientsCount, roomSize })], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const nextMessage = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (message: { type: string }) => {
        if (message.type === type) {
          child.off('message', on)
          resolve(message as T)
        }
      }
      child.on('message', on)
    })
  console.log(`starting the server and creating ${clientsCount} users…`)
  const ready = await nextMessage<Ready>('ready')

  // Client i is member (i % roomSize) of conversation floor(i / roomSize).
  const roomOf = (index: number) => Math.floor(index / roomSize)
  const clients: Client[] = []
  for (let i = 0; i < ready.cookies.length; i += 100) {
    const batch = ready.cookies.slice(i, i + 100).map(async (cookie, j) => {
      const socket: Client = connect(ready.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } })
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve)
        socket.once('connect_error', reject)
      })
      const ack = await socket.timeout(30_000).emitWithAck('conversation:join', { conversationId: ready.conversations[roomOf(i + j)]! })
      if (ack.error) throw new Error(ack.error.message)
      return socket
    })
    clients.push(...(await Promise.all(batch)))
  }
  const conversationIndex = new Map(ready.conversations.map((id, index) => [id, index]))
  child.send({ type: 'stats' })
  const connected = await nextMessage<Stats>('stats')
  console.log(
    `${clients.length} clients connected in ${ready.conversations.length} conversations of ${roomSize}: server RSS +${((connected.rssBytes - connected.idleRssBytes) / clients.length / 1024).toFixed(1)} kB per connection (load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  )

  // Per rung: the sends by client id (the body carries nothing the bench relies on).
  let sends = new Map<string, Send>()
  let latencies: number[] = []
  /** Per second of sending (since the rung began): the latencies of the deliveries of messages sent then. */
  let timeline: number[][] = []
  let rungStartedAt = 0
  let duplicates = 0
  let leaks = 0
  let unknown = 0
  clients.forEach((socket, receiver) => {
    socket.on('message:created', (message: MessageView) => {
      const now = performance.now()
      const send = sends.get(message.clientId)
      if (!send) return void unknown++
      if (conversationIndex.get(message.conversationId) !== roomOf(receiver) || receiver === send.sender) return void leaks++
      const bit = 1 << (receiver % roomSize)
      if (send.receivedBy & bit) return void duplicates++
      send.receivedBy |= bit
      latencies.push(now - send.sentAt)
      if (values.timeline) (timeline[Math.floor((send.sentAt - rungStartedAt) / 1000)] ??= []).push(now - send.sentAt)
    })
  })

  // Senders take turns in a shuffled order: every client sends at rate / clients per second.
  const order = clients.map((_, index) => index)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  let turn = 0
  let sequence = 0
  const runId = Math.random().toString(36).slice(2, 8)

  console.log(
    'rate msg/s | sent | created | slowed down (sent again) | refused after 5 tries | errors | no ack | delivered/expected | lost | dup | leaks | p50 ms | p95 ms | p99 ms | ack p99 ms | server loop delay p99 ms | bench loop delay p99 ms | insert batches: n, mean size, mean/max ms | server GC: scavenges n/ms, other n/ms, longest ms | server CPU % | mongod CPU % | bench CPU % | CPU µs/msg server+mongod | RSS growth/conn kB | heap MB | load',
  )
  let verdict = ''
  // This process receives every delivery: if its own event loop lags, the latencies it measures grow too.
  const benchLoop = monitorEventLoopDelay({ resolution: 10 })
  benchLoop.enable()
  for (const rate of rates) {
    benchLoop.reset()
    timeline = []
    rungStartedAt = performance.now()
    sends = new Map()
    latencies = []
    duplicates = 0
    leaks = 0
    unknown = 0
    let sent = 0
    child.send({ type: 'stats' })
    await nextMessage<Stats>('stats')
    if (values.profile) child.send({ type: 'profile:start' })
    const ownCpuBefore = process.cpuUsage()
    const start = performance.now()
    // Catch-up pacing: each tick sends whatever the rate says is due by now, so a late timer
    // does not lower the offered rate.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - start
        const due = Math.min(Math.floor((rate * elapsed) / 1000), rate * seconds)
        while (sent < due) {
          const sender = order[turn++ % order.length]!
          const clientId = `${runId}-${rate}-${sequence++}`
          const send: Send = { sender, sentAt: performance.now(), receivedBy: 0, retries: 0 }
          sends.set(clientId, send)
          sent++
          const payload = { conversationId: ready.conversations[roomOf(sender)]!, clientId, body: `bench ${clientId}` }
          // As a real client does: told to slow down, it waits a little and sends the same message
          // again (same client id, so never twice); it gives up after a few tries.
          const attempt = () =>
            clients[sender]!.emit('message:send', payload, (ack) => {
              if (ack.error?.code === 'rate_limited' && send.retries < MAX_RETRIES) {
                send.retries++
                setTimeout(attempt, RETRY_AFTER_MS * (1 + Math.random()))
                return
              }
              send.ackedAt = performance.now()
              send.outcome = ack.data ? 'created' : ack.error.code === 'rate_limited' ? 'rate_limited' : 'error'
            })
          attempt()
        }
        if (sent >= rate * seconds) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    const sendingMs = performance.now() - start
    if (values.profile) {
      child.send({ type: 'profile:stop', dir: values.profile })
      const { file } = await nextMessage<{ file: string }>('profile:written')
      console.log(`  server CPU profile of the sending: ${file}`)
    }
    // Every ack, then every expected delivery (or a deadline: what is missing then is lost).
    const all = [...sends.values()]
    const expectedNow = () => all.reduce((sum, send) => sum + (send.outcome === 'created' ? roomSize - 1 : 0), 0)
    const deadline = performance.now() + 30_000
    while (performance.now() < deadline && (all.some((send) => !send.outcome) || latencies.length < expectedNow())) await sleep(50)
    await sleep(200) // late duplicates, if any, land here
    const elapsedMs = performance.now() - start
    const ownCpu = process.cpuUsage(ownCpuBefore)
    child.send({ type: 'stats' })
    const stats = await nextMessage<Stats>('stats')

    const created = all.filter((send) => send.outcome === 'created')
    const expected = created.length * (roomSize - 1)
    const deliveredToCreated = created.reduce((sum, send) => sum + bitCount(send.receivedBy), 0)
    const sorted = Float64Array.from(latencies).sort()
    const ackSorted = Float64Array.from(all.filter((send) => send.ackedAt !== undefined).map((send) => send.ackedAt! - send.sentAt)).sort()
    const p99 = percentile(sorted, 99)
    const row = [
      rate,
      sent,
      created.length,
      all.filter((send) => send.retries > 0).length,
      all.filter((send) => send.outcome === 'rate_limited').length,
      all.filter((send) => send.outcome === 'error').length,
      all.filter((send) => !send.outcome).length,
      `${latencies.length}/${expected}`,
      expected - deliveredToCreated,
      duplicates,
      leaks + unknown,
      percentile(sorted, 50).toFixed(1),
      percentile(sorted, 95).toFixed(1),
      p99.toFixed(1),
      percentile(ackSorted, 99).toFixed(1),
      stats.loopDelayP99Ms.toFixed(0),
      (benchLoop.percentile(99) / 1e6).toFixed(0),
      `${stats.writer.batches}, ${(stats.writer.documents / Math.max(stats.writer.batches, 1)).toFixed(1)}, ${(stats.writer.totalMs / Math.max(stats.writer.batches, 1)).toFixed(1)}/${stats.writer.maxMs.toFixed(0)}`,
      `${stats.gc.scavenges}/${stats.gc.scavengeMs.toFixed(0)}, ${stats.gc.others}/${stats.gc.otherMs.toFixed(0)}, ${stats.gc.maxMs.toFixed(0)}`,
      stats.cpuPercent.toFixed(0),
      stats.mongodCpuPercent.toFixed(0),
      ((100 * (ownCpu.user + ownCpu.system)) / 1000 / elapsedMs).toFixed(0),
      // The server's and mongod's CPU per accepted message: comparable across runs on a busy machine.
      `${((stats.cpuPercent * stats.elapsedMs * 10) / Math.max(created.length, 1)).toFixed(0)}+${((stats.mongodCpuPercent * stats.elapsedMs * 10) / Math.max(created.length, 1)).toFixed(0)}`,
      ((stats.rssBytes - stats.idleRssBytes) / clients.length / 1024).toFixed(1),
      (stats.heapBytes / 1024 / 1024).toFixed(0),
      os.loadavg()[0]!.toFixed(2),
    ]
    console.log(row.join(' | '))
    if (values.timeline) {
      const perSecond = Array.from(timeline, (second) => (second ? percentile(Float64Array.from(second).sort(), 99).toFixed(0) : '-'))
      console.log(`  p99 ms of the messages sent in each second: ${perSecond.join(' ')}`)
    }
    if (sendingMs > seconds * 1000 * 1.1) console.log(`  (the generator needed ${(sendingMs / 1000).toFixed(1)} s to send ${seconds} s worth: it is saturated)`)
    const clean = expected - deliveredToCreated === 0 && duplicates === 0 && leaks + unknown === 0 && created.length === sent
    if (p99 < P99_TARGET_MS && clean) verdict = `highest rate with p99 < ${P99_TARGET_MS} ms, nothing lost, duplicated or refused: ${rate} msg/s`
    if (p99 > P99_TARGET_MS && !values['keep-going']) {
      console.log(`p99 passed ${P99_TARGET_MS} ms at ${rate} msg/s: stopping the ladder.`)
      break
    }
    await sleep(1_000) // buckets refill a little, the server settles
  }
  console.log(verdict || `no rate met p99 < ${P99_TARGET_MS} ms with nothing lost, duplicated or refused`)
  for (const socket of clients) socket.disconnect()
  await sleep(2_000) // the server's disconnect work (presence) ends before its database closes
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.send({ type: 'stop' })
  await exited
  if (values.profile) console.log(`summary of the newest profile: node --import tsx bench/messaging-profile.ts ${values.profile}`)
}

function bitCount(bits: number) {
  let count = 0
  for (let rest = bits; rest; rest &= rest - 1) count++
  return count
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
