import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '~/domain/actor'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { signUnsubscribeToken } from '~/domain/mail/signed-links'
import { ModerationState } from '~/domain/moderation/model.server'
import { hideContent } from '~/domain/moderation/service.server'
import { createNeed } from '~/domain/needs/service.server'
import { runDigest } from '~/domain/notifications/email-digest.server'
import { dispatchNotificationMails } from '~/domain/notifications/email-dispatch.server'
import { Notification } from '~/domain/notifications/model.server'
import { createNotifier } from '~/domain/notifications/notifier.server'
import { checkUnsubscribe, getMailPreferences, unsubscribeWithToken, updateMailPreferences } from '~/domain/notifications/preferences.server'
import { defaultMailPreferences } from '~/domain/notifications/preferences'
import { createProposal, declineProposal, shortlistProposal } from '~/domain/proposals/service.server'
import { User } from '~/domain/users/model.server'
import { readOutbox, waitForMail, type CapturedMail } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { companyWithMember, connectMarketplaceDb, join, labWithMember, makeUser, needInput, proposalInput } from './factories'

/**
 * Notification e-mails against a real mongod and the real SMTP capture server: preferences decide
 * (immediate / digest / none), each e-mail is in its recipient's language with a link to the page
 * and a one-click unsubscribe link, digests hold exactly their notifications — and never a need
 * title the recipient may no longer see.
 */
const links = { publicUrl: 'http://passerelle.test', secret: 'un-secret-de-test-d-au-moins-trente-deux-caracteres' }
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Notification.init(), ModerationState.init()])
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})

const notifier = createNotifier()
const emailOf = async (actor: Actor) => (await User.findById(actor.id).lean())!.email
async function mailsFor(actor: Actor): Promise<CapturedMail[]> {
  const email = await emailOf(actor)
  return (await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(email))
}
/** A header as sent (mailparser turns List-* headers into objects). */
const rawHeader = (item: CapturedMail, name: string) => item.parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '')

/** What the leading process does every few seconds, then what the outbox workers do. */
async function dispatchAndDeliver() {
  await dispatchNotificationMails(links)
  await mail.drain()
}

async function publishedNeed(title: string, overrides: Parameters<typeof needInput>[0] = {}) {
  const company = await companyWithMember({ name: `Entreprise ${randomUUID().slice(0, 6)}` })
  const colleague = await makeUser('industrialist')
  await join(colleague, company.orgId)
  const { id } = await createNeed(company.member, company.orgId, needInput({ title, territory: undefined, ...overrides }), { submit: true })
  return { ...company, colleague, needId: id }
}
const propose = (lab: Awaited<ReturnType<typeof labWithMember>>, needId: string) =>
  createProposal(lab.member, needId, lab.orgId, randomUUID(), proposalInput(), { notifier })

describe('immediate notification e-mails', () => {
  it('go at once to those who chose it, in their language, with the page’s link and a one-click unsubscribe; never twice', async () => {
    const company = await publishedNeed('Vision sur presse à injecter')
    await User.updateOne({ _id: company.colleague.id }, { $set: { language: 'en' } })
    const lab = await labWithMember()
    await propose(lab, company.needId)
    await dispatchAndDeliver()

    const french = await waitForMail(await emailOf(company.member), { outboxDir: mail.outboxDir })
    expect(french.subject).toMatch(/a proposé une réponse à votre besoin « Vision sur presse à injecter »/)
    expect(french.text).toContain(`http://passerelle.test/besoins/${company.needId}`)
    expect(french.html).toContain('<html lang="fr"')
    expect(french.html).toContain(`href="http://passerelle.test/besoins/${company.needId}"`)
    const unsubscribe = rawHeader(french, 'list-unsubscribe')!
    expect(unsubscribe).toMatch(/^<http:\/\/passerelle\.test\/desabonnement\/[a-f0-9]{24}\.proposal_received\.[\w-]{22}>$/)
    expect(rawHeader(french, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(french.text).toContain(unsubscribe.slice(1, -1))

    const english = await waitForMail(await emailOf(company.colleague), { outboxDir: mail.outboxDir })
    expect(english.subject).toMatch(/proposed an answer to your need/)
    expect(english.html).toContain('<html lang="en"')
    // The proposer is not told about their own proposal.
    expect(await mailsFor(lab.member)).toEqual([])

    // Run again (another tick, another leader): nothing more.
    await dispatchAndDeliver()
    expect(await mailsFor(company.member)).toHaveLength(1)
    expect(await Notification.countDocuments({ recipientId: company.member.id, mail: 'queued' })).toBe(1)
  })

  it('honour preferences: in the app only, a digest (nothing now), and no e-mail to an address not yet confirmed', async () => {
    const company = await publishedNeed('Capteurs de vibration')
    const unverified = await makeUser('industrialist')
    await join(unverified, company.orgId)
    await User.updateOne({ _id: unverified.id }, { $set: { emailVerifiedAt: null } })
    await updateMailPreferences(company.member, { ...defaultMailPreferences('industrialist'), proposal_received: 'in_app' })
    await updateMailPreferences(company.colleague, { ...defaultMailPreferences('industrialist'), proposal_received: 'weekly' })
    expect((await getMailPreferences(company.member)).preferences.proposal_received).toBe('in_app')
    // Only what differs from the persona's defaults is stored.
    expect((await User.findById(company.member.id).lean())!.mailPreferences).toEqual({ proposal_received: 'in_app' })

    await propose(await labWithMember(), company.needId)
    await dispatchAndDeliver()
    for (const person of [company.member, company.colleague, unverified]) expect(await mailsFor(person)).toEqual([])
    const states = async (actor: Actor) => (await Notification.find({ recipientId: actor.id }).lean()).map((item) => item.mail)
    expect(await states(company.member)).toEqual(['none'])
    expect(await states(company.colleague)).toEqual(['weekly'])
    expect(await states(unverified)).toEqual(['none'])
  })

  it('refuse preferences a kind does not allow', async () => {
    const person = await makeUser('researcher')
    await expect(updateMailPreferences(person, { ...defaultMailPreferences('researcher'), message: 'weekly' })).rejects.toMatchObject({ code: 'invalid' })
  })
})

describe('digests', () => {
  it('hold exactly the notifications of their frequency, once per period, and never a need hidden since', async () => {
    const lab = await labWithMember()
    const researcher = lab.member
    const other = await labWithMember()
    // Defaults of a researcher: a decline in the daily digest, a shortlist at once — moved to weekly here.
    await updateMailPreferences(researcher, { ...defaultMailPreferences('researcher'), proposal_shortlisted: 'weekly' })

    const open = await publishedNeed('Jumeau numérique de ligne')
    const secret = await publishedNeed('Projet confidentiel Alpha', { confidentiality: 'anonymous' })
    const weekly = await publishedNeed('Recyclage des copeaux')
    const others = await publishedNeed('Besoin d’un autre labo')
    const proposalIds = {
      open: (await propose(lab, open.needId)).id,
      secret: (await propose(lab, secret.needId)).id,
      weekly: (await propose(lab, weekly.needId)).id,
      others: (await propose(other, others.needId)).id,
    }
    await declineProposal(open.member, proposalIds.open, 'too_early', undefined, { notifier })
    await declineProposal(secret.member, proposalIds.secret, 'off_topic', undefined, { notifier })
    await shortlistProposal(weekly.member, proposalIds.weekly, { notifier })
    await declineProposal(others.member, proposalIds.others, 'too_early', undefined, { notifier })
    // The need is hidden by moderation after the notification was written, before the digest goes.
    await hideContent(await makeUser('admin'), 'need', secret.needId, 'Démarchage')
    await dispatchAndDeliver()
    expect(await mailsFor(researcher)).toEqual([])

    const period = `test-${randomUUID().slice(0, 6)}`
    const result = await runDigest('daily', links, { period })
    expect(result).toMatchObject({ mails: expect.any(Number) })
    await mail.drain()
    const [digest, ...more] = await mailsFor(researcher)
    expect(more).toEqual([])
    expect(digest!.subject).toBe('Passerelle : 2 nouveautés aujourd’hui')
    expect(digest!.text).toContain('Votre proposition sur « Jumeau numérique de ligne » a été déclinée.')
    expect(digest!.text).toContain('Votre proposition sur un besoin a été déclinée.')
    for (const part of [digest!.text, String(digest!.html)]) {
      expect(part).not.toContain('Projet confidentiel Alpha')
      expect(part).not.toContain('Recyclage des copeaux')
      expect(part).not.toContain('Besoin d’un autre labo')
      expect(part).not.toContain('Entreprise ')
    }
    expect(digest!.text).toContain('http://passerelle.test/mes-propositions')
    expect(rawHeader(digest!, 'list-unsubscribe')).toMatch(/\.digest-daily\./)

    // The same period again: nothing more.
    expect(await runDigest('daily', links, { period })).toBeNull()
    // The next day: nothing left to say to this person.
    await runDigest('daily', links, { period: `${period}-next` })
    await mail.drain()
    expect(await mailsFor(researcher)).toHaveLength(1)

    // The weekly one has the shortlist.
    await runDigest('weekly', links, { period })
    await mail.drain()
    const weeklyDigest = (await mailsFor(researcher)).find((item) => item.subject.includes('semaine'))
    expect(weeklyDigest!.text).toContain('Votre proposition sur « Recyclage des copeaux » est présélectionnée.')
    expect(weeklyDigest!.subject).toBe('Passerelle : 1 nouveauté cette semaine')
  })
})

describe('unsubscribe link', () => {
  it('works without a session, once; a forged or foreign link does nothing', async () => {
    const person = await makeUser('industrialist')
    const token = signUnsubscribeToken(links.secret, person.id, 'proposal_received')
    expect(await checkUnsubscribe(links.secret, token)).toEqual({ status: 'subscribed', scope: 'proposal_received' })
    expect(await unsubscribeWithToken(links.secret, token)).toEqual({ status: 'done', scope: 'proposal_received' })
    expect((await getMailPreferences(person)).preferences).toMatchObject({ proposal_received: 'in_app', project_created: 'immediate' })
    expect(await unsubscribeWithToken(links.secret, token)).toEqual({ status: 'already', scope: 'proposal_received' })

    const [userId, , signature] = token.split('.')
    expect(await unsubscribeWithToken(links.secret, `${userId}.all.${signature}`)).toEqual({ status: 'invalid' })
    expect(await unsubscribeWithToken(links.secret, signUnsubscribeToken('un-autre-secret-d-au-moins-trente-deux-caracteres', person.id, 'all'))).toEqual({ status: 'invalid' })
    expect((await getMailPreferences(person)).preferences.project_created).toBe('immediate')
  })

  it('of a digest turns that digest off (and what was waiting for it is not sent)', async () => {
    const lab = await labWithMember()
    const need = await publishedNeed('Traitement de surface')
    const { id } = await propose(lab, need.needId)
    await declineProposal(need.member, id, 'too_costly', undefined, { notifier })
    await dispatchAndDeliver()
    expect((await unsubscribeWithToken(links.secret, signUnsubscribeToken(links.secret, lab.member.id, 'digest-daily'))).status).toBe('done')
    await runDigest('daily', links, { period: `unsubscribed-${randomUUID().slice(0, 6)}` })
    await mail.drain()
    expect(await mailsFor(lab.member)).toEqual([])
    expect(await OutboxMail.countDocuments({ to: await emailOf(lab.member) })).toBe(0)
  })
})
