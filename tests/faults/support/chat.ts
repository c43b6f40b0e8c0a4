import { randomUUID } from 'node:crypto'
import { io } from 'socket.io-client'
import type { MessageView } from '~/domain/messaging/schema'
import { createConversationSync } from '~/realtime/conversation-sync'
import type { AckError } from '~/realtime/events'
import { createOutbox, type OutboxSocket } from '~/realtime/outbox'
import { reconnectAfterRefusal, type ClientSocket } from '~/realtime/socket-client'

export type Person = { id: string; name: string; cookie: string }

/**
 * A person in a conversation, behaving as the browser does: a socket.io-client that reconnects
 * by itself, the page's outbox (conversation's messages kept until acknowledged, sent again with
 * the same client id) and its conversation sync (join + catch-up by seq, gaps filled). The same
 * modules as app/realtime/use-conversation.ts, without React.
 */
export function startChatClient({
  url,
  person,
  conversationId,
  transports = ['websocket'],
}: {
  url: string
  person: Person
  conversationId: string
  /** WebSocket only by default; ['polling', 'websocket'] as a browser starts (long-polling needs a sticky balancer). */
  transports?: Array<'polling' | 'websocket'>
}) {
  const socket: ClientSocket = io(url, {
    transports,
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 1_000,
    extraHeaders: { cookie: person.cookie },
  })
  const stopRetrying = reconnectAfterRefusal(socket, 300)
  /** Every attempt of every send: how long its answer took and what it was. */
  const attempts: Array<{ ms: number; code: AckError['code'] | 'ok'; message?: string }> = []
  const instrumented: OutboxSocket = {
    get connected() {
      return socket.connected
    },
    on: socket.on.bind(socket),
    off: socket.off.bind(socket),
    timeout: (ms: number) => ({
      emitWithAck: async (event: 'message:send', payload: { conversationId: string; clientId: string; body: string }) => {
        const startedAt = performance.now()
        try {
          const ack = await socket.timeout(ms).emitWithAck(event, payload)
          attempts.push({ ms: performance.now() - startedAt, code: ack.data ? 'ok' : ack.error.code, message: ack.error?.message })
          return ack
        } catch (error) {
          attempts.push({ ms: performance.now() - startedAt, code: 'unavailable' })
          throw error
        }
      },
    }) as never,
  } as OutboxSocket
  const sent = new Map<string, string>()
  const acked = new Map<string, MessageView>()
  const refused: Array<{ clientId: string; error: AckError }> = []
  const sync = createConversationSync({ conversationId, socket, initial: { messages: [], lastSeq: 0, renderedAt: Date.now() }, onChange: () => {} })
  const outbox = createOutbox({
    socket: instrumented,
    onSent: (item, message) => {
      acked.set(item.clientId, message)
      sync.take([message])
    },
    onRefused: (item, error) => refused.push({ clientId: item.clientId, error }),
  })
  return {
    person,
    conversationId,
    socket,
    sync,
    outbox,
    sent,
    acked,
    refused,
    attempts,
    /** Writes a message: the outbox sends it now or later. */
    send(body: string) {
      const clientId = randomUUID()
      sent.set(clientId, body)
      outbox.add({ conversationId, clientId, body })
      return clientId
    },
    close() {
      stopRetrying()
      sync.stop()
      outbox.stop()
      socket.disconnect()
    },
  }
}

export type ChatClient = ReturnType<typeof startChatClient>

/**
 * Sends `rate` messages a second in total, from randomly chosen clients, until stopped. Returns a
 * stop function.
 */
export function sendSteadily(clients: ChatClient[], rate: number) {
  let sequence = 0
  const startedAt = performance.now()
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - startedAt) / 1_000) * rate)
    while (sequence < due) {
      const client = clients[Math.floor(Math.random() * clients.length)]!
      client.send(`message ${sequence++} de ${client.person.name}`)
    }
  }, 10)
  return () => clearInterval(timer)
}
