import { describe, expect, it } from 'vitest'
import { createUserWithSession, useLiveApiServer } from './messaging-support'

describe('suspension and live sockets', () => {
  const live = useLiveApiServer()

  it('closes every socket of a suspended person at once, and only theirs', async () => {
    const [suspended, other] = await Promise.all([createUserWithSession('Sam'), createUserWithSession('Noé')])
    const [tab1, tab2, bystander] = await Promise.all([live.open(suspended.cookie), live.open(suspended.cookie), live.open(other.cookie)])
    // The user room is joined on connection; a round trip makes sure it is done.
    for (const client of [tab1, tab2, bystander]) await client.timeout(5_000).emitWithAck('system:ping', { sentAt: 0 })
    const closed = Promise.all([tab1, tab2].map((client) => new Promise((resolve) => client.once('disconnect', resolve))))

    live.server.realtime({ type: 'user:suspended', userId: suspended.id })

    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect(bystander.connected).toBe(true)
  })
})
