import { describe, expect, it } from 'vitest'
import type { MessageView } from '~/domain/messaging/schema'
import type { Ack } from '~/realtime/events'
import { createOutbox, type OutboxSocket } from '~/realtime/outbox'

/** A socket whose sends the test answers one by one. */
function fakeSocket() {
  const listeners = new Map<string, Set<() => void>>()
  const sends: Array<{ payload: { clientId: string; body: string }; answer: (ack: Ack<MessageView>) => void }> = []
  const socket = {
    connected: true,
    on: (event: string, listener: () => void) => listeners.set(event, (listeners.get(event) ?? new Set()).add(listener)),
    off: (event: string, listener: () => void) => listeners.get(event)?.delete(listener),
    timeout: () => ({ emitWithAck: (_event: string, payload: { clientId: string; body: string }) => new Promise<Ack<MessageView>>((answer) => sends.push({ payload, answer })) }),
  }
  const emit = (event: string) => listeners.get(event)?.forEach((listener) => listener())
  return { socket: socket as unknown as OutboxSocket, sends, emit }
}

const stored = (clientId: string) => ({ data: { id: clientId.padStart(24, '0'), clientId } as MessageView })
const tick = () => new Promise((resolve) => setImmediate(resolve))
const memoryStorage = () => {
  const values = new Map<string, string>()
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) }
}

describe('outbox', () => {
  it('sends the messages of a conversation one at a time, in order, and forgets each once stored', async () => {
    const { socket, sends } = fakeSocket()
    const sent: string[] = []
    const outbox = createOutbox({ socket, onSent: (item) => sent.push(item.clientId) })
    outbox.add({ conversationId: 'c', clientId: 'client-01', body: 'un' })
    outbox.add({ conversationId: 'c', clientId: 'client-02', body: 'deux' })
    expect(sends.map((send) => send.payload.clientId)).toEqual(['client-01'])
    sends[0]!.answer(stored('client-01'))
    await tick()
    expect(sends.map((send) => send.payload.clientId)).toEqual(['client-01', 'client-02'])
    sends[1]!.answer(stored('client-02'))
    await tick()
    expect(sent).toEqual(['client-01', 'client-02'])
    expect(outbox.items()).toEqual([])
    outbox.stop()
  })

  it('keeps a message the server could not store and sends it again, same client id, at the next connection', async () => {
    const { socket, sends, emit } = fakeSocket()
    const outbox = createOutbox({ socket })
    outbox.add({ conversationId: 'c', clientId: 'client-01', body: 'pendant la panne' })
    sends[0]!.answer({ error: { code: 'unavailable', message: 'Service momentanément indisponible' } })
    await tick()
    expect(outbox.items()).toMatchObject([{ clientId: 'client-01', lastError: 'unavailable' }])
    emit('connect')
    expect(sends.map((send) => send.payload.clientId)).toEqual(['client-01', 'client-01'])
    sends[1]!.answer(stored('client-01'))
    await tick()
    expect(outbox.items()).toEqual([])
    outbox.stop()
  })

  it('sends again on the new link a message whose answer was lost with the old one', async () => {
    const { socket, sends, emit } = fakeSocket()
    const outbox = createOutbox({ socket })
    outbox.add({ conversationId: 'c', clientId: 'client-01', body: 'coupé' })
    emit('disconnect')
    emit('connect')
    expect(sends.map((send) => send.payload.clientId)).toEqual(['client-01', 'client-01'])
    sends[1]!.answer(stored('client-01'))
    await tick()
    expect(outbox.items()).toEqual([])
    outbox.stop()
  })

  it('takes out and reports a message refused for good, then sends the next one', async () => {
    const { socket, sends } = fakeSocket()
    const refused: string[] = []
    const outbox = createOutbox({ socket, onRefused: (item, error) => refused.push(`${item.clientId}:${error.code}`) })
    outbox.add({ conversationId: 'c', clientId: 'client-01', body: 'x' })
    outbox.add({ conversationId: 'c', clientId: 'client-02', body: 'y' })
    sends[0]!.answer({ error: { code: 'not_found', message: '' } })
    await tick()
    expect(refused).toEqual(['client-01:not_found'])
    expect(sends.map((send) => send.payload.clientId)).toEqual(['client-01', 'client-02'])
    outbox.stop()
  })

  it('survives a reload: what was waiting is read back from storage and sent', async () => {
    const storage = memoryStorage()
    const offline = { ...fakeSocket().socket, connected: false } as OutboxSocket
    const before = createOutbox({ socket: offline, storage, storageKey: 'k' })
    before.add({ conversationId: 'c', clientId: 'client-01', body: 'écrit avant le rechargement' })
    before.stop()
    const second = fakeSocket()
    const after = createOutbox({ socket: second.socket, storage, storageKey: 'k' })
    await tick()
    expect(second.sends.map((send) => send.payload)).toEqual([{ conversationId: 'c', clientId: 'client-01', body: 'écrit avant le rechargement' }])
    after.stop()
  })
})
