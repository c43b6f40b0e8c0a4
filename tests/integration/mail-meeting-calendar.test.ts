import { readFile } from 'node:fs/promises'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agendaCalendar, meetingCalendar } from '~/domain/meetings/calendar.server'
import { OneToOne, OneToOnePlan } from '~/domain/meetings/one-to-ones.model.server'
import { agendaOf, answerOneToOne, cancelOneToOne, requestOneToOne, setSlotGrid } from '~/domain/meetings/one-to-ones.server'
import { getMeetingForCalendar } from '~/domain/meetings/queries.server'
import { ensureMeetingIndexes, registerForMeeting, unregisterFromMeeting } from '~/domain/meetings/registrations.server'
import type { MeetingInput } from '~/domain/meetings/schema'
import { cancelMeeting, createMeeting, updateMeeting } from '~/domain/meetings/service.server'
import { dispatchNotificationMails } from '~/domain/notifications/email-dispatch.server'
import { Notification } from '~/domain/notifications/model.server'
import { createNotifier } from '~/domain/notifications/notifier.server'
import { User } from '~/domain/users/model.server'
import { translatorFor } from '~/i18n/translators'
import { mailFilesTo, waitForMail, type CapturedMail } from '../e2e/support/mail'
import { startTestMail } from './mail-support'
import { companyWithMember, connectMarketplaceDb, makeUser, saintClaude } from './factories'

/**
 * A registrant's meeting e-mail carries the meeting's .ics (the download's UID and SEQUENCE), so
 * their mail client adds, updates or removes the one event; against a real mongod, the real
 * notification dispatch, the outbox and real SMTP to the capture server. Nobody on the waiting
 * list gets a calendar; someone who leaves their seat gets the event's CANCEL.
 */
const links = { publicUrl: 'http://passerelle.test', secret: 'un-secret-de-test-d-au-moins-trente-deux-caracteres', organizerEmail: 'contact@passerelle.test' }
let mail: Awaited<ReturnType<typeof startTestMail>>

beforeAll(async () => {
  await connectMarketplaceDb()
  await ensureMeetingIndexes()
  await Promise.all([Notification.init(), OneToOne.init(), OneToOnePlan.init()])
  mail = await startTestMail({ worker: false })
})
afterAll(async () => {
  await mail?.close()
  await mongoose.disconnect()
})

const notifier = createNotifier()
const hautJura = { kind: 'territory' as const, ref: 'haut-jura' }
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000)
const title = 'Rencontre lunetterie et plasturgie'

function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title,
    description: 'Pôles, laboratoires et entreprises du Haut-Jura.',
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
    ...overrides,
  }
}

/** What the leading process does every few seconds, then what the outbox workers do; the newest mail to `email`. */
async function nextMailTo(email: string) {
  const seen = await mailFilesTo(email, mail.outboxDir)
  await dispatchNotificationMails(links)
  await mail.drain()
  return waitForMail(email, { outboxDir: mail.outboxDir, ignore: seen })
}

const calendarOf = (received: CapturedMail) => received.parsed.attachments.filter((file) => file.contentType === 'text/calendar')
/** The iCalendar text, lines unfolded (RFC 5545 folds long lines at 75 octets). */
const icsText = (received: CapturedMail) => calendarOf(received)[0]!.content.toString('utf8').replace(/\r\n[ \t]/g, '')
const line = (ics: string, name: string) => ics.split(/\r\n/).find((entry) => entry.startsWith(`${name}:`))

describe('meeting e-mails with the calendar attached', () => {
  it('registered: the invitation (REQUEST) with the download’s UID, SUMMARY and SEQUENCE; waitlisted: none; moved, then moved up: the new SEQUENCE; cancelled: a CANCEL', async () => {
    const animator = await makeUser('animator', { animates: [hautJura] })
    const { id: meetingId } = await createMeeting(animator, meetingInput())
    const first = await companyWithMember()
    const second = await companyWithMember()

    // A seat: the invitation, as the page's download gives it.
    expect(await registerForMeeting(first.member, meetingId, first.orgId, { notifier })).toEqual({ status: 'registered' })
    const registered = await nextMailTo(first.member.email)
    expect(registered.text).toContain(`http://passerelle.test/rencontres/${meetingId}`)
    expect(registered.text).toContain('L’invitation est jointe')
    const [file] = calendarOf(registered)
    expect(file!.filename).toBe(`rencontre-${meetingId}.ics`)
    expect(file!.contentType).toBe('text/calendar')
    expect(await readFile(registered.file, 'latin1')).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST/im)
    const invitation = icsText(registered)
    expect(line(invitation, 'METHOD')).toBe('METHOD:REQUEST')
    expect(line(invitation, 'UID')).toBe(`UID:rencontre-${meetingId}@passerelle.test`)
    expect(line(invitation, 'SUMMARY')).toBe(`SUMMARY:${title}`)
    expect(line(invitation, 'SEQUENCE')).toBe('SEQUENCE:0')
    expect(line(invitation, 'STATUS')).toBe('STATUS:CONFIRMED')
    const download = meetingCalendar(await getMeetingForCalendar(first.member, meetingId), { publicUrl: links.publicUrl, organizerEmail: links.organizerEmail }).replace(/\r\n[ \t]/g, '')
    for (const name of ['METHOD', 'UID', 'SEQUENCE', 'SUMMARY', 'DTSTART;TZID=Europe/Paris', 'DTEND;TZID=Europe/Paris', 'LOCATION', 'ORGANIZER;CN="Passerelle"']) {
      expect(line(invitation, name), name).toBe(line(download, name))
    }

    // The waiting list: told, but no calendar (no seat yet).
    expect(await registerForMeeting(second.member, meetingId, second.orgId, { notifier })).toEqual({ status: 'waitlisted' })
    const waitlisted = await nextMailTo(second.member.email)
    expect(waitlisted.text).toContain(`http://passerelle.test/rencontres/${meetingId}`)
    expect(waitlisted.parsed.attachments).toHaveLength(0)

    // Moved a day later: the seated person's event is updated (SEQUENCE 1); the person waiting still gets none.
    await updateMeeting(animator, meetingId, meetingInput({ startsAt: inDays(11), endsAt: inDays(11, 3) }), { notifier })
    const changed = await nextMailTo(first.member.email)
    expect(line(icsText(changed), 'UID')).toBe(`UID:rencontre-${meetingId}@passerelle.test`)
    expect(line(icsText(changed), 'SEQUENCE')).toBe('SEQUENCE:1')
    const changedWhileWaiting = await waitForMail(second.member.email, { outboxDir: mail.outboxDir, ignore: [waitlisted.file] })
    expect(calendarOf(changedWhileWaiting)).toHaveLength(0)

    // The first leaves: their event is removed (a CANCEL above the SEQUENCE they had); the second moves up and gets the invitation.
    await unregisterFromMeeting(first.member, meetingId, { notifier })
    const promoted = await nextMailTo(second.member.email)
    expect(line(icsText(promoted), 'METHOD')).toBe('METHOD:REQUEST')
    expect(line(icsText(promoted), 'UID')).toBe(`UID:rencontre-${meetingId}@passerelle.test`)
    expect(line(icsText(promoted), 'SEQUENCE')).toBe('SEQUENCE:1')
    const left = await waitForMail(first.member.email, { outboxDir: mail.outboxDir, ignore: [registered.file, changed.file] })
    expect(left.text).toContain(`http://passerelle.test/rencontres/${meetingId}`)
    expect(left.text).toContain('L’annulation est jointe')
    expect(calendarOf(left)[0]!.filename).toBe(`rencontre-${meetingId}.ics`)
    expect(await readFile(left.file, 'latin1')).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL/im)
    const withdrawal = icsText(left)
    expect(line(withdrawal, 'METHOD')).toBe('METHOD:CANCEL')
    expect(line(withdrawal, 'STATUS')).toBe('STATUS:CANCELLED')
    expect(line(withdrawal, 'UID')).toBe(`UID:rencontre-${meetingId}@passerelle.test`)
    expect(line(withdrawal, 'SEQUENCE')).toBe('SEQUENCE:2')

    // Cancelled: the same event, removed (METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE raised).
    await cancelMeeting(animator, meetingId, { notifier })
    const cancelled = await nextMailTo(second.member.email)
    expect(cancelled.text).toContain('L’annulation est jointe')
    const cancellation = icsText(cancelled)
    expect(calendarOf(cancelled)[0]!.filename).toBe(`rencontre-${meetingId}.ics`)
    expect(line(cancellation, 'METHOD')).toBe('METHOD:CANCEL')
    expect(line(cancellation, 'STATUS')).toBe('STATUS:CANCELLED')
    expect(line(cancellation, 'UID')).toBe(`UID:rencontre-${meetingId}@passerelle.test`)
    expect(line(cancellation, 'SEQUENCE')).toBe('SEQUENCE:2')
    expect(line(cancellation, 'SUMMARY')).toBe(`SUMMARY:${title}`)
  })

  it('leaving: a seat gets the CANCEL, the waiting list none; coming back, the invitation outranks that CANCEL, as the download does', async () => {
    const animator = await makeUser('animator', { animates: [hautJura] })
    const { id: meetingId } = await createMeeting(animator, meetingInput({ capacity: 1 }))
    const seated = await companyWithMember()
    const waiting = await companyWithMember()
    await registerForMeeting(seated.member, meetingId, seated.orgId, { notifier })
    const invited = await nextMailTo(seated.member.email)
    expect(line(icsText(invited), 'SEQUENCE')).toBe('SEQUENCE:0')
    await registerForMeeting(waiting.member, meetingId, waiting.orgId, { notifier })
    const waitlisted = await nextMailTo(waiting.member.email)

    // Someone waiting who leaves never had the event: told, no file.
    await unregisterFromMeeting(waiting.member, meetingId, { notifier })
    const leftQueue = await nextMailTo(waiting.member.email)
    expect(leftQueue.file).not.toBe(waitlisted.file)
    expect(leftQueue.text).toContain(`http://passerelle.test/rencontres/${meetingId}`)
    expect(leftQueue.parsed.attachments).toHaveLength(0)

    // The seated person leaves: CANCEL, SEQUENCE 1 (above the 0 they had).
    await unregisterFromMeeting(seated.member, meetingId, { notifier })
    const left = await nextMailTo(seated.member.email)
    expect(line(icsText(left), 'METHOD')).toBe('METHOD:CANCEL')
    expect(line(icsText(left), 'STATUS')).toBe('STATUS:CANCELLED')
    expect(line(icsText(left), 'SEQUENCE')).toBe('SEQUENCE:1')

    // Back: the new invitation (SEQUENCE 2) outranks the CANCEL, and the page's download says the same.
    expect(await registerForMeeting(seated.member, meetingId, seated.orgId, { notifier })).toEqual({ status: 'registered' })
    const back = await nextMailTo(seated.member.email)
    expect(line(icsText(back), 'METHOD')).toBe('METHOD:REQUEST')
    expect(line(icsText(back), 'STATUS')).toBe('STATUS:CONFIRMED')
    expect(line(icsText(back), 'SEQUENCE')).toBe('SEQUENCE:2')
    const download = meetingCalendar(await getMeetingForCalendar(seated.member, meetingId), { publicUrl: links.publicUrl, organizerEmail: links.organizerEmail }).replace(/\r\n[ \t]/g, '')
    expect(line(download, 'SEQUENCE')).toBe('SEQUENCE:2')
  })
})

describe('one-to-one e-mails with their calendar event attached', () => {
  it('accepted and seated: the event (REQUEST) as the agenda’s download has it; cancelled: its CANCEL; nobody but the two people gets it', async () => {
    const animator = await makeUser('animator', { animates: [hautJura] })
    const startsAt = new Date(Math.ceil(inDays(10).getTime() / 3_600_000) * 3_600_000)
    const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000)
    const { id: meetingId } = await createMeeting(animator, meetingInput({ capacity: 10, startsAt, endsAt }))
    await setSlotGrid(animator, meetingId, { slotMinutes: 20, tables: 5, firstSlotAt: startsAt, lastSlotEndsAt: new Date(startsAt.getTime() + 2 * 3_600_000) })
    const [ana, bob, cid] = [await companyWithMember(), await companyWithMember(), await companyWithMember()]
    for (const person of [ana, bob, cid]) {
      await registerForMeeting(person.member, meetingId, person.orgId, { notifier })
      await nextMailTo(person.member.email)
      // One-to-ones come in a daily digest by default: these three asked for them at once.
      await User.updateOne({ _id: person.member.id }, { $set: { mailPreferences: { one_to_one_requested: 'immediate', one_to_one_accepted: 'immediate', one_to_one_cancelled: 'immediate' } } })
    }

    // Asked: no seat, no file.
    const { id } = await requestOneToOne(ana.member, meetingId, { recipientId: bob.member.id, message: '' }, { notifier })
    const asked = await nextMailTo(bob.member.email)
    expect(asked.parsed.attachments).toHaveLength(0)

    // Accepted and seated at once: the requester's e-mail carries the event, the same as their agenda's download.
    await answerOneToOne(bob.member, id, 'accept', { notifier })
    const accepted = await nextMailTo(ana.member.email)
    expect(accepted.text).toContain(`http://passerelle.test/rencontres/${meetingId}/mon-agenda`)
    expect(accepted.text).toContain('Le rendez-vous est joint')
    const [file] = calendarOf(accepted)
    expect(file!.filename).toBe(`rendez-vous-${id}.ics`)
    expect(await readFile(accepted.file, 'latin1')).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST/im)
    const invitation = icsText(accepted)
    expect(line(invitation, 'METHOD')).toBe('METHOD:REQUEST')
    expect(line(invitation, 'UID')).toBe(`UID:rdv-${id}@passerelle`)
    expect(line(invitation, 'SEQUENCE')).toBe('SEQUENCE:1')
    expect(line(invitation, 'STATUS')).toBe('STATUS:CONFIRMED')
    expect(line(invitation, 'SUMMARY')).toBe(`SUMMARY:Rendez-vous d’affaires avec ${bob.member.name}`)
    const agenda = await agendaOf(ana.member, meetingId)
    const download = agendaCalendar(
      agenda.seats.map((seat) => ({ ...seat, otherName: seat.other.name })),
      { t: translatorFor('fr').t, meetingTitle: agenda.meeting.title, place: agenda.meeting.place ?? null, agendaUrl: `http://passerelle.test/rencontres/${meetingId}/mon-agenda` },
    ).replace(/\r\n[ \t]/g, '')
    for (const name of ['UID', 'SEQUENCE', 'SUMMARY', 'DTSTART;TZID=Europe/Paris', 'DTEND;TZID=Europe/Paris', 'LOCATION', 'DESCRIPTION']) {
      expect(line(invitation, name), name).toBe(line(download, name))
    }
    expect(line(invitation, 'DTSTART;TZID=Europe/Paris')).toBeTruthy()

    // A notification naming that one-to-one, to someone who is not one of its two people: no file.
    const stranger = await Notification.create({ recipientId: cid.member.id, kind: 'one_to_one_accepted', data: { actorName: 'Quelqu’un', meetingTitle: title, oneToOneId: id }, link: `/rencontres/${meetingId}/mon-agenda` })
    const strangers = await nextMailTo(cid.member.email)
    expect(strangers.text).toContain('Quelqu’un')
    expect(strangers.parsed.attachments).toHaveLength(0)
    expect(await Notification.countDocuments({ _id: stranger._id, mail: 'queued' })).toBe(1)

    // Cancelled by the requester: the other side's e-mail removes the same event (SEQUENCE above the invitation's).
    await cancelOneToOne(ana.member, id, { notifier })
    const cancelled = await nextMailTo(bob.member.email)
    expect(cancelled.text).toContain('L’annulation du rendez-vous est jointe')
    expect(calendarOf(cancelled)[0]!.filename).toBe(`rendez-vous-${id}.ics`)
    const cancellation = icsText(cancelled)
    expect(line(cancellation, 'METHOD')).toBe('METHOD:CANCEL')
    expect(line(cancellation, 'STATUS')).toBe('STATUS:CANCELLED')
    expect(line(cancellation, 'UID')).toBe(`UID:rdv-${id}@passerelle`)
    expect(line(cancellation, 'SEQUENCE')).toBe('SEQUENCE:2')
    expect(line(cancellation, 'DTSTART;TZID=Europe/Paris')).toBe(line(invitation, 'DTSTART;TZID=Europe/Paris'))
    expect(line(cancellation, 'SUMMARY')).toBe(`SUMMARY:Rendez-vous d’affaires avec ${ana.member.name}`)

    // Someone leaving the meeting: the other side of their seated one-to-one gets its CANCEL too.
    const { id: second } = await requestOneToOne(cid.member, meetingId, { recipientId: bob.member.id, message: '' }, { notifier })
    await nextMailTo(bob.member.email)
    await answerOneToOne(bob.member, second, 'accept', { notifier })
    expect(line(icsText(await nextMailTo(cid.member.email)), 'SEQUENCE')).toBe('SEQUENCE:1')
    await unregisterFromMeeting(bob.member, meetingId, { notifier })
    const gone = await nextMailTo(cid.member.email)
    expect(line(icsText(gone), 'METHOD')).toBe('METHOD:CANCEL')
    expect(line(icsText(gone), 'UID')).toBe(`UID:rdv-${second}@passerelle`)
    expect(line(icsText(gone), 'SEQUENCE')).toBe('SEQUENCE:2')
  })
})
