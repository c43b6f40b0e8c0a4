import mongoose from 'mongoose'
import { Message } from '~/domain/messaging/model.server'
import type { ChatClient } from './chat'

/**
 * What became of every message, counted from the outside: what the clients sent and were told,
 * what MongoDB holds, and what each member's conversation shows once everything has settled.
 */
export type Tally = {
  sent: number
  acked: number
  stored: number
  /** Acknowledged with a stored message that MongoDB does not hold (the promise broken). */
  ackedButMissing: number
  /** A (conversation, author, client id) stored more than once, or a conversation whose seqs are not 1…N. */
  storedTwice: number
  seqGaps: number
  /** (member, stored message) pairs expected, shown, missing; a message shown twice by one member. */
  expectedDeliveries: number
  delivered: number
  lost: number
  duplicated: number
  /** Sends still waiting in an outbox, or refused for good. */
  waiting: number
  refused: number
  /** Every attempt of every send: the longest wait for an answer, and the answers that said "not now". */
  attempts: number
  longestWaitMs: number
  unavailableAnswers: number
  busyAnswers: number
  /** What the people were told when a send was not acknowledged, and how often. */
  refusals: Record<string, number>
}

async function storedByConversation(conversationIds: string[]) {
  const stored = await Message.find({ conversationId: { $in: conversationIds.map((id) => new mongoose.Types.ObjectId(id)) } }, { conversationId: 1, authorId: 1, clientId: 1, seq: 1 })
    .read('primary')
    .lean()
  const byConversation = new Map<string, typeof stored>()
  for (const message of stored) byConversation.set(String(message.conversationId), [...(byConversation.get(String(message.conversationId)) ?? []), message])
  return { stored, byConversation }
}

/** Waits until every outbox is empty and every member has caught up with what is stored. */
export async function settle(clients: ChatClient[], { timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { byConversation } = await storedByConversation([...new Set(clients.map((client) => client.conversationId))]).catch(() => ({ byConversation: null }))
    const done =
      byConversation !== null &&
      clients.every((client) => client.outbox.items().length === 0) &&
      clients.every((client) => client.sync.state().lastSeq >= (byConversation.get(client.conversationId) ?? []).length)
    if (done) return
    if (Date.now() > deadline) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

export async function tally(clients: ChatClient[]): Promise<Tally> {
  const conversationIds = [...new Set(clients.map((client) => client.conversationId))]
  const { stored, byConversation } = await storedByConversation(conversationIds)
  const storedIds = new Set(stored.map((message) => String(message._id)))
  const keys = new Map<string, number>()
  for (const message of stored) {
    const key = `${String(message.conversationId)}:${String(message.authorId)}:${message.clientId}`
    keys.set(key, (keys.get(key) ?? 0) + 1)
  }
  let seqGaps = 0
  for (const messages of byConversation.values()) {
    const seqs = messages.map((message) => message.seq).sort((a, b) => a - b)
    seqs.forEach((seq, index) => (seqGaps += seq === index + 1 ? 0 : 1))
  }
  let expectedDeliveries = 0
  let delivered = 0
  let duplicated = 0
  for (const client of clients) {
    const shown = client.sync.state().messages
    const inConversation = byConversation.get(client.conversationId) ?? []
    expectedDeliveries += inConversation.length
    const shownIds = new Set(shown.map((message) => message.id))
    delivered += inConversation.filter((message) => shownIds.has(String(message._id))).length
    const shownKeys = new Map<string, number>()
    for (const message of shown) shownKeys.set(`${message.author.id}:${message.clientId}`, (shownKeys.get(`${message.author.id}:${message.clientId}`) ?? 0) + 1)
    duplicated += [...shownKeys.values()].reduce((sum, count) => sum + count - 1, 0) + shown.filter((message) => !storedIds.has(message.id)).length
  }
  const attempts = clients.flatMap((client) => client.attempts)
  return {
    sent: clients.reduce((sum, client) => sum + client.sent.size, 0),
    acked: clients.reduce((sum, client) => sum + client.acked.size, 0),
    stored: stored.length,
    ackedButMissing: clients.reduce((sum, client) => sum + [...client.acked.values()].filter((message) => !storedIds.has(message.id)).length, 0),
    storedTwice: [...keys.values()].reduce((sum, count) => sum + count - 1, 0),
    seqGaps,
    expectedDeliveries,
    delivered,
    lost: expectedDeliveries - delivered,
    duplicated,
    waiting: clients.reduce((sum, client) => sum + client.outbox.items().length, 0),
    refused: clients.reduce((sum, client) => sum + client.refused.length, 0),
    attempts: attempts.length,
    longestWaitMs: Math.round(Math.max(0, ...attempts.map((attempt) => attempt.ms))),
    unavailableAnswers: attempts.filter((attempt) => attempt.code === 'unavailable').length,
    busyAnswers: attempts.filter((attempt) => attempt.code === 'rate_limited').length,
    refusals: attempts.reduce<Record<string, number>>((counted, attempt) => {
      if (attempt.code !== 'ok') counted[attempt.message || `(${attempt.code}, no answer)`] = (counted[attempt.message || `(${attempt.code}, no answer)`] ?? 0) + 1
      return counted
    }, {}),
  }
}

/** One line per scenario, so CI logs and docs/benchmarks.md show the counts. */
export function printTally(scenario: string, counts: Tally) {
  const { refusals, ...figures } = counts
  const line = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')
  console.log(`[faults] ${scenario}: ${line}`)
  for (const [message, count] of Object.entries(refusals)) console.log(`[faults]   ${count} × « ${message} »`)
}

/** The promise, as the tests check it: everything sent is stored once, acknowledged, and shown once to every member. */
export function expectNothingLost(counts: Tally, expect: (value: unknown) => { toEqual: (expected: unknown) => void }) {
  expect({
    ackedButMissing: counts.ackedButMissing,
    storedTwice: counts.storedTwice,
    seqGaps: counts.seqGaps,
    lost: counts.lost,
    duplicated: counts.duplicated,
    waiting: counts.waiting,
    refused: counts.refused,
    allAcked: counts.acked === counts.sent,
    allStored: counts.stored === counts.sent,
  }).toEqual({ ackedButMissing: 0, storedTwice: 0, seqGaps: 0, lost: 0, duplicated: 0, waiting: 0, refused: 0, allAcked: true, allStored: true })
}
