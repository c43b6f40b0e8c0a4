import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Need } from '~/domain/needs/model.server'
import { platformJobs } from '../../server/jobs/index'
import { startScheduler } from '../../server/jobs/scheduler'
import { isolatedMongoUri, testLogger } from './support'

describe('periodic jobs', () => {
  beforeAll(async () => {
    await mongoose.connect(isolatedMongoUri())
  })
  afterAll(() => mongoose.disconnect())

  it('closes published needs whose deadline has passed as expired as soon as the server starts', async () => {
    const base = { companyOrgId: new mongoose.Types.ObjectId(), createdBy: new mongoose.Types.ObjectId(), title: 'Besoin échu', confidentiality: 'public' }
    const overdue = await Need.create({ ...base, status: 'published', deadline: new Date(Date.now() - 3 * 86_400_000) })
    const current = await Need.create({ ...base, status: 'published', deadline: new Date(Date.now() + 3 * 86_400_000) })

    const scheduler = startScheduler(platformJobs(), testLogger())
    await scheduler.stop() // waits for the first run

    const [expired, untouched] = await Promise.all([Need.findById(overdue._id).lean(), Need.findById(current._id).lean()])
    expect(expired).toMatchObject({ status: 'closed', closedReason: 'expired' })
    expect(expired?.history.at(-1)).toMatchObject({ from: 'published', to: 'closed', by: null })
    expect(untouched?.status).toBe('published')
  })

  it('keeps running after a failed run', async () => {
    let calls = 0
    const scheduler = startScheduler(
      [{ name: 'flaky', everyMs: 20, run: async () => {
        calls++
        if (calls === 1) throw new Error('first run fails')
      } }],
      testLogger(),
    )
    await expect.poll(() => calls, { timeout: 2_000 }).toBeGreaterThanOrEqual(3)
    await scheduler.stop()
  })
})
