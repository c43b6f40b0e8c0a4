import { openStatuses } from '../needs/lifecycle'
import { Need } from '../needs/model.server'
import { notHidden } from '../moderation/hidden.server'
import { Organisation } from '../orgs/model.server'
import { Proposal } from '../proposals/model.server'
import { ANSWER_WINDOW_MS, answeredShare, type TerritoryFigures } from './figures'

/**
 * A territory's key figures, counted in MongoDB (never by loading the needs): open needs,
 * organisations serving it, projects started from its needs, and the share of its published needs
 * whose first proposal came within 5 days — one aggregation with a lookup of the first proposal.
 * Content hidden by moderation counts nowhere, as it shows nowhere.
 */
export async function territoryFigures(territoryId: string): Promise<TerritoryFigures> {
  const [hiddenNeeds, hiddenOrgs] = await Promise.all([notHidden('need'), notHidden('organisation')])
  const needs = { territory: territoryId, ...hiddenNeeds }
  const [openNeeds, organisations, projectsStarted, answered] = await Promise.all([
    Need.countDocuments({ ...needs, status: { $in: openStatuses } }),
    Organisation.countDocuments({ territories: territoryId, ...hiddenOrgs }),
    Need.countDocuments({ ...needs, projectId: { $ne: null } }),
    Need.aggregate<{ published: number; answeredInTime: number }>([
      { $match: { ...needs, publishedAt: { $ne: null } } },
      {
        $lookup: {
          from: Proposal.collection.name,
          localField: '_id',
          foreignField: 'needId',
          as: 'proposals',
        },
      },
      { $project: { publishedAt: 1, first: { $min: '$proposals.createdAt' } } },
      {
        $group: {
          _id: null,
          published: { $sum: 1 },
          answeredInTime: { $sum: { $cond: [{ $and: [{ $ne: [{ $ifNull: ['$first', null] }, null] }, { $lte: [{ $subtract: ['$first', '$publishedAt'] }, ANSWER_WINDOW_MS] }] }, 1, 0] } },
        },
      },
    ]),
  ])
  const counts = answered[0] ?? { published: 0, answeredInTime: 0 }
  return { openNeeds, organisations, projectsStarted, publishedNeeds: counts.published, answeredWithin5Days: answeredShare(counts) }
}
