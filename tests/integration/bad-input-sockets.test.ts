import { randomUUID } from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { sendMessage, startDirectConversation } from '~/domain/messaging/service.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import type { AckError } from '~/realtime/events'
import { hostileValues, naughtySample, naughtyStrings } from '../corpus/naughty'
import { barrier, createUserWithSession, type Client, useLiveApiServer } from './messaging-support'

/**
 * Every socket command against the naughty-strings corpus, operator payloads, prototype-pollution
 * keys and values of the wrong type: each gets an answer ({data} or a refusal, never "internal"),
 * and no socket — the sender's or anyone else's — is disconnected. Frames stay under the 64 kB cap
 * (a bigger frame drops its own connection by design: ADR 005).
 */
type Command = { event: string; base: Record<string, unknown> }

/** The client without the typed event map: these tests send what the map forbids. */
const untyped = (client: Client) => client as unknown as Socket

describe('bad input on every socket command', () => {
  const live = useLiveApiServer()

  it('answers every bad payload and disconnects nobody', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const limiter = createRateLimiter({ capacity: 100, refillPerSecond: 100 })
    const { message } = await sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: 'Bonjour' }, { limiter })
    const a = await live.open(alice.cookie)
    const b = await live.open(bruno.cookie)
    const anonymous = await live.open()
    const disconnects: string[] = []
    for (const [name, client] of [['alice', a], ['bruno', b], ['anonymous', anonymous]] as const) client.on('disconnect', (reason) => disconnects.push(`${name}: ${reason}`))

    const commands: Command[] = [
      { event: 'system:ping', base: { sentAt: 0 } },
      { event: 'message:send', base: { conversationId, clientId: randomUUID(), body: 'Bonjour' } },
      { event: 'message:edit', base: { messageId: message.id, body: 'Bonjour' } },
      { event: 'message:report', base: { messageId: message.id, reason: 'Spam' } },
      { event: 'message:delete', base: { messageId: String(conversationId) } },
      { event: 'conversation:join', base: { conversationId, afterSeq: 0, changedSince: 0 } },
      { event: 'conversation:leave', base: { conversationId } },
      { event: 'conversation:read', base: { conversationId, seq: message.seq } },
      { event: 'typing:start', base: { conversationId } },
      { event: 'presence:set', base: { state: 'active' } },
      { event: 'presence:query', base: { conversationId } },
      { event: 'presence:query', base: { userIds: [bruno.id] } },
    ]

    const payloads = (command: Command, slot: number): unknown[] => {
      const variants: unknown[] = [undefined, null, 'texte', 42, [], [command.base], JSON.parse('{"__proto__": {"polluted": "oui"}}')]
      variants.push({ ...command.base, extra: 'champ inconnu' }, { ...command.base, __proto__: { polluted: 'oui' } }, JSON.parse(JSON.stringify({ ...command.base, constructor: { prototype: { polluted: 'oui' } } })))
      for (const [index, field] of Object.keys(command.base).entries()) {
        for (const value of [...naughtySample(slot * 4 + index, 60), ...hostileValues]) variants.push({ ...command.base, [field]: value })
      }
      return variants
    }

    let sent = 0
    const unanswered: string[] = []
    const internal: string[] = []
    const allowedCodes: Array<AckError['code']> = ['invalid_payload', 'forbidden', 'not_found', 'rate_limited', 'unauthenticated']
    for (const [slot, command] of commands.entries()) {
      for (const client of [a, anonymous]) {
        for (const payload of payloads(command, slot)) {
          sent++
          const ack = (await untyped(client).timeout(5_000).emitWithAck(command.event, payload).catch(() => null)) as { data?: unknown; error?: AckError } | null
          const what = `${command.event} ${JSON.stringify(payload)?.slice(0, 120)}`
          if (!ack || (ack.data === undefined) === (ack.error === undefined)) unanswered.push(what)
          else if (ack.error && !allowedCodes.includes(ack.error.code)) internal.push(`${what} → ${ack.error.code}`)
        }
        // No acknowledgement function at all: nothing to answer, nothing to crash.
        untyped(client).emit(command.event, command.base)
      }
    }

    for (const client of [a, b, anonymous]) await barrier(client)
    expect({ unanswered, internal, disconnects }).toEqual({ unanswered: [], internal: [], disconnects: [] })
    expect([a.connected, b.connected, anonymous.connected]).toEqual([true, true, true])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The whole list went through at least once.
    expect(sent).toBeGreaterThan(naughtyStrings.length * 2)
    console.info(`socket bad-input corpus: ${sent} payloads on ${commands.length} commands, ${naughtyStrings.length} naughty strings, 0 unanswered, 0 internal, 0 disconnects`)
  }, 120_000)

  it('drops only the sender of a frame over 64 kB', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const a = await live.open(alice.cookie)
    const b = await live.open(bruno.cookie)
    const dropped = new Promise<string>((resolve) => a.once('disconnect', resolve))
    untyped(a).emit('system:ping', { sentAt: 0, padding: 'x'.repeat(70 * 1024) })
    expect(await dropped).toBe('transport close')
    await barrier(b)
    expect(b.connected).toBe(true)
  })
})
