import ICAL from 'ical.js'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agendaCalendar } from '~/domain/meetings/calendar.server'
import { unregisterFromMeeting } from '~/domain/meetings/registrations.server'
import { cancelMeeting } from '~/domain/meetings/service.server'
import { seedDemoOneToOnes } from '../../seeds/demo/one-to-ones'
import { Meeting, MeetingRegistration } from '~/domain/meetings/model.server'
import { OneToOne, OneToOnePlan } from '~/domain/meetings/one-to-ones.model.server'
import { agendaOf, answerOneToOne, cancelOneToOne, cancelOneToOnesOf, requestOneToOne, setSlotGrid } from '~/domain/meetings/one-to-ones.server'
import { meetingParticipants } from '~/domain/meetings/participants.server'
import { createNeed } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { translatorFor } from '~/i18n/translators'
import { companyWithMember, connectMarketplaceDb, labWithMember, makeUser, needInput, type TestUser } from './factories'
import { refusal } from './refusal'

beforeAll(async () => {
  await connectMarketplaceDb()
  await Promise.all([Meeting.init(), MeetingRegistration.init(), OneToOne.init(), OneToOnePlan.init(), Notification.init()])
})
afterAll(() => mongoose.disconnect())

const hautJura = { kind: 'territory' as const, ref: 'haut-jura' }
// 10 March 2027, 14:00–18:00 Paris time (UTC+1 in winter).
const startsAt = new Date('2027-03-10T13:00:00Z')
const endsAt = new Date('2027-03-10T17:00:00Z')
const now = new Date('2027-02-01T10:00:00Z')
const grid = (overrides: Partial<{ slotMinutes: number; tables: number; firstSlotAt: Date; lastSlotEndsAt: Date }> = {}) => ({
  slotMinutes: 20,
  tables: 5,
  firstSlotAt: new Date('2027-03-10T13:00:00Z'),
  lastSlotEndsAt: new Date('2027-03-10T15:00:00Z'),
  ...overrides,
})

type Person = TestUser & { orgId: string }

async function meetingWith(participants: number, options: { grid?: ReturnType<typeof grid> | null } = {}) {
  const animator = await makeUser('animator', { animates: [hautJura] })
  const meeting = await Meeting.create({
    title: 'Rencontre plasturgie et vision',
    startsAt,
    endsAt,
    scope: hautJura,
    capacity: 50,
    status: 'published',
    createdBy: animator.id,
    onlineUrl: 'https://visio.exemple.fr/rencontre',
    slotGrid: options.grid === undefined ? grid() : options.grid,
    registeredCount: participants,
  })
  const people: Person[] = []
  for (let i = 0; i < participants; i++) {
    const { orgId, member } = i % 2 ? await labWithMember() : await companyWithMember({ territories: ['haut-jura'] })
    await MeetingRegistration.create({ meetingId: meeting._id, userId: member.id, organisationId: orgId, status: 'registered' })
    people.push({ ...member, orgId })
  }
  // Read as a tuple: each test destructures only the people it asked for.
  return { meetingId: String(meeting._id), animator, people: people as unknown as [Person, Person, Person, Person, Person, Person] }
}

const seatOf = async (requestId: string) => {
  const record = await OneToOne.findById(requestId).lean()
  return { slotStartsAt: record!.slotStartsAt, table: record!.table, status: record!.status }
}

describe('asking for and answering a one-to-one', () => {
  it('seats an accepted one-to-one in the first slot, the same in both agendas, and tells each side', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: 'Parlons vision.' }, { now })
    expect(await Notification.countDocuments({ recipientId: bob.id, kind: 'one_to_one_requested' })).toBe(1)
    const bobsAgenda = await agendaOf(bob, meetingId, { now })
    expect(bobsAgenda.incoming).toEqual([expect.objectContaining({ id, message: 'Parlons vision.', actions: ['accept', 'decline', 'cancel'] })])

    await answerOneToOne(bob, id, 'accept', { now })
    expect(await seatOf(id)).toEqual({ slotStartsAt: new Date('2027-03-10T13:00:00Z'), table: 1, status: 'accepted' })
    expect(await Notification.countDocuments({ recipientId: ana.id, kind: 'one_to_one_accepted' })).toBe(1)
    const [anasSeats, bobsSeats] = [(await agendaOf(ana, meetingId, { now })).seats, (await agendaOf(bob, meetingId, { now })).seats]
    expect(anasSeats).toEqual([{ id, startsAt: new Date('2027-03-10T13:00:00Z'), endsAt: new Date('2027-03-10T13:20:00Z'), table: 1, icsSequence: 1, other: { id: bob.id, name: bob.name } }])
    expect(bobsSeats.map((seat) => [seat.startsAt, seat.table])).toEqual(anasSeats.map((seat) => [seat.startsAt, seat.table]))
  })

  it('lets the recipient decline (the requester is told), and the pair ask again afterwards', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    expect(await refusal(answerOneToOne(ana, id, 'accept', { now }))).toMatchObject({ code: 'conflict' })
    await answerOneToOne(bob, id, 'decline', { now })
    expect(await seatOf(id)).toMatchObject({ status: 'declined', table: null })
    expect(await Notification.countDocuments({ recipientId: ana.id, kind: 'one_to_one_declined' })).toBe(1)
    expect(await refusal(answerOneToOne(bob, id, 'accept', { now }))).toMatchObject({ code: 'conflict', message: 'brokerage.refusals.alreadyAnswered' })
    await expect(requestOneToOne(bob, meetingId, { recipientId: ana.id, message: '' }, { now })).resolves.toHaveProperty('id')
  })

  it('refuses a second live request between the same two people, whichever side asks', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    expect(await refusal(requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now }))).toMatchObject({ code: 'conflict', message: 'brokerage.refusals.alreadyAsked' })
    expect(await refusal(requestOneToOne(bob, meetingId, { recipientId: ana.id, message: '' }, { now }))).toMatchObject({ code: 'conflict', message: 'brokerage.refusals.alreadyAsked' })
  })

  it('is for registered participants only, before the event, and never with oneself', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    const outsider = await makeUser('researcher')
    expect(await refusal(requestOneToOne(outsider, meetingId, { recipientId: ana.id, message: '' }, { now }))).toMatchObject({ code: 'forbidden', message: 'brokerage.refusals.registerFirst' })
    expect(await refusal(requestOneToOne(ana, meetingId, { recipientId: outsider.id, message: '' }, { now }))).toMatchObject({ code: 'not_found' })
    expect(await refusal(requestOneToOne(ana, meetingId, { recipientId: ana.id, message: '' }, { now }))).toMatchObject({ code: 'forbidden' })
    expect(await refusal(requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now: new Date('2027-03-10T13:30:00Z') }))).toMatchObject({
      code: 'conflict',
      message: 'brokerage.refusals.meetingStarted',
    })
    expect(await refusal(requestOneToOne(ana, '0123456789abcdef01234567', { recipientId: bob.id, message: '' }, { now }))).toMatchObject({ code: 'not_found' })
  })
})

describe('scheduling into the grid', () => {
  it('never double-books a person when two of their requests are accepted at the same time', async () => {
    const { meetingId, people } = await meetingWith(3)
    const [ana, bob, cid] = people
    const first = await requestOneToOne(bob, meetingId, { recipientId: ana.id, message: '' }, { now })
    const second = await requestOneToOne(cid, meetingId, { recipientId: ana.id, message: '' }, { now })
    await Promise.all([answerOneToOne(ana, first.id, 'accept', { now }), answerOneToOne(ana, second.id, 'accept', { now })])
    const seats = await Promise.all([seatOf(first.id), seatOf(second.id)])
    expect(seats.every((seat) => seat.status === 'accepted' && seat.table !== null)).toBe(true)
    expect(seats[0]!.slotStartsAt!.getTime()).not.toBe(seats[1]!.slotStartsAt!.getTime())
    expect((await agendaOf(ana, meetingId, { now })).seats).toHaveLength(2)
  })

  it('never gives one table twice when the last seat is taken by two accepts at once', async () => {
    const { meetingId, people } = await meetingWith(4, { grid: grid({ tables: 1, lastSlotEndsAt: new Date('2027-03-10T13:20:00Z') }) })
    const [a, b, c, d] = people
    const one = await requestOneToOne(a, meetingId, { recipientId: b.id, message: '' }, { now })
    const two = await requestOneToOne(c, meetingId, { recipientId: d.id, message: '' }, { now })
    await Promise.all([answerOneToOne(b, one.id, 'accept', { now }), answerOneToOne(d, two.id, 'accept', { now })])
    const records = await OneToOne.find({ _id: { $in: [one.id, two.id] } }).lean()
    expect(records.filter((record) => record.table === 1)).toHaveLength(1)
    expect(records.filter((record) => record.table === null).map((record) => record.unscheduledReason)).toEqual(['no_table'])
  })

  it('keeps confirmed seats when a request is cancelled, and gives the freed seat to the one waiting', async () => {
    const { meetingId, people } = await meetingWith(6, { grid: grid({ tables: 2, lastSlotEndsAt: new Date('2027-03-10T13:20:00Z') }) })
    const [a, b, c, d, e, f] = people
    const ab = await requestOneToOne(a, meetingId, { recipientId: b.id, message: '' }, { now })
    const cd = await requestOneToOne(c, meetingId, { recipientId: d.id, message: '' }, { now })
    const ef = await requestOneToOne(e, meetingId, { recipientId: f.id, message: '' }, { now })
    for (const [person, request] of [[b, ab], [d, cd], [f, ef]] as const) await answerOneToOne(person, request.id, 'accept', { now })
    expect(await seatOf(ab.id)).toMatchObject({ table: 1 })
    const cdSeat = await seatOf(cd.id)
    expect(cdSeat).toMatchObject({ table: 2 })
    expect(await seatOf(ef.id)).toMatchObject({ table: null })

    await cancelOneToOne(a, ab.id, { now })
    expect(await Notification.countDocuments({ recipientId: b.id, kind: 'one_to_one_cancelled' })).toBe(1)
    expect(await seatOf(cd.id)).toEqual(cdSeat)
    expect(await seatOf(ef.id)).toMatchObject({ table: 1, status: 'accepted' })
  })

  it('refuses a grid that does not fit the event, lets only the animators set it, and seats the waiting ones once it is set', async () => {
    const { meetingId, animator, people } = await meetingWith(2, { grid: null })
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    await answerOneToOne(bob, id, 'accept', { now })
    expect(await seatOf(id)).toMatchObject({ table: null, status: 'accepted' })
    expect((await agendaOf(ana, meetingId, { now })).waiting).toHaveLength(1)

    expect(await refusal(setSlotGrid(ana, meetingId, grid(), { now }))).toMatchObject({ code: 'forbidden' })
    expect(await refusal(setSlotGrid(animator, meetingId, grid({ lastSlotEndsAt: new Date('2027-03-10T17:20:00Z') }), { now }))).toMatchObject({
      code: 'invalid',
      message: 'brokerage.gridRefusals.after_event',
    })
    expect(await refusal(setSlotGrid(animator, meetingId, grid({ slotMinutes: 25 }), { now }))).toMatchObject({ code: 'invalid', message: 'brokerage.gridRefusals.whole_slots' })
    expect(await setSlotGrid(animator, meetingId, grid(), { now })).toEqual({ slotCount: 6 })
    expect(await seatOf(id)).toMatchObject({ table: 1, slotStartsAt: new Date('2027-03-10T13:00:00Z') })

    // A later grid that still holds the seat does not move it; one that no longer does re-seats it.
    await setSlotGrid(animator, meetingId, grid({ tables: 8, lastSlotEndsAt: new Date('2027-03-10T16:00:00Z') }), { now })
    expect(await seatOf(id)).toMatchObject({ table: 1, slotStartsAt: new Date('2027-03-10T13:00:00Z') })
    await setSlotGrid(animator, meetingId, grid({ firstSlotAt: new Date('2027-03-10T14:00:00Z'), lastSlotEndsAt: new Date('2027-03-10T15:00:00Z') }), { now })
    expect(await seatOf(id)).toMatchObject({ table: 1, slotStartsAt: new Date('2027-03-10T14:00:00Z') })
  })
})

describe('participants leaving', () => {
  it('cancels the one-to-ones of someone who leaves the meeting, frees their seats and tells the other side', async () => {
    const { meetingId, people } = await meetingWith(3)
    const [ana, bob, cid] = people
    const accepted = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    await answerOneToOne(bob, accepted.id, 'accept', { now })
    await requestOneToOne(cid, meetingId, { recipientId: ana.id, message: '' }, { now })
    await MeetingRegistration.updateOne({ meetingId, userId: ana.id }, { $set: { status: 'cancelled', cancelledReason: 'moderation' } })

    expect(await cancelOneToOnesOf(ana.id, 'moderation', {}, { now })).toBe(2)
    expect(await OneToOne.countDocuments({ meetingId, live: true })).toBe(0)
    expect(await OneToOne.countDocuments({ meetingId, cancelledReason: 'moderation', table: null })).toBe(2)
    expect(await Notification.countDocuments({ recipientId: { $in: [bob.id, cid.id] }, kind: 'one_to_one_cancelled' })).toBe(2)
    expect(await Notification.countDocuments({ recipientId: ana.id, kind: 'one_to_one_cancelled' })).toBe(0)
  })
})

describe('unregistering', () => {
  it('ends the one-to-ones of a participant who unregisters, and tells the other side', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    await answerOneToOne(bob, id, 'accept', { now })
    await unregisterFromMeeting(bob, meetingId, { now })
    expect(await OneToOne.findById(id).lean()).toMatchObject({ status: 'cancelled', cancelledReason: 'unregistered', table: null, live: false })
    expect(await Notification.countDocuments({ recipientId: ana.id, kind: 'one_to_one_cancelled' })).toBe(1)
    expect((await agendaOf(ana, meetingId, { now })).seats).toEqual([])
  })
})

describe('a cancelled meeting', () => {
  it('ends its one-to-ones and closes new requests', async () => {
    const { meetingId, animator, people } = await meetingWith(2)
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    await answerOneToOne(bob, id, 'accept', { now })
    await cancelMeeting(animator, meetingId, { now })
    expect(await OneToOne.findById(id).lean()).toMatchObject({ status: 'cancelled', cancelledReason: 'meeting_cancelled', table: null })
    expect(await refusal(requestOneToOne(bob, meetingId, { recipientId: ana.id, message: '' }, { now }))).toMatchObject({ code: 'conflict', message: 'brokerage.refusals.meetingCancelled' })
  })
})

describe('who comes', () => {
  it('shows each participant’s organisation and the open needs the viewer may see, never an anonymous need under its company', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [company, lab] = people
    await createNeed(company, company.orgId, needInput({ title: 'Besoin public de vision', confidentiality: 'public' }), { submit: true })
    await createNeed(company, company.orgId, needInput({ title: 'Besoin anonyme de vision', confidentiality: 'anonymous' }), { submit: true })
    const asLab = await meetingParticipants(lab, meetingId, { now })
    const seen = asLab.participants.find((person) => person.userId === company.id)!
    expect(seen.needs.map((need) => need.title)).toEqual(['Besoin public de vision'])
    expect(seen.canRequest).toBe(true)
    expect(asLab.participants.find((person) => person.userId === lab.id)!.canRequest).toBe(false)
    const asCompany = await meetingParticipants(company, meetingId, { now })
    expect(asCompany.participants.find((person) => person.userId === company.id)!.needs.map((need) => need.title).sort()).toEqual(['Besoin anonyme de vision', 'Besoin public de vision'])
    expect(await refusal(meetingParticipants(await makeUser('researcher'), meetingId, { now }))).toMatchObject({ code: 'not_found' })
  })
})

describe('the agenda as an iCalendar file', () => {
  it('is read back by ical.js with the Paris wall-clock time and the right instant', async () => {
    const { meetingId, people } = await meetingWith(2)
    const [ana, bob] = people
    const { id } = await requestOneToOne(ana, meetingId, { recipientId: bob.id, message: '' }, { now })
    await answerOneToOne(bob, id, 'accept', { now })
    const agenda = await agendaOf(ana, meetingId, { now })
    const text = agendaCalendar(
      agenda.seats.map((seat) => ({ ...seat, otherName: seat.other.name })),
      { t: translatorFor('fr').t, meetingTitle: agenda.meeting.title, place: null, agendaUrl: 'https://passerelle.exemple.fr/rencontres/x/mon-agenda', now },
    )
    const calendar = new ICAL.Component(ICAL.parse(text))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone))
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
    expect(events).toHaveLength(1)
    const event = events[0]!
    expect(event.summary).toBe(`Rendez-vous d’affaires avec ${bob.name}`)
    expect(event.startDate.zone.tzid).toBe('Europe/Paris')
    expect([event.startDate.hour, event.startDate.minute]).toEqual([14, 0])
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-10T13:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-10T13:20:00.000Z')
  })
})

describe('demo data', () => {
  it('gives an upcoming meeting a grid and seated one-to-ones between its registrants, once', async () => {
    const { meetingId, people } = await meetingWith(4, { grid: null })
    const seeded = await seedDemoOneToOnes(now)
    expect(seeded.oneToOnes).toBeGreaterThanOrEqual(3)
    const meeting = await Meeting.findById(meetingId).lean()
    expect(meeting!.slotGrid).toMatchObject({ slotMinutes: 20, tables: 6, firstSlotAt: startsAt })
    const records = await OneToOne.find({ meetingId }).lean()
    expect(records.filter((record) => record.status === 'accepted').every((record) => record.table !== null)).toBe(true)
    expect(records.filter((record) => record.status === 'pending')).toHaveLength(1)
    const [, second] = people
    expect((await agendaOf(second, meetingId, { now })).seats.length).toBeGreaterThanOrEqual(1)
    await seedDemoOneToOnes(now)
    expect(await OneToOne.countDocuments({ meetingId })).toBe(records.length)
  })
})
