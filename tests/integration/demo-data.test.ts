import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '~/domain/auth/service.server'
import { Membership, Organisation } from '~/domain/orgs/model.server'
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
    expect(second).toEqual({ organisations: 0, users: 0, memberships: 0 })
    expect(await snapshot()).toEqual(before)
  })

  it('has every persona of the README, animators for each demo territory, and fictional companies marked as such', async () => {
    for (const persona of demoPersonas) expect(await User.exists({ email: persona.email })).toBeTruthy()
    const animators = await User.find({ role: 'animator' }).lean()
    const territories = new Set(animators.flatMap((a) => a.animates.filter((s) => s.kind === 'territory').map((s) => s.ref)))
    expect(territories.size).toBeGreaterThanOrEqual(13)
    const companies = await Organisation.find({ kind: 'company' }).lean()
    expect(companies.length).toBeGreaterThan(0)
    expect(companies.every((company) => company.fictional && /fictif|fictive/.test(company.name))).toBe(true)
    const morez = await Organisation.findOne({ slug: 'lunettes-du-haut-jura' }).lean()
    expect(morez?.location?.departementName).toBe('Jura')
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
