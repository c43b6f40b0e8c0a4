import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '~/http/session.server'
import { sendMessage, startDirectConversation } from '~/domain/messaging/service.server'
import { createNeed } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { createNotifier } from '~/domain/notifications/notifier.server'
import { acceptProposal, createProposal } from '~/domain/proposals/service.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import { startApiServer } from './app-support'
import { barrier, createUserWithSession, next, record, socketClient, type Client } from './messaging-support'
import { companyWithMember, connectMarketplaceDb, labWithMember, makeUser, needInput, proposalInput } from './factories'

/** Notifications reach the recipient's open sockets through the real publisher and Socket.IO server. */
describe('notifications pushed live', () => {
  let server: Awaited<ReturnType<typeof startApiServer>>
  const clients: Client[] = []
  const connectAs = async (userId: string) => {
    const cookie = (await startSession(new Request('http://localhost/'), userId)).split(';')[0]!
    const client = await socketClient(server.url, cookie)
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    await connectMarketplaceDb()
    await Notification.init()
    server = await startApiServer()
  })
  afterAll(async () => {
    for (const client of clients) client.disconnect()
    await server.stop()
    await mongoose.disconnect()
  })

  it('pushes "proposal received" to the company and "accepted" to the proposer, each only to their own sockets', async () => {
    const notifier = createNotifier({ publish: server.realtime })
    const company = await companyWithMember()
    const { id: needId } = await createNeed(company.member, company.orgId, needInput({ territory: undefined, title: 'Vision en direct', confidentiality: 'anonymous' }), { submit: true })
    const lab = await labWithMember()
    const stranger = await makeUser('researcher')
    const [companySocket, labSocket, strangerSocket] = await Promise.all([connectAs(company.member.id), connectAs(lab.member.id), connectAs(stranger.id)])
    const strangerReceived = record(strangerSocket, 'notification:created')
    const labReceived = record(labSocket, 'notification:created')

    const arrived = next(companySocket, 'notification:created')
    const { id: proposalId } = await createProposal(lab.member, needId, lab.orgId, randomUUID(), proposalInput(), { notifier })
    const received = await arrived
    const stored = await Notification.findOne({ recipientId: company.member.id }).lean()
    expect(received).toMatchObject({ id: String(stored!._id), kind: 'proposal_received', link: `/besoins/${needId}`, readAt: null, data: { needTitle: 'Vision en direct', inDiscussion: true } })
    await barrier(labSocket)
    expect(labReceived).toEqual([]) // the proposer is not told of their own act

    const accepted = next(labSocket, 'notification:created')
    const { projectId } = await acceptProposal(company.member, proposalId, { notifier })
    const notice = await accepted
    expect(notice).toMatchObject({ kind: 'proposal_accepted', link: `/projets/${projectId}`, data: { needTitle: 'Vision en direct' } })
    // Anonymised need: the push carries nothing of the company.
    expect(JSON.stringify(notice)).not.toContain(company.orgId)
    expect(Object.keys(notice.data)).toEqual(['needTitle'])

    await barrier(strangerSocket)
    expect(strangerReceived).toEqual([])
  })

  it('announces a new message to the other participants’ own rooms (author, short preview), not to the author nor outsiders', async () => {
    const [alice, bruno, olivia] = await Promise.all([createUserWithSession('Alice'), createUserWithSession('Bruno'), createUserWithSession('Olivia')])
    const { id: conversationId } = await startDirectConversation(alice.actor, bruno.id)
    const [a, b, o] = await Promise.all([socketClient(server.url, alice.cookie), socketClient(server.url, bruno.cookie), socketClient(server.url, olivia.cookie)])
    clients.push(a, b, o)
    const toAuthor = record(a, 'inbox:message')
    const toOutsider = record(o, 'inbox:message')
    const announced = next(b, 'inbox:message')
    // Through the socket command, as the browser sends it (the publisher is the same for Remix actions).
    const ack = await a.timeout(5_000).emitWithAck('message:send', { conversationId, clientId: randomUUID(), body: 'On se voit **jeudi** pour le prototype ?' })
    expect(ack.error).toBeUndefined()
    expect(await announced).toEqual({ conversationId, author: { id: alice.id, name: 'Alice' }, preview: 'On se voit jeudi pour le prototype ?' })

    // A message posted without JavaScript (the Remix action calls the service): the feed announces it just the same.
    const again = next(b, 'inbox:message')
    await sendMessage(alice.actor, conversationId, { clientId: randomUUID(), body: 'Sans JavaScript' }, { limiter: createRateLimiter({ capacity: 100, refillPerSecond: 100 }) })
    expect((await again).preview).toBe('Sans JavaScript')

    await Promise.all([barrier(a), barrier(o)])
    expect(toAuthor).toEqual([])
    expect(toOutsider).toEqual([])
  })
})
