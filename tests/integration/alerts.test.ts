import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '~/domain/actor'
import { SearchAlert } from '~/domain/alerts/model.server'
import { runAlerts } from '~/domain/alerts/run.server'
import { createAlert, deleteAlert, listAlerts, updateAlert } from '~/domain/alerts/service.server'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { ModerationState } from '~/domain/moderation/model.server'
import { Need } from '~/domain/needs/model.server'
import { runDigest } from '~/domain/notifications/email-digest.server'
import { Notification } from '~/domain/notifications/model.server'
import { checkUnsubscribe, unsubscribeWithToken } from '~/domain/notifications/preferences.server'
import { needDocument, type NeedSource } from '~/domain/search/documents'
import { searchIndexNames } from '~/domain/search/names'
import { User } from '~/domain/users/model.server'
import { createSearchClient } from '../../server/search/client'
import { createSearchIndexes } from '../../server/search/indexes'
import { readOutbox, type CapturedMail } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { connectMarketplaceDb, join, makeUser } from './factories'
import { insertNeed, insertOrg, uniquePrefix } from './search-support'
import { testServices } from './support'

/**
 * Saved-search alerts against a real mongod, a real Meilisearch and the real SMTP capture server:
 * an alert's e-mail lists exactly the needs published since its last run that match its search,
 * never one its recipient may not see (even when the index lags behind), once per period, and its
 * one-click link turns it off.
 */
const links = { publicUrl: 'http://passerelle.test', secret: 'un-secret-de-test-d-au-moins-trente-deux-caracteres' }
const prefix = uniquePrefix()
const names = searchIndexNames(prefix)
const { meiliUrl, meiliMasterKey } = testServices()
const client = createSearchClient(meiliUrl, meiliMasterKey)
const search = { client, names }
const fallbackName = 'Tous les nouveaux besoins'
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([SearchAlert.init(), ModerationState.init(), Notification.init()])
  await createSearchIndexes(client, { prefix })
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  for (const uid of Object.values(names)) await client.deleteIndex(uid).waitTask().catch(() => undefined)
  await mongoose.disconnect()
})

const HOUR = 60 * 60 * 1000
const emailOf = async (actor: Actor) => (await User.findById(actor.id).lean())!.email
async function mailsFor(actor: Actor): Promise<CapturedMail[]> {
  const email = await emailOf(actor)
  return (await readOutbox(mail.outboxDir)).filter((item) => item.to.includes(email))
}
const rawHeader = (item: CapturedMail, name: string) => item.parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '')

/** Writes the needs' public documents as the search sync would (the index may then lag behind MongoDB). */
async function index(...needs: Array<{ _id: unknown }>) {
  const documents = []
  for (const need of needs) {
    const stored = await Need.findById(need._id).lean()
    documents.push(needDocument(stored as unknown as NeedSource, { name: 'Société indexée' }))
  }
  await client.index(names.needs).addDocuments(documents.filter(Boolean) as object[]).waitTask()
}

const period = () => `test-${randomUUID().slice(0, 8)}`
const alertOf = async (actor: Actor, search: string, frequency: 'daily' | 'weekly' = 'daily') => createAlert(actor, { search, frequency }, { fallbackName })

describe('alert runs', () => {
  it('e-mail exactly the new matching needs the recipient may see, once per period; the unsubscribe link turns the alert off', async () => {
    const researcher = await makeUser('researcher')
    const word = `cobot${randomUUID().slice(0, 6)}`
    const alert = await alertOf(researcher, `type=needs&q=${word}&domain=robotics&sort=recent&page=3`)
    expect(alert.name).toBe(`${word} · Robotique & cobotique`)
    expect(alert.href).toBe(`/recherche?type=needs&q=${word}&domain=robotics`)
    // Its last run was an hour ago.
    const lastRun = new Date(Date.now() - HOUR)
    await SearchAlert.updateOne({ _id: alert.id }, { $set: { since: lastRun } })

    const company = await insertOrg({ name: `Entreprise secrète ${randomUUID().slice(0, 6)}` })
    const fresh = { domains: ['robotics'], territory: 'haut-jura', publishedAt: new Date(Date.now() - HOUR / 2) }
    const matching = await insertNeed(company._id, { ...fresh, title: `Palettiser avec un ${word}` })
    const anonymous = await insertNeed(company._id, { ...fresh, title: `Projet anonyme ${word}`, confidentiality: 'anonymous' })
    const old = await insertNeed(company._id, { domains: ['robotics'], title: `Ancien ${word}`, publishedAt: new Date(Date.now() - 2 * HOUR) })
    const otherDomain = await insertNeed(company._id, { ...fresh, domains: ['ai'], title: `IA ${word}` })
    const otherWords = await insertNeed(company._id, { ...fresh, title: 'Palettisation sans rapport' })
    const hiddenSince = await insertNeed(company._id, { ...fresh, title: `Caché ${word}` })
    const withdrawn = await insertNeed(company._id, { ...fresh, title: `Retiré ${word}` })
    await index(matching, anonymous, old, otherDomain, otherWords, hiddenSince, withdrawn)
    // Since indexed: one hidden by moderation, one closed before it was ever online — the index has not caught up.
    await ModerationState.create({ targetKind: 'need', targetId: String(hiddenSince._id), hiddenAt: new Date(), hiddenReason: 'Démarchage' })
    await Need.updateOne({ _id: withdrawn._id }, { $set: { status: 'closed', publishedAt: null } })

    const today = period()
    const result = await runAlerts('daily', links, search, { period: today })
    expect(result).toMatchObject({ mails: expect.any(Number) })
    await mail.drain()
    const [sent, ...more] = await mailsFor(researcher)
    expect(more).toEqual([])
    expect(sent!.subject).toBe(`2 nouveaux besoins pour votre alerte « ${alert.name} »`)
    expect(sent!.text).toContain(`Palettiser avec un ${word}`)
    expect(sent!.text).toContain(`Projet anonyme ${word}`)
    expect(sent!.text).toContain(`http://passerelle.test/besoins/${String(matching._id)}`)
    expect(sent!.text).toContain('Haut-Jura · Robotique & cobotique')
    for (const part of [sent!.text, String(sent!.html)]) {
      for (const absent of [`Ancien ${word}`, `IA ${word}`, 'Palettisation sans rapport', `Caché ${word}`, `Retiré ${word}`, company.name, 'Société indexée']) expect(part).not.toContain(absent)
    }
    expect(String(sent!.html)).toContain('<html lang="fr">')
    expect(rawHeader(sent!, 'list-unsubscribe')).toContain(`.alert-${alert.id}.`)
    expect(rawHeader(sent!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')

    // The same period again (another process, a second tick): nothing more.
    expect(await runAlerts('daily', links, search, { period: today })).toBeNull()
    // The run taken again after a crash, its alert not yet marked: the outbox key keeps one mail.
    await SearchAlert.updateOne({ _id: alert.id }, { $set: { lastPeriod: null, since: lastRun } })
    await mongoose.connection.collection('digest_runs').deleteOne({ _id: `alerts-daily:${today}` as never })
    await runAlerts('daily', links, search, { period: today })
    await mail.drain()
    expect(await mailsFor(researcher)).toHaveLength(1)
    // The next day, nothing new: no e-mail.
    await runAlerts('daily', links, search, { period: period() })
    await mail.drain()
    expect(await mailsFor(researcher)).toHaveLength(1)

    // The one-click link, without a session: the alert is off, and stays silent.
    const token = decodeURIComponent(rawHeader(sent!, 'list-unsubscribe')!.match(/desabonnement\/([^>]+)>/)![1]!)
    expect(await checkUnsubscribe(links.secret, token)).toEqual({ status: 'subscribed', scope: `alert-${alert.id}`, alertName: alert.name })
    expect(await unsubscribeWithToken(links.secret, token)).toEqual({ status: 'done', scope: `alert-${alert.id}` })
    expect(await unsubscribeWithToken(links.secret, token)).toEqual({ status: 'already', scope: `alert-${alert.id}` })
    expect((await listAlerts(researcher))[0]).toMatchObject({ id: alert.id, enabled: false })
    const later = await insertNeed(company._id, { domains: ['robotics'], title: `Encore un ${word}`, publishedAt: new Date() })
    await index(later)
    await runAlerts('daily', links, search, { period: period() })
    await mail.drain()
    expect(await mailsFor(researcher)).toHaveLength(1)
  })

  it('go in the recipient’s language, weekly ones only in weekly runs; no e-mail to an unconfirmed or suspended address', async () => {
    const english = await makeUser('industrialist')
    await User.updateOne({ _id: english.id }, { $set: { language: 'en' } })
    const unconfirmed = await makeUser('researcher')
    await User.updateOne({ _id: unconfirmed.id }, { $set: { emailVerifiedAt: null } })
    const suspended = await makeUser('researcher')
    await User.updateOne({ _id: suspended.id }, { $set: { suspendedUntil: new Date(Date.now() + 24 * HOUR) } })
    const word = `jumeau${randomUUID().slice(0, 6)}`
    const alerts = await Promise.all([english, unconfirmed, suspended].map((actor) => alertOf(actor, `q=${word}`, 'weekly')))
    await SearchAlert.updateMany({ _id: { $in: alerts.map((alert) => alert.id) } }, { $set: { since: new Date(Date.now() - HOUR) } })
    const company = await insertOrg()
    await index(await insertNeed(company._id, { title: `Un ${word} de ligne`, publishedAt: new Date(Date.now() - HOUR / 2) }))

    await runAlerts('daily', links, search, { period: period() })
    await mail.drain()
    expect(await mailsFor(english)).toEqual([])
    await runAlerts('weekly', links, search, { period: period() })
    await mail.drain()
    const [sent] = await mailsFor(english)
    expect(sent!.subject).toBe(`1 new need for your alert “${word}”`)
    expect(sent!.text).toContain('This week, 1 new need matches your search:')
    expect(await mailsFor(unconfirmed)).toEqual([])
    expect(await mailsFor(suspended)).toEqual([])
    expect(await OutboxMail.countDocuments({ to: { $in: [await emailOf(unconfirmed), await emailOf(suspended)] } })).toBe(0)
  })
})

describe('alerts in « Mon compte »', () => {
  it('are their owner’s only, at most 20, validated like the search page', async () => {
    const owner = await makeUser('researcher')
    const stranger = await makeUser('researcher')
    const alert = await createAlert(owner, { search: 'type=needs&domain=robotics&domain=inconnu&region=<script>', frequency: 'weekly', name: '  Robots  ' }, { fallbackName })
    expect(alert).toMatchObject({ name: 'Robots', frequency: 'weekly', enabled: true, href: '/recherche?type=needs&domain=robotics' })

    await expect(createAlert(owner, { search: 'type=organisations&q=labo', frequency: 'daily' }, { fallbackName })).rejects.toMatchObject({ code: 'invalid', message: 'alerts.errors.needsOnly' })
    await expect(createAlert(owner, { search: '', frequency: 'hourly' }, { fallbackName })).rejects.toMatchObject({ code: 'invalid', message: 'alerts.errors.frequency' })
    await expect(createAlert(owner, { search: '', frequency: 'daily', name: 'Robots\r\nBcc: x@y.z' }, { fallbackName })).rejects.toMatchObject({ code: 'invalid', message: 'alerts.errors.nameInvalid' })
    expect((await createAlert(owner, { search: '', frequency: 'daily' }, { fallbackName })).name).toBe(fallbackName)

    await expect(updateAlert(stranger, { alertId: alert.id, name: 'À moi', frequency: 'daily' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(deleteAlert(stranger, { alertId: alert.id })).rejects.toMatchObject({ code: 'not_found' })
    await expect(updateAlert(owner, { alertId: alert.id, name: '   ', frequency: 'daily' })).rejects.toMatchObject({ code: 'invalid', message: 'alerts.errors.nameRequired' })
    expect(await updateAlert(owner, { alertId: alert.id, name: 'Robots du Jura', frequency: 'daily', enabled: true })).toMatchObject({ name: 'Robots du Jura', frequency: 'daily' })

    for (let n = 2; n < 20; n++) await createAlert(owner, { search: `q=mot${n}`, frequency: 'daily' }, { fallbackName })
    await expect(createAlert(owner, { search: 'q=de-trop', frequency: 'daily' }, { fallbackName })).rejects.toMatchObject({ code: 'conflict', message: 'alerts.errors.tooMany?max=20' })
    await deleteAlert(owner, { alertId: alert.id })
    expect(await listAlerts(owner)).toHaveLength(19)
    expect(await listAlerts(stranger)).toEqual([])
  })
})

describe('« Besoins pour vous » in a researcher’s digest', () => {
  it('lists the needs matching their lab that they may see, never one hidden since', async () => {
    const researcher = await makeUser('researcher')
    const word = `spectro${randomUUID().slice(0, 6)}`
    const lab = await insertOrg({ kind: 'lab', name: `Labo ${word}`, domains: ['machine-vision'], keywords: [word] })
    await join(researcher, String(lab._id), 'owner')
    const company = await insertOrg({ name: `Entreprise discrète ${word}` })
    const visionNeed = (title: string, extra: Record<string, unknown> = {}) => insertNeed(company._id, { domains: ['machine-vision'], title, ...extra })
    const matching = await visionNeed(`Contrôle ${word}`)
    const anonymous = await visionNeed(`Tri anonyme ${word}`, { confidentiality: 'anonymous' })
    const hiddenSince = await visionNeed(`Démarchage ${word}`)
    const otherDomain = await insertNeed(company._id, { domains: ['ai'], title: `IA ${word}` })
    await index(matching, anonymous, hiddenSince, otherDomain)
    await ModerationState.create({ targetKind: 'need', targetId: String(hiddenSince._id), hiddenAt: new Date(), hiddenReason: 'Démarchage' })
    await Notification.create({ recipientId: researcher.id, kind: 'proposal_declined', data: { needTitle: '' }, link: '/mes-propositions', mail: 'daily' })

    await runDigest('daily', links, { period: period(), search })
    await mail.drain()
    const [digest, ...more] = await mailsFor(researcher)
    expect(more).toEqual([])
    expect(digest!.text).toContain('Besoins pour vous')
    expect(String(digest!.html)).toContain('<h2 style="font-size: 18px; margin: 24px 0 12px">Besoins pour vous</h2>')
    expect(digest!.text).toContain(`Contrôle ${word}`)
    expect(digest!.text).toContain(`Tri anonyme ${word}`)
    expect(digest!.text).toContain(`http://passerelle.test/besoins/${String(matching._id)}`)
    for (const part of [digest!.text, String(digest!.html)]) {
      for (const absent of [`Démarchage ${word}`, `IA ${word}`, company.name, 'Société indexée']) expect(part).not.toContain(absent)
    }
  })
})
