import { describe, expect, it } from 'vitest'
import { startDirectConversation } from '~/domain/messaging/service.server'
import type { PresenceEvent } from '~/realtime/events'
import { barrier, createUserWithSession, record, socketClient, type Client, useLiveApiServer } from './messaging-support'
import { useTwoServerProcesses } from './two-processes-support'

/** Resolves with the next presence change about this person (to that status, if given: announcements of earlier changes may still arrive). */
function nextPresence(client: Client, userId: string, status?: PresenceEvent['status']): Promise<PresenceEvent> {
  return new Promise((resolve) => {
    const listener = (event: PresenceEvent) => {
      if (event.userId !== userId || (status && event.status !== status)) return
      client.off('presence:changed', listener)
      resolve(event)
    }
    client.on('presence:changed', listener)
  })
}

const setState = (client: Client, state: 'active' | 'idle') => client.timeout(5_000).emitWithAck('presence:set', { state })
const query = (client: Client, payload: { conversationId: string } | { userIds: string[] }) => client.timeout(5_000).emitWithAck('presence:query', payload)

describe('presence over Socket.IO (one process)', () => {
  const live = useLiveApiServer()
  const open = (cookie?: string) => live.open(cookie)
  /** Alice and Bruno share a conversation; Olivia shares none with them. */
  const arrange = async () => {
    const [alice, bruno, olivia] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno'), createUserWithSession('Olivia')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    return { alice, bruno, olivia, conversationId }
  }


  it('shows a co-participant online, then away when their tab is idle, then offline when it closes', async () => {
    const { alice, bruno, conversationId } = await arrange()
    const a = await open(alice.cookie)
    expect((await query(a, { conversationId })).data?.presence).toEqual({ [bruno.id]: 'offline' })

    const online = nextPresence(a, bruno.id)
    const b = await open(bruno.cookie)
    expect(await online).toMatchObject({ userId: bruno.id, status: 'online' })
    expect((await query(a, { userIds: [bruno.id] })).data?.presence).toEqual({ [bruno.id]: 'online' })

    const away = nextPresence(a, bruno.id)
    expect((await setState(b, 'idle')).data).toEqual({ status: 'away' })
    expect(await away).toMatchObject({ status: 'away' })
    expect((await query(a, { conversationId })).data?.presence).toEqual({ [bruno.id]: 'away' })

    const back = nextPresence(a, bruno.id)
    await setState(b, 'active')
    expect(await back).toMatchObject({ status: 'online' })

    const offline = nextPresence(a, bruno.id)
    b.disconnect()
    expect(await offline).toMatchObject({ status: 'offline' })
    expect((await query(a, { conversationId })).data?.presence).toEqual({ [bruno.id]: 'offline' })
  })

  it('counts every tab: online while one is in use, away only when all are idle', async () => {
    const { alice, bruno } = await arrange()
    const a = await open(alice.cookie)
    const [b1, b2] = [await open(bruno.cookie), await open(bruno.cookie)]
    expect((await setState(b1, 'idle')).data).toEqual({ status: 'online' })
    expect((await query(a, { userIds: [bruno.id] })).data?.presence[bruno.id]).toBe('online')
    expect((await setState(b2, 'idle')).data).toEqual({ status: 'away' })
    expect((await query(a, { userIds: [bruno.id] })).data?.presence[bruno.id]).toBe('away')
    // Closing one idle tab leaves the other: still away, not offline.
    const still = nextPresence(a, bruno.id)
    b1.disconnect()
    expect(await still).toMatchObject({ status: 'away' })
  })

  it('refuses a stranger’s presence query, and a stranger receives no presence event', async () => {
    const { alice, bruno, olivia, conversationId } = await arrange()
    const o = await open(olivia.cookie)
    const events = record(o, 'presence:changed')
    expect((await query(o, { userIds: [alice.id] })).error?.code).toBe('forbidden')
    // A conversation she is not in is the same answer as one that does not exist.
    expect((await query(o, { conversationId })).error?.code).toBe('not_found')

    const a = await open(alice.cookie)
    const seen = nextPresence(a, bruno.id)
    const b = await open(bruno.cookie)
    await seen
    await setState(b, 'idle')
    b.disconnect()
    await barrier(o)
    await barrier(a)
    expect(events).toEqual([])

    // Bruno asking about Alice and Olivia together is refused as a whole.
    const b2 = await open(bruno.cookie)
    const refused = await query(b2, { userIds: [alice.id, olivia.id] })
    expect(refused.error?.code).toBe('forbidden')
    expect(refused.data).toBeUndefined()
  })

  it('answers nothing to an anonymous socket and validates payloads', async () => {
    const { bruno, conversationId } = await arrange()
    const anonymous = await open()
    expect((await query(anonymous, { conversationId })).error?.code).toBe('unauthenticated')
    expect((await query(anonymous, { userIds: [bruno.id] })).error?.code).toBe('unauthenticated')
    const b = await open(bruno.cookie)
    expect((await b.timeout(5_000).emitWithAck('presence:set', { state: 'asleep' } as never)).error?.code).toBe('invalid_payload')
    expect((await b.timeout(5_000).emitWithAck('presence:query', { userIds: ['not-an-id'] })).error?.code).toBe('invalid_payload')
    expect(b.connected).toBe(true)
  })
})

/** Two server processes behind one database (MongoDB adapter): presence is computed from both. */
describe('presence across two server processes', () => {
  const servers = useTwoServerProcesses()

  it('sees a person online on the other process, away only when their tabs on both processes are idle', async () => {
    const [alice, bruno] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const a = await socketClient(servers.urls[0]!, alice.cookie)
    servers.clients.push(a)
    const online = nextPresence(a, bruno.id)
    const onB = await socketClient(servers.urls[1]!, bruno.cookie)
    const onA = await socketClient(servers.urls[0]!, bruno.cookie)
    servers.clients.push(onB, onA)
    expect(await online).toMatchObject({ status: 'online' })

    expect((await setState(onA, 'idle')).data).toEqual({ status: 'online' }) // the tab on the other process is in use
    // Bruno's second tab was announced "online" too; that announcement may still be on its way.
    const away = nextPresence(a, bruno.id, 'away')
    expect((await setState(onB, 'idle')).data).toEqual({ status: 'away' })
    expect(await away).toMatchObject({ status: 'away' })
    expect((await query(a, { conversationId })).data?.presence).toEqual({ [bruno.id]: 'away' })

    onA.disconnect()
    onB.disconnect()
    // Both gone: whichever announcement comes last says offline; the query says it too.
    await expect.poll(async () => (await query(a, { conversationId })).data?.presence[bruno.id]).toBe('offline')
  })
})
