/**
 * Messaging benchmark: N authenticated Socket.IO clients in conversations of K members send at
 * a fixed total rate through the real server with MongoDB persistence (forked, see
 * bench/messaging-server.ts). For each rate of the ladder it prints delivered/expected,
 * duplicates, rate-limit refusals, p50/p95/p99 delivery latency, server CPU and memory per
 * connection; it stops climbing once p99 passes 100 ms.
 *
 *   node --import tsx bench/messaging.ts --clients 1000 --room 5 --rates 250,500,1000,1500,2000,3000 --seconds 5
 */
import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../app/realtime/events.js'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>
type Ready = { url: string; cookies: string[]; conversations: string[]; roomSize: number }
type Stats = { cpuPercent: number; rssBytes: number; heapBytes: number }

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    room: { type: 'string', default: '5' },
    rates: { type: 'string', default: '250,500,1000,1500,2000,3000' },
    seconds: { type: 'string', default: '5' },
  },
})
const clientsCount = Number(values.clients)
const roomSize = Number(values.room)
const rates = values.rates!.split(',').map(Number)
const seconds = Number(values.seconds)

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN)

async function main() {
  const child = fork(new URL('./messaging-server.ts', import.meta.url).pathname, [JSON.stringify({ clients: clientsCount, roomSize })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const nextMessage = <T>(type: string) => new Promise<T>((resolve) => {
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

  // Connect in batches; each client joins its conversation (membership checked by the server).
  const clients: Array<{ socket: Client; conversationId: string }> = []
  for (let i = 0; i < ready.cookies.length; i += 100) {
    const batch = ready.cookies.slice(i, i + 100).map(async (cookie, j) => {
      const socket: Client = connect(ready.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } })
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve)
        socket.once('connect_error', reject)
      })
      const conversationId = ready.conversations[Math.floor((i + j) / roomSize)]!
      const ack = await socket.timeout(10_000).emitWithAck('conversation:join', { conversationId })
      if (ack.error) throw new Error(ack.error.message)
      return { socket, conversationId }
    })
    clients.push(...(await Promise.all(batch)))
  }
  console.log(`${clients.length} clients connected in ${ready.conversations.length} conversations of ${roomSize}`)

  // Delivery bookkeeping: the body carries the send time (same clock: same machine, same process).
  let latencies: number[] = []
  let delivered = 0
  let duplicates = 0
  let seen = new Set<string>()
  clients.forEach(({ socket }, index) => {
    socket.on('message:created', (message) => {
      const key = `${message.id}:${index}`
      if (seen.has(key)) duplicates++
      else {
        seen.add(key)
        delivered++
        latencies.push(performance.now() - Number(message.body.split(' ')[0]))
      }
    })
  })

  console.log('rate msg/s | sent | acked | refused(rate) | errors | delivered/expected | dup | p50 ms | p95 ms | p99 ms | server CPU % | RSS/conn kB')
  for (const rate of rates) {
    latencies = []
    delivered = 0
    duplicates = 0
    seen = new Set()
    let sent = 0
    let acked = 0
    let rateLimited = 0
    let errors = 0
    let expected = 0
    const pending: Array<Promise<void>> = []
    child.send({ type: 'stats' })
    await nextMessage<Stats>('stats')
    const tickMs = 10
    const perTick = rate / (1000 / tickMs)
    let budget = 0
    const start = performance.now()
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        budget += perTick
        while (budget >= 1) {
          budget -= 1
          const { socket, conversationId } = clients[Math.floor(Math.random() * clients.length)]!
          sent++
          pending.push(
            socket
              .timeout(30_000)
              .emitWithAck('message:send', { conversationId, clientId: randomUUID(), body: `${performance.now()} bench` })
              .then((ack) => {
                if (ack.data) {
                  acked++
                  expected += roomSize - 1
                } else if (ack.error.code === 'rate_limited') rateLimited++
                else errors++
              })
              .catch(() => {
                errors++
              }),
          )
        }
        if (performance.now() - start >= seconds * 1000) {
          clearInterval(timer)
          resolve()
        }
      }, tickMs)
    })
    await Promise.all(pending)
    child.send({ type: 'stats' })
    const stats = await nextMessage<Stats>('stats')
    // Broadcasts leave before the ack; a short drain lets the last ones land.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const sorted = [...latencies].sort((a, b) => a - b)
    const row = [
      rate,
      sent,
      acked,
      rateLimited,
      errors,
      `${delivered}/${expected}`,
      duplicates,
      percentile(sorted, 50).toFixed(1),
      percentile(sorted, 95).toFixed(1),
      percentile(sorted, 99).toFixed(1),
      stats.cpuPercent.toFixed(0),
      (stats.rssBytes / clients.length / 1024).toFixed(1),
    ]
    console.log(row.join(' | '))
    if (percentile(sorted, 99) > 100) {
      console.log(`p99 passed 100 ms at ${rate} msg/s: stopping the ladder.`)
      break
    }
  }
  for (const { socket } of clients) socket.disconnect()
  child.send({ type: 'stop' })
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
