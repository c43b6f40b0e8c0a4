import type { Actor } from '../actor'
import { openStatuses } from '../needs/lifecycle'
import mongoose from 'mongoose'
import { Need, type NeedRecord } from '../needs/model.server'
import { Organisation } from '../orgs/model.server'
import { Project } from '../projects/model.server'
import { Proposal } from '../proposals/model.server'
import { ageInDays, followUpFlags, type FollowUpFlag } from './follow-up'
import { periodStart, type PeriodDays } from './kpi'
import { countBy, medianHoursToFirstProposal, shareAnsweredWithin } from '../statistics/kpi'
import { isModerator } from '../permissions'
import { spacesFilter } from './scope'
import { forbidden } from '../errors'

/** Follow-up flags and dashboard figures for the actor's scope (pure rules in follow-up.ts, kpi.ts). */
export type Clock = { now?: Date }

function assertModerator(actor: Actor) {
  if (!isModerator(actor)) throw forbidden('moderation.refusals.forbidden')
}

/** First proposal per need, in one aggregation. */
async function firstProposals(needIds: mongoose.Types.ObjectId[]) {
  if (!needIds.length) return new Map<string, Date>()
  const rows = await Proposal.aggregate<{ _id: mongoose.Types.ObjectId; first: Date }>([
    { $match: { needId: { $in: needIds } } },
    { $group: { _id: '$needId', first: { $min: '$createdAt' } } },
  ])
  return new Map(rows.map((row) => [String(row._id), row.first]))
}

async function latestProposals(needIds: mongoose.Types.ObjectId[]) {
  if (!needIds.length) return new Map<string, Date>()
  const rows = await Proposal.aggregate<{ _id: mongoose.Types.ObjectId; last: Date }>([
    { $match: { needId: { $in: needIds } } },
    { $group: { _id: '$needId', last: { $max: '$updatedAt' } } },
  ])
  return new Map(rows.map((row) => [String(row._id), row.last]))
}

export type FollowUpItem = { id: string; title: string; company: string; status: string; flags: FollowUpFlag[]; publishedAt: string | null; idleDays: number }

/** Open needs of the scope that call for the animator: no proposal after 10 days, idle 30 days. */
export async function followUpList(actor: Actor, clock: Clock = {}): Promise<FollowUpItem[]> {
  assertModerator(actor)
  const now = clock.now ?? new Date()
  const needs = (await Need.find({ status: { $in: openStatuses }, ...spacesFilter(actor) }).sort({ publishedAt: 1 }).limit(1000).lean()) as NeedRecord[]
  const latest = await latestProposals(needs.map((need) => need._id))
  const names = new Map((await Organisation.find({ _id: { $in: needs.map((need) => need.companyOrgId) } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]))
  return needs.flatMap((need) => {
    const times = [(need as unknown as { updatedAt: Date }).updatedAt, ...need.history.map((step) => step.at), latest.get(String(need._id))].filter((date): date is Date => Boolean(date))
    const lastActivityAt = new Date(Math.max(...times.map((date) => date.getTime())))
    const flags = followUpFlags({ status: need.status, publishedAt: need.publishedAt ?? null, proposalsReceived: need.proposalsReceived ?? 0, lastActivityAt }, now)
    if (!flags.length) return []
    return [{ id: String(need._id), title: need.title, company: names.get(String(need.companyOrgId)) ?? '', status: need.status, flags, publishedAt: need.publishedAt?.toISOString() ?? null, idleDays: ageInDays(lastActivityAt, now) }]
  })
}

export type Dashboard = {
  periodDays: PeriodDays
  totalNeeds: number
  byStatus: Array<{ key: string; count: number }>
  byDomain: Array<{ key: string; count: number }>
  byFiliere: Array<{ key: string; count: number }>
  answeredWithin3Days: number | null
  answeredWithin5Days: number | null
  medianHoursToFirstProposal: number | null
  acceptedProposals: number
  activeProjects: number
  mostActiveOrganisations: Array<{ key: string; count: number }>
}

/** The scope's figures over the last `days` days (needs created in the period). */
export async function dashboard(actor: Actor, days: PeriodDays, clock: Clock = {}): Promise<Dashboard> {
  assertModerator(actor)
  const since = periodStart(days, clock.now ?? new Date())
  const needs = (await Need.find({ createdAt: { $gte: since }, ...spacesFilter(actor) }, { status: 1, domains: 1, filiere: 1, publishedAt: 1 }).lean()) as NeedRecord[]
  const needIds = needs.map((need) => need._id)
  const [first, acceptedProposals, activeProjects, byOrg] = await Promise.all([
    firstProposals(needIds),
    Proposal.countDocuments({ needId: { $in: needIds }, status: 'accepted' }),
    Project.countDocuments({ needId: { $in: needIds }, status: 'active' }),
    Proposal.aggregate<{ _id: mongoose.Types.ObjectId; count: number }>([
      { $match: { needId: { $in: needIds } } },
      { $group: { _id: '$orgId', count: { $sum: 1 } } },
      { $sort: { count: -1, _id: 1 } },
      { $limit: 5 },
    ]),
  ])
  const orgNames = new Map((await Organisation.find({ _id: { $in: byOrg.map((row) => row._id) } }, { name: 1 }).lean()).map((org) => [String(org._id), org.name]))
  const kpiNeeds = needs.map((need) => ({ publishedAt: need.publishedAt ?? null, firstProposalAt: first.get(String(need._id)) ?? null }))
  return {
    periodDays: days,
    totalNeeds: needs.length,
    byStatus: countBy(needs, (need) => [need.status]),
    byDomain: countBy(needs, (need) => need.domains ?? []),
    byFiliere: countBy(needs, (need) => [need.filiere]),
    answeredWithin3Days: shareAnsweredWithin(kpiNeeds, 3),
    answeredWithin5Days: shareAnsweredWithin(kpiNeeds, 5),
    medianHoursToFirstProposal: medianHoursToFirstProposal(kpiNeeds),
    acceptedProposals,
    activeProjects,
    mostActiveOrganisations: byOrg.map((row) => ({ key: orgNames.get(String(row._id)) ?? '', count: row.count })),
  }
}
