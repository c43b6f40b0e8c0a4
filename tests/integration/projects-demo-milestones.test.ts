import mongoose from 'mongoose'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { Project } from '~/domain/projects/model.server'
import { seedId } from '../../seeds/demo-marketplace.server'
import { demoMilestones, seedDemoMilestones } from '../../seeds/demo/milestones'
import { isolatedMongoUri } from './support'

beforeAll(async () => {
  await mongoose.connect(isolatedMongoUri())
  await Project.init()
})
afterAll(() => mongoose.disconnect())

it('adds the demo milestones to the demo projects once, whoever ticked them off', async () => {
  const [company, partner] = [new mongoose.Types.ObjectId(), new mongoose.Types.ObjectId()]
  const projectId = seedId('project:morez-montures-3d')
  await Project.create({
    _id: projectId,
    needId: new mongoose.Types.ObjectId(),
    proposalId: new mongoose.Types.ObjectId(),
    companyOrgId: new mongoose.Types.ObjectId(),
    partnerOrgId: new mongoose.Types.ObjectId(),
    members: [company, partner],
    createdBy: company,
  })
  const now = new Date('2026-03-10T09:00:00Z')
  // The Laval project is not there: skipped, not an error.
  expect(await seedDemoMilestones(now)).toEqual({ milestones: 4 })
  expect(await seedDemoMilestones(now)).toEqual({ milestones: 0 })
  const project = await Project.findById(projectId).lean()
  const expected = demoMilestones.find((demo) => demo.needKey === 'morez-montures-3d')!.milestones
  expect(project!.milestones.map((milestone) => milestone.title)).toEqual(expected.map((milestone) => milestone.title))
  expect(project!.milestones[0]).toMatchObject({ dueDate: new Date('2026-02-18'), doneBy: partner })
  expect(project!.milestones[1]).toMatchObject({ dueDate: new Date('2026-03-08'), doneAt: null, doneBy: null })
  expect(project!.milestones[3]!.dueDate).toBeNull()
})
