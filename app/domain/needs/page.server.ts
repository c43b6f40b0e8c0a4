import type { MeiliSearch } from 'meilisearch'
import type { Actor } from '../actor'
import { questionOffer } from '../messaging/need-questions.server'
import { recommendationsForNeed } from '../moderation/service.server'
import { mayProposeOn, mayReportNeed } from '../permissions'
import { organisationsThatMayPropose, proposalsForNeed } from '../proposals/service.server'
import { suggestPartners } from '../search/matching.server'
import { matchAides } from './aides'
import { institutionalServices } from './aides-catalogue'
import { acceptsProposals } from './lifecycle'
import { getNeedForViewer } from './service.server'

/**
 * Everything the need page shows, and what the viewer may do there, in one call: the need as the
 * viewer may see it, its proposals (with their buttons), the organisations the viewer may propose
 * for, suggested partners, animators' recommendations and the public aids it matches. The page
 * only lays it out; the rules are the services' and permissions.ts'.
 */
export async function needPage(actor: Actor | null, needId: string, search: MeiliSearch) {
  const page = await getNeedForViewer(actor, needId)
  const { need, relation } = page
  const open = acceptsProposals(need.status)
  const [proposals, mayProposeFor, recommendations, question] = await Promise.all([
    proposalsForNeed(actor, { id: needId, companyMember: relation.companyMember, open }),
    actor && mayProposeOn(actor, { companyMember: relation.companyMember, open }) ? organisationsThatMayPropose(actor, needId) : [],
    recommendationsForNeed(actor, { id: needId, spaces: page.spaces, companyMember: relation.companyMember }),
    questionOffer(actor, need, relation),
  ])
  // The company's size is used for matching only when its identity is not hidden.
  const aides = matchAides(institutionalServices, { ...page.matching, companySize: need.companyHidden ? null : page.matching.companySize })
  // Suggested partners help the company (and its animators) while the need is open.
  const suggestions = open && (relation.companyMember || relation.reviewer) ? await suggestPartners(search, { ...need, communeCode: page.matching.communeCode }) : null
  return {
    need,
    companySlug: page.companySlug,
    question,
    signedIn: Boolean(actor),
    relation: { companyMember: relation.companyMember, reviewer: relation.reviewer },
    actions: page.actions,
    editable: page.editable,
    projectId: page.projectId,
    history: page.history,
    proposals,
    open,
    mayProposeFor: mayProposeFor.map((org) => ({ id: org.id, name: org.name })),
    aides,
    suggestions,
    recommendations,
    hidden: page.hidden,
    mayReport: mayReportNeed(actor, relation),
  }
}
