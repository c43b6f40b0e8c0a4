import { Project } from '~/domain/projects/model.server'
import { seedId } from '../demo-marketplace.server'

/**
 * Fictional milestones of two demo projects: the Morez 3D-printing project under way (one step
 * done, one overdue, one ahead, one undated) and the finished Laval VR training project.
 * `dueInDays` and `doneDaysAgo` are relative to the seeding day; `by` is who ticked it off
 * (`company` or `partner`: the organisation's owner, the project's first members).
 */
export type DemoMilestone = { key: string; title: string; dueInDays: number | null; doneDaysAgo?: number; by?: 'company' | 'partner' }

export const demoMilestones: Array<{ needKey: string; milestones: DemoMilestone[] }> = [
  {
    needKey: 'morez-montures-3d',
    milestones: [
      { key: 'choix-technologie', title: 'Choix des technologies : stéréolithographie et fusion laser', dueInDays: -20, doneDaysAgo: 22, by: 'partner' },
      { key: 'prototypes', title: 'Premiers prototypes des trois modèles de branches', dueInDays: -2 },
      { key: 'fatigue', title: 'Campagne d’essais de fatigue sur les charnières titane', dueInDays: 30 },
      { key: 'formation', title: 'Former deux techniciens de l’atelier de Morez', dueInDays: null },
    ],
  },
  {
    needKey: 'laval-formation-vr',
    milestones: [
      { key: 'scenarios', title: 'Scénarios de formation écrits avec les formateurs', dueInDays: -150, doneDaysAgo: 152, by: 'partner' },
      { key: 'module', title: 'Module de réalité virtuelle livré', dueInDays: -90, doneDaysAgo: 95, by: 'partner' },
      { key: 'essais-site', title: 'Essais sur site avec six opérateurs', dueInDays: -60, doneDaysAgo: 58, by: 'company' },
    ],
  },
]

const DAY = 24 * 60 * 60 * 1000

/**
 * Insert-only, by stable ids, like the rest of the demo data: a milestone already there (or
 * deleted by someone trying the demo — then it stays deleted only until a reset) is left alone.
 * Runs after seedDemoMarketplace (the projects must exist); a project that is missing is skipped.
 */
export async function seedDemoMilestones(now = new Date()) {
  let inserted = 0
  for (const demo of demoMilestones) {
    const projectId = seedId(`project:${demo.needKey}`)
    const project = await Project.findById(projectId, { members: 1, createdAt: 1 }).lean()
    if (!project) continue
    const [companyOwner, partnerOwner] = project.members
    for (const [index, milestone] of demo.milestones.entries()) {
      const id = seedId(`milestone:${demo.needKey}:${milestone.key}`)
      const doneBy = milestone.by === 'company' ? companyOwner : milestone.by === 'partner' ? partnerOwner : null
      const dueDate = milestone.dueInDays === null ? null : new Date(new Date(now.getTime() + milestone.dueInDays * DAY).toISOString().slice(0, 10))
      const result = await Project.updateOne(
        { _id: projectId, 'milestones._id': { $ne: id } },
        {
          $push: {
            milestones: {
              _id: id,
              title: milestone.title,
              dueDate,
              doneAt: milestone.doneDaysAgo === undefined ? null : new Date(now.getTime() - milestone.doneDaysAgo * DAY),
              doneBy: milestone.doneDaysAgo === undefined ? null : (doneBy ?? companyOwner),
              createdBy: companyOwner,
              // In the order written, a minute apart, so equal due days keep it.
              createdAt: new Date((project.createdAt?.getTime() ?? now.getTime()) + index * 60_000),
            },
          },
        },
      )
      inserted += result.modifiedCount
    }
  }
  return { milestones: inserted }
}
