import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session } from '~/domain/auth/session.server'
import { getSessionUserFromCookie, startSession } from '~/http/session.server'
import { acceptCurrentTerms, currentTermsAcceptance } from '~/domain/legal/acceptance.server'
import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { Conversation, Message, ReadReceipt } from '~/domain/messaging/model.server'
import { createRateLimiter } from '~/domain/messaging/rate-limit'
import * as messaging from '~/domain/messaging/service.server'
import { createNeed } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { Membership } from '~/domain/orgs/model.server'
import { User } from '~/domain/users/model.server'
import { DELETED_ACCOUNT_NAME, deleteAccount, exportAccountData, LastOwnerError } from '~/domain/users/privacy.server'
import { MeetingRegistration } from '~/domain/meetings/model.server'
import { ensureMeetingIndexes, registerForMeeting } from '~/domain/meetings/registrations.server'
import { createMeeting } from '~/domain/meetings/service.server'
import { GuichetRequest } from '~/domain/territories/guichet-model.server'
import { companyWithMember, connectMarketplaceDb, join, makeUser, needInput, saintClaude } from './factories'
import { createUserWithSession } from './messaging-support'

const limiter = createRateLimiter({ capacity: 1_000, refillPerSecond: 1_000 })
const cookieOf = async (userId: string) => (await startSession(new Request('http://localhost/'), userId)).split(';')[0]!

describe('terms of use', () => {
  beforeAll(connectMarketplaceDb)
  afterAll(() => mongoose.disconnect())

  it('asks a person without the current version, records it once with its date, then stops asking', async () => {
    const person = await makeUser('researcher')
    await User.updateOne({ _id: person.id }, { $set: { termsAcceptances: [{ version: '2025-01-01', acceptedAt: new Date('2025-01-02') }] } })
    const cookie = await cookieOf(person.id)
    expect((await getSessionUserFromCookie(cookie))?.mustAcceptTerms).toBe(true)
    expect(await currentTermsAcceptance(person)).toBeNull()

    await Promise.all([acceptCurrentTerms(person), acceptCurrentTerms(person)])
    const stored = await User.findById(person.id, { termsAcceptances: 1 }).lean()
    expect(stored!.termsAcceptances.map((acceptance) => acceptance.version)).toEqual(['2025-01-01', CURRENT_TERMS_VERSION])
    expect(await currentTermsAcceptance(person)).toBeInstanceOf(Date)
    expect((await getSessionUserFromCookie(cookie))?.mustAcceptTerms).toBe(false)
  })
})

describe('my data: export and deletion', () => {
  beforeAll(async () => {
    await connectMarketplaceDb()
    await Promise.all([Conversation.init(), Message.init(), ReadReceipt.init(), Notification.init(), Session.init()])
  })
  afterAll(() => mongoose.disconnect())

  /** Claire owns a company with a colleague, wrote a need and talks with Bruno. */
  async function claireWithHistory() {
    const { orgId, member: claire } = await companyWithMember()
    const colleague = await makeUser('industrialist')
    await join(colleague, orgId, 'member')
    const need = await createNeed(claire, orgId, needInput({ title: `Pièces injectées ${randomUUID().slice(0, 6)}` }))
    const bruno = await createUserWithSession('Bruno Export')
    const claireName = claire.name
    const { id: conversationId } = await messaging.startDirectConversation(claire, bruno.id)
    const said = await messaging.sendMessage(claire, conversationId, { clientId: randomUUID(), body: 'Bonjour Bruno, voici nos contraintes.' }, { limiter })
    await messaging.sendMessage(bruno.actor, conversationId, { clientId: randomUUID(), body: 'Merci Claire.' }, { limiter })
    await Notification.create({ recipientId: claire.id, kind: 'need_status', data: { needTitle: 'x' }, link: '/besoins' })
    const cookie = await cookieOf(claire.id)
    return { claire, claireName, orgId, colleague, need, bruno, conversationId, messageId: said.message.id, cookie }
  }

  it('exports everything about the person, and nothing secret', async () => {
    const { claire, claireName, orgId, need, conversationId } = await claireWithHistory()
    const exported = await exportAccountData(claire)
    expect(exported.account).toMatchObject({ id: claire.id, name: claireName })
    expect(exported.organisations).toEqual([expect.objectContaining({ id: orgId, role: 'owner' })])
    expect(exported.needsCreated.map((n) => n.id)).toEqual([need.id])
    expect(exported.conversations.map((c) => c.id)).toEqual([conversationId])
    expect(exported.messagesWritten.map((m) => m.body)).toEqual(['Bonjour Bruno, voici nos contraintes.'])
    expect(exported.notifications).toHaveLength(1)
    expect(exported.sessions).toHaveLength(1)
    const text = JSON.stringify(exported)
    expect(text).not.toContain('passwordHash')
    expect(text).not.toContain('tokenHash')
    // The other participant's message and address are theirs, not Claire's.
    expect(text).not.toContain('Merci Claire.')
  })

  it('refuses while the person is the only owner of an organisation, and says which', async () => {
    const { claire, orgId } = await claireWithHistory()
    const user = await User.findById(claire.id).lean()
    const refusal = await deleteAccount(claire, { confirmEmail: user!.email }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(LastOwnerError)
    expect((refusal as LastOwnerError).organisations.map((org) => org.id)).toEqual([orgId])
    expect(await User.exists({ _id: claire.id, deletedAt: null })).toBeTruthy()
  })

  it('refuses a confirmation that is not the account’s address', async () => {
    const person = await makeUser('researcher')
    await expect(deleteAccount(person, { confirmEmail: 'quelqu-un@exemple.test' })).rejects.toMatchObject({ code: 'invalid', fieldErrors: { confirmEmail: ['legal.myData.confirmMismatch'] } })
    expect(await User.exists({ _id: person.id, deletedAt: null })).toBeTruthy()
  })

  it('erases the person, ends every session, keeps their messages for the others under « Compte supprimé »', async () => {
    const { claire, orgId, colleague, need, bruno, conversationId, messageId, cookie } = await claireWithHistory()
    await Membership.updateOne({ orgId, userId: colleague.id }, { $set: { role: 'owner' } })
    const user = await User.findById(claire.id).lean()

    await deleteAccount(claire, { confirmEmail: `  ${user!.email.toUpperCase()} ` })

    const after = await User.findById(claire.id).lean()
    expect(after).toMatchObject({ name: DELETED_ACCOUNT_NAME, title: '', emailVerifiedAt: null, termsAcceptances: [] })
    expect(after!.deletedAt).toBeInstanceOf(Date)
    expect(after!.email).not.toBe(user!.email)
    expect(await getSessionUserFromCookie(cookie)).toBeNull()
    expect(await Session.countDocuments({ userId: claire.id })).toBe(0)
    expect(await Membership.countDocuments({ userId: claire.id })).toBe(0)
    expect(await Notification.countDocuments({ recipientId: claire.id })).toBe(0)
    // The address is free again: the person may come back with a new account.
    expect(await User.exists({ email: user!.email })).toBeNull()

    // Bruno still reads the conversation, Claire's message signed by the deleted account.
    const history = await messaging.history(bruno.actor, conversationId)
    const hers = history.messages.find((message) => message.id === messageId)
    expect(hers).toMatchObject({ body: 'Bonjour Bruno, voici nos contraintes.', author: { id: claire.id, name: DELETED_ACCOUNT_NAME } })
    // The company keeps its need, and its remaining owner.
    expect(await Membership.exists({ orgId, userId: colleague.id, role: 'owner' })).toBeTruthy()
    const { Need } = await import('~/domain/needs/model.server')
    expect(await Need.exists({ _id: need.id })).toBeTruthy()
    // Nobody can start a conversation with, or open the page of, a deleted account.
    await expect(messaging.startDirectConversation(bruno.actor, claire.id)).rejects.toMatchObject({ code: 'not_found' })
    const { getMemberProfile } = await import('~/domain/orgs/profile.server')
    await expect(getMemberProfile(bruno.actor, claire.id)).rejects.toMatchObject({ code: 'not_found' })
    // Nothing left to export, nothing to delete twice.
    await expect(exportAccountData(claire)).rejects.toMatchObject({ code: 'not_found' })
    await expect(deleteAccount(claire, { confirmEmail: user!.email })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('exports the requests to a guichet and the meeting registrations; deletion gives the seat to the next one waiting and leaves the requests unsigned', async () => {
    const { orgId, member: claire } = await companyWithMember()
    const colleague = await makeUser('industrialist')
    await join(colleague, orgId, 'owner')
    const user = await User.findById(claire.id).lean()
    await ensureMeetingIndexes()
    const hautJura = { kind: 'territory' as const, ref: 'haut-jura' }
    const animator = await makeUser('animator', { animates: [hautJura] })
    const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000)
    const { id: meetingId } = await createMeeting(animator, {
      title: 'Rencontre plasturgie',
      description: 'Entreprises et laboratoires.',
      scope: hautJura,
      organisers: [],
      domains: ['plastics'],
      filieres: ['lunetterie'],
      capacity: 1,
      startsAt: inDays(10),
      endsAt: inDays(10, 3),
      registrationDeadline: inDays(9),
      place: saintClaude,
      onlineUrl: null,
    })
    const waiting = await companyWithMember()
    expect((await registerForMeeting(claire, meetingId, orgId)).status).toBe('registered')
    expect((await registerForMeeting(waiting.member, meetingId, waiting.orgId)).status).toBe('waitlisted')
    const requester = { name: claire.name, email: user!.email, company: 'Plasturgie Claire', language: 'fr' }
    const [signedIn, asGuest] = await GuichetRequest.create([
      { territory: 'haut-jura', status: 'open', subject: 'Aide au prototypage', message: 'Nous cherchons un laboratoire.', requester: { ...requester, userId: claire.id } },
      { territory: 'haut-jura', status: 'answered', subject: 'Question posée en invitée', message: 'Avant mon compte.', requester, steps: [{ step: 'answer', by: animator.id, at: new Date(), message: 'Voici le contact.' }] },
    ])

    const exported = await exportAccountData(claire)
    expect(exported.guichetRequests.map((request) => request.subject).sort()).toEqual(['Aide au prototypage', 'Question posée en invitée'])
    expect(exported.guichetRequests.find((request) => request.id === String(asGuest!._id))!.steps).toEqual([expect.objectContaining({ step: 'answer', message: 'Voici le contact.' })])
    expect(JSON.stringify(exported.guichetRequests)).not.toContain(animator.id)
    expect(exported.meetingRegistrations).toEqual([expect.objectContaining({ meetingId, meetingTitle: 'Rencontre plasturgie', status: 'registered' })])

    await deleteAccount(claire, { confirmEmail: user!.email })

    expect((await MeetingRegistration.findOne({ meetingId, userId: claire.id }).lean())!.status).toBe('cancelled')
    expect((await MeetingRegistration.findOne({ meetingId, userId: waiting.member.id }).lean())!.status).toBe('registered')
    for (const request of [signedIn!, asGuest!]) {
      const stored = (await GuichetRequest.findById(request._id).lean())!
      expect(stored.requester).toMatchObject({ userId: null, name: DELETED_ACCOUNT_NAME })
      expect(stored.requester.email).not.toBe(user!.email)
      expect(stored.message).toBe(request.message)
    }
  })
})
