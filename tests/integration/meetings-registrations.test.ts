import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Meeting, MeetingRegistration } from '~/domain/meetings/model.server'
import { getOutcomesForm, outcomesBoard, recordOutcomes } from '~/domain/meetings/outcomes.server'
import { getMeetingForCalendar, getMeetingPage } from '~/domain/meetings/queries.server'
import { cancelRegistrationsOf, ensureMeetingIndexes, registerForMeeting, unregisterFromMeeting } from '~/domain/meetings/registrations.server'
import type { MeetingInput } from '~/domain/meetings/schema'
import { cancelMeeting, createMeeting, updateMeeting } from '~/domain/meetings/service.server'
import { suspendUser } from '~/domain/moderation/service.server'
import { createNeed } from '~/domain/needs/service.server'
import { Notification } from '~/domain/notifications/model.server'
import { companyWithMember, connectMarketplaceDb, makeUser, needInput, saintClaude } from './factories'
import { refusal } from './refusal'

beforeAll(async () => {
  await connectMarketplaceDb()
  await ensureMeetingIndexes()
  await Notification.init()
})
afterAll(() => mongoose.disconnect())

const hautJura = { kind: 'territory' as const, ref: 'haut-jura' }
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000)

function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: 'Rencontre lunetterie et plasturgie',
    description: 'Pôles, laboratoires et entreprises du Haut-Jura.',
    scope: hautJura,
    organisers: [],
    domains: ['plastics'],
    filieres: ['lunetterie'],
    capacity: 5,
    startsAt: inDays(10),
    endsAt: inDays(10, 3),
    registrationDeadline: inDays(9),
    place: saintClaude,
    onlineUrl: null,
    ...overrides,
  }
}

async function animatorAndMeeting(overrides: Partial<MeetingInput> = {}) {
  const animator = await makeUser('animator', { animates: [hautJura] })
  const { id } = await createMeeting(animator, meetingInput(overrides))
  return { animator, meetingId: id }
}

const statusOf = async (meetingId: string, userId: string) => (await MeetingRegistration.findOne({ meetingId, userId }).lean())?.status

describe('capacity under concurrency', () => {
  it('gives 5 seats to 20 people registering at once, the 15 others waiting in order; never more than the capacity', async () => {
    const { meetingId } = await animatorAndMeeting({ capacity: 5 })
    const people = await Promise.all(Array.from({ length: 20 }, () => companyWithMember()))
    const results = await Promise.all(people.map((person) => registerForMeeting(person.member, meetingId, person.orgId)))
    expect(results.filter((result) => result.status === 'registered')).toHaveLength(5)
    expect(results.filter((result) => result.status === 'waitlisted')).toHaveLength(15)
    const meeting = await Meeting.findById(meetingId).lean()
    expect(meeting).toMatchObject({ registeredCount: 5, waitlistSeq: 15 })
    expect(await MeetingRegistration.countDocuments({ meetingId, status: 'registered' })).toBe(5)
    const positions = (await MeetingRegistration.find({ meetingId, status: 'waitlisted' }).lean()).map((entry) => entry.position).sort((a, b) => a! - b!)
    expect(positions).toEqual(Array.from({ length: 15 }, (_, index) => index + 1))
  })

  it('moves exactly one waiting person up per freed seat, even when several cancel at once', async () => {
    const { meetingId } = await animatorAndMeeting({ capacity: 3 })
    const people = []
    for (let index = 0; index < 7; index += 1) {
      const person = await companyWithMember()
      await registerForMeeting(person.member, meetingId, person.orgId)
      people.push(person)
    }
    // 3 registered, 4 waiting (positions 1..4). Two registrants cancel at the same moment.
    await Promise.all([unregisterFromMeeting(people[0]!.member, meetingId), unregisterFromMeeting(people[1]!.member, meetingId)])
    expect(await statusOf(meetingId, people[3]!.member.id)).toBe('registered')
    expect(await statusOf(meetingId, people[4]!.member.id)).toBe('registered')
    expect(await statusOf(meetingId, people[5]!.member.id)).toBe('waitlisted')
    expect((await Meeting.findById(meetingId).lean())!.registeredCount).toBe(3)
    expect(await MeetingRegistration.countDocuments({ meetingId, status: 'registered' })).toBe(3)
    // The person who moved up is told.
    expect(await Notification.countDocuments({ recipientId: people[3]!.member.id, kind: 'meeting', 'data.meetingChange': 'promoted' })).toBe(1)
  })
})

describe('registering', () => {
  it('confirms with a notification, refuses a second registration, and lets the person register again after withdrawing', async () => {
    const { meetingId } = await animatorAndMeeting()
    const { member, orgId } = await companyWithMember()
    expect(await registerForMeeting(member, meetingId, orgId)).toEqual({ status: 'registered' })
    expect(await Notification.countDocuments({ recipientId: member.id, kind: 'meeting', 'data.meetingChange': 'registered' })).toBe(1)
    expect((await refusal(registerForMeeting(member, meetingId, orgId))).message).toBe('meetings.refusals.alreadyRegistered')
    await unregisterFromMeeting(member, meetingId)
    expect(await statusOf(meetingId, member.id)).toBe('cancelled')
    expect(await registerForMeeting(member, meetingId, orgId)).toEqual({ status: 'registered' })
    expect(await MeetingRegistration.countDocuments({ meetingId, userId: member.id })).toBe(1)
  })

  it('refuses after the deadline, for an organisation one is not a member of, and on a cancelled meeting', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ registrationDeadline: inDays(2) })
    const { member, orgId } = await companyWithMember()
    expect((await refusal(registerForMeeting(member, meetingId, orgId, { now: inDays(3) }))).message).toBe('meetings.refusals.deadlinePassed')
    const other = await companyWithMember()
    expect((await refusal(registerForMeeting(member, meetingId, other.orgId))).code).toBe('forbidden')
    await cancelMeeting(animator, meetingId)
    expect((await refusal(registerForMeeting(member, meetingId, orgId))).message).toBe('meetings.refusals.cancelled')
  })

  it('a person suspended by moderation loses their seat, which goes to the first person waiting', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ capacity: 1 })
    const first = await companyWithMember()
    const second = await companyWithMember()
    await registerForMeeting(first.member, meetingId, first.orgId)
    await registerForMeeting(second.member, meetingId, second.orgId)
    expect(await statusOf(meetingId, second.member.id)).toBe('waitlisted')
    // The animator of Haut-Jura suspends them (their company is of Haut-Jura).
    await mongoose.model('Organisation').updateOne({ _id: first.orgId }, { $set: { territories: ['haut-jura'] } })
    await suspendUser(animator, first.member.id, 7, 'Comportement abusif')
    expect(await MeetingRegistration.findOne({ meetingId, userId: first.member.id }).lean()).toMatchObject({ status: 'cancelled', cancelledReason: 'moderation' })
    expect(await statusOf(meetingId, second.member.id)).toBe('registered')
    // Nothing left to cancel the second time.
    expect(await cancelRegistrationsOf(first.member.id)).toEqual({ cancelled: 0, promoted: 0 })
  })
})

describe('editing and cancelling', () => {
  it('tells every registrant of a new date and bumps the calendar sequence; a larger capacity moves the waiting list up', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ capacity: 1 })
    const first = await companyWithMember()
    const second = await companyWithMember()
    await registerForMeeting(first.member, meetingId, first.orgId)
    await registerForMeeting(second.member, meetingId, second.orgId)
    const { told } = await updateMeeting(animator, meetingId, meetingInput({ capacity: 2, startsAt: inDays(11), endsAt: inDays(11, 2) }))
    expect(told).toBe(1)
    expect(await statusOf(meetingId, second.member.id)).toBe('registered')
    expect((await Meeting.findById(meetingId).lean())!.icsSequence).toBe(1)
    expect(await Notification.countDocuments({ recipientId: first.member.id, kind: 'meeting', 'data.meetingChange': 'changed' })).toBe(1)
    expect(await Notification.countDocuments({ recipientId: second.member.id, kind: 'meeting', 'data.meetingChange': 'promoted' })).toBe(1)
  })

  it('refuses a capacity below the seats taken, and an animator of another space', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ capacity: 2 })
    for (let index = 0; index < 2; index += 1) {
      const person = await companyWithMember()
      await registerForMeeting(person.member, meetingId, person.orgId)
    }
    const below = await refusal(updateMeeting(animator, meetingId, meetingInput({ capacity: 1 })))
    expect(below.fieldErrors?.capacity?.[0]).toContain('meetings.errors.capacityBelowRegistered')
    const elsewhere = await makeUser('animator', { animates: [{ kind: 'territory', ref: 'bressuire-cholet' }] })
    expect((await refusal(updateMeeting(elsewhere, meetingId, meetingInput()))).code).toBe('forbidden')
    expect((await refusal(createMeeting(elsewhere, meetingInput()))).code).toBe('forbidden')
  })

  it('cancelling tells every registrant; the page then offers no registration', async () => {
    const { meetingId, animator } = await animatorAndMeeting()
    const person = await companyWithMember()
    await registerForMeeting(person.member, meetingId, person.orgId)
    expect(await cancelMeeting(animator, meetingId)).toEqual({ told: 1 })
    expect(await Notification.countDocuments({ recipientId: person.member.id, kind: 'meeting', 'data.meetingChange': 'cancelled' })).toBe(1)
    const page = await getMeetingPage(person.member, meetingId)
    expect(page.meeting.status).toBe('cancelled')
    expect(page.viewer.canRegister).toBe(false)
    expect(page.viewer.canDownloadCalendar).toBe(true)
  })
})

describe('what the meeting page and calendar give away', () => {
  it('gives the online link to the registered and the organisers only', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ place: null, onlineUrl: 'https://visio.exemple.fr/salle?pwd=secret', capacity: 1 })
    const registered = await companyWithMember()
    const waiting = await companyWithMember()
    await registerForMeeting(registered.member, meetingId, registered.orgId)
    await registerForMeeting(waiting.member, meetingId, waiting.orgId)
    expect((await getMeetingPage(null, meetingId)).meeting).toMatchObject({ online: true, onlineUrl: null })
    expect((await getMeetingPage(waiting.member, meetingId)).meeting.onlineUrl).toBeNull()
    expect((await getMeetingForCalendar(null, meetingId)).onlineUrl).toBeNull()
    expect((await getMeetingPage(registered.member, meetingId)).meeting.onlineUrl).toBe('https://visio.exemple.fr/salle?pwd=secret')
    expect((await getMeetingForCalendar(registered.member, meetingId)).onlineUrl).toBe('https://visio.exemple.fr/salle?pwd=secret')
    expect((await getMeetingPage(animator, meetingId)).meeting.onlineUrl).toBe('https://visio.exemple.fr/salle?pwd=secret')
  })

  it('moves nobody up from the waiting list of a cancelled meeting', async () => {
    const { meetingId, animator } = await animatorAndMeeting({ capacity: 1 })
    const first = await companyWithMember()
    const second = await companyWithMember()
    await registerForMeeting(first.member, meetingId, first.orgId)
    await registerForMeeting(second.member, meetingId, second.orgId)
    await cancelMeeting(animator, meetingId)
    await cancelRegistrationsOf(first.member.id)
    expect(await statusOf(meetingId, second.member.id)).toBe('waitlisted')
    expect(await Notification.countDocuments({ recipientId: second.member.id, kind: 'meeting', 'data.meetingChange': 'promoted' })).toBe(0)
  })
})

describe('outcomes', () => {
  it('are recorded after the event only, among the participants’ needs, and counted on the animator’s board', async () => {
    const { meetingId, animator } = await animatorAndMeeting()
    const person = await companyWithMember()
    await registerForMeeting(person.member, meetingId, person.orgId)
    const { id: needId } = await createNeed(person.member, person.orgId, needInput(), { submit: true })
    const stranger = await companyWithMember()
    const { id: strangerNeedId } = await createNeed(stranger.member, stranger.orgId, needInput(), { submit: true })
    const input = { needIds: [needId], proposalIds: [], projectIds: [], notes: 'Deux contacts pris.' }
    expect((await refusal(recordOutcomes(animator, meetingId, input))).message).toBe('meetings.refusals.outcomesNotYet')
    const after = inDays(12)
    expect((await getOutcomesForm(animator, meetingId, after)).candidates.needs.map((need) => need.id)).toEqual([needId])
    expect((await refusal(recordOutcomes(animator, meetingId, { ...input, needIds: [strangerNeedId] }, after))).message).toBe('meetings.refusals.outcomeUnknown')
    await recordOutcomes(animator, meetingId, input, after)
    const row = (await outcomesBoard(animator, after)).find((entry) => entry.id === meetingId)
    expect(row).toMatchObject({ recorded: true, needs: 1, participants: 1 })
  })
})
