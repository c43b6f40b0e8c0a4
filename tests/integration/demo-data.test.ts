import { actorOf } from '~/domain/actor'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '~/domain/auth/service.server'
import { Conversation } from '~/domain/messaging/model.server'
import { history } from '~/domain/messaging/service.server'
import { Need } from '~/domain/needs/model.server'
import { Meeting, MeetingRegistration } from '~/domain/meetings/model.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { Project } from '~/domain/projects/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import { User } from '~/domain/users/model.server'
import { DEMO_PASSWORD, demoPersonas } from '../../seeds/demo/people'
import { hasDemoData, resetDemoData, seedDemoData } from '../../seeds/demo-data.server'
import { isolatedMongoUri, testLogger } from './support'

const snapshot = async () => ({
  users: await User.find({}, { updatedAt: 0 }).sort({ email: 1 }).lean(),
  organisations: await Organisation.find({}, { updatedAt: 0 }).sort({ slug: 1 }).lean(),
  memberships: await Membership.find({}, { updatedAt: 0 }).sort({ orgId: 1, userId: 1 }).lean(),
})

describe('demo data', () => {
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
  })
  afterAll(() => mongoose.disconnect())

  it('loads a living set once, and a second run changes nothing', async () => {
    expect(await hasDemoData()).toBe(false)
    const first = await seedDemoData(testLogger())
    expect(first.organisations).toBeGreaterThanOrEqual(40)
    expect(await hasDemoData()).toBe(true)
    const before = await snapshot()

    const second = await seedDemoData(testLogger())
    expect(second).toEqual({ organisations: 0, users: 0, memberships: 0, needs: 0, proposals: 0, projects: 0, conversations: 0, messages: 0, milestones: 0, meetings: 0, oneToOnes: 0 })
    expect(await snapshot()).toEqual(before)
  })

  it('has every persona of the README, animators for each demo territory, and fictional companies marked as such', async () => {
    for (const persona of demoPersonas) expect(await User.exists({ email: persona.email })).not.toBeNull()
    const animators = await User.find({ role: 'animator' }).lean()
    const territories = new Set(animators.flatMap((a) => a.animates.filter((s) => s.kind === 'territory').map((s) => s.ref)))
    expect(territories.size).toBeGreaterThanOrEqual(13)
    const companies = await Organisation.find({ kind: 'company' }).lean()
    expect(companies.length).toBeGreaterThan(0)
    expect(companies.every((company) => company.fictional && /fictif|fictive/.test(company.name))).toBe(true)
    const morez = await Organisation.findOne({ slug: 'lunettes-du-haut-jura' }).lean()
    expect(morez?.location?.departementName).toBe('Jura')
  })

  it('gives every territory with an animator a past and an upcoming meeting, with registrations', async () => {
    const now = new Date()
    const animators = await User.find({ role: 'animator' }).lean()
    const territories = new Set(animators.flatMap((a) => a.animates.filter((s) => s.kind === 'territory').map((s) => s.ref)))
    for (const territory of territories) {
      const meetings = await Meeting.find({ 'scope.kind': 'territory', 'scope.ref': territory, status: 'published' }).lean()
      const upcoming = meetings.find((meeting) => meeting.startsAt > now)
      const past = meetings.find((meeting) => meeting.endsAt < now)
      expect(upcoming, territory).toBeDefined()
      expect(past, territory).toBeDefined()
      for (const meeting of [upcoming!, past!]) {
        const registered = await MeetingRegistration.countDocuments({ meetingId: meeting._id, status: 'registered' })
        expect(registered, `${territory} ${meeting.title}`).toBeGreaterThan(0)
        expect(meeting.registeredCount).toBe(registered)
      }
    }
  })

  it('opens on a living marketplace: needs in every status, proposals, an active project of the demo personas', async () => {
    const statuses = await Need.distinct('status')
    expect(statuses.sort()).toEqual(['closed', 'draft', 'in_discussion', 'in_project', 'published', 'submitted'])
    expect(await Need.countDocuments()).toBeGreaterThanOrEqual(60)
    expect(await Proposal.countDocuments()).toBeGreaterThan(10)
    const industrialist = await User.findOne({ email: demoPersonas[0]!.email }).lean()
    const researcher = await User.findOne({ email: demoPersonas[1]!.email }).lean()
    const room = await Project.findOne({ status: 'active', members: { $all: [industrialist!._id, researcher!._id] } }).lean()
    expect(room).not.toBeNull()
    const need = await Need.findById(room!.needId).lean()
    expect(need?.status).toBe('in_project')
    expect(String(need?.projectId)).toBe(String(room!._id))
    // Its room has a conversation with history, readable by the members through the service.
    const conversation = await Conversation.findOne({ kind: 'project', projectId: room!._id }).lean()
    expect(conversation?.participants.map(String)).toContain(String(industrialist!._id))
    const page = await history(actorOf({ id: String(researcher!._id), name: researcher!.name, role: researcher!.role }), String(conversation!._id), { before: null })
    expect(page.messages.length).toBeGreaterThanOrEqual(5)
    expect(page.messages.some((message) => message.html.includes('<strong>trois modèles</strong>'))).toBe(true)
  })

  it('lets demo accounts sign in only in demo mode', async () => {
    const email = demoPersonas[0]!.email
    expect(await signIn({ email, password: DEMO_PASSWORD, ip: '203.0.113.5', allowDemoAccounts: true })).toMatchObject({ ok: true })
    expect(await signIn({ email, password: DEMO_PASSWORD, ip: '203.0.113.6', allowDemoAccounts: false })).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    })
  })

  it('starts over with --reset', async () => {
    await resetDemoData()
    expect(await hasDemoData()).toBe(false)
    expect(await User.countDocuments()).toBe(0)
    const report = await seedDemoData(testLogger())
    expect(report.users).toBeGreaterThan(50)
  })
})
