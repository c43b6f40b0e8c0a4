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
import { companyWithMember, connectMarketplaceDb, join, makeUser, needInput } from './factories'
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
})
