import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { endAllSessions, Session } from '~/domain/auth/session.server'
import { endSession, startSession } from '~/http/session.server'
import { suspendUser } from '~/domain/moderation/service.server'
import { createUserWithSession, useLiveApiServer, type Client } from './messaging-support'
import { makeUser } from './factories'

/**
 * Ending a session closes its live sockets at once — whatever ends it (sign-out, sign-out
 * everywhere, suspension, expiry) — and only those. Across two processes: socket-two-processes.test.ts.
 */
describe('ended sessions and live sockets', () => {
  const live = useLiveApiServer()
  const connected = async (...cookies: string[]) => {
    const clients = await Promise.all(cookies.map((cookie) => live.open(cookie)))
    // The session room is joined on connection; a round trip makes sure it is done.
    for (const client of clients) await client.timeout(5_000).emitWithAck('system:ping', { sentAt: 0 })
    return clients
  }
  const closing = (...clients: Client[]) => Promise.all(clients.map((client) => new Promise((resolve) => client.once('disconnect', resolve))))
  const anotherSession = async (userId: string) => (await startSession(new Request('http://localhost/'), userId)).split(';')[0]!

  it('signing out closes the sockets of that session, not those of the person’s other devices', async () => {
    const [person, other] = await Promise.all([createUserWithSession('Sam'), createUserWithSession('Noé')])
    const otherDeviceCookie = await anotherSession(person.id)
    const [tab1, tab2, otherDevice, bystander] = await connected(person.cookie, person.cookie, otherDeviceCookie, other.cookie)
    const closed = closing(tab1!, tab2!)
    await endSession(new Request('http://localhost/', { headers: { cookie: person.cookie } }))
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect([otherDevice!.connected, bystander!.connected]).toEqual([true, true])
  })

  it('signing out everywhere closes every socket of the person, and only theirs', async () => {
    const [person, other] = await Promise.all([createUserWithSession('Léa'), createUserWithSession('Noé')])
    const [tab, otherDevice, bystander] = await connected(person.cookie, await anotherSession(person.id), other.cookie)
    const closed = closing(tab!, otherDevice!)
    await endAllSessions(person.id)
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect(bystander!.connected).toBe(true)
  })

  it('a suspension closes the person’s sockets (it ends their sessions)', async () => {
    const [admin, person] = await Promise.all([makeUser('admin'), createUserWithSession('Sacha')])
    const [tab] = await connected(person.cookie)
    const closed = closing(tab!)
    await suspendUser(admin, person.id, 3, 'Propos insultants')
    expect(await closed).toEqual(['io server disconnect'])
  })

  it('an expired session, removed by MongoDB’s TTL monitor, closes its sockets too', async () => {
    const person = await createUserWithSession('Élie')
    const [tab] = await connected(person.cookie)
    const closed = closing(tab!)
    // What the TTL index does to an expired session: a plain delete of its document.
    await Session.collection.deleteMany({ userId: new mongoose.Types.ObjectId(person.id) })
    expect(await closed).toEqual(['io server disconnect'])
  })
})
