import type { Confidentiality } from './vocabulary'
import type { NeedStatus } from './lifecycle'

/**
 * What of a need each viewer may see — pure, so the rule is tested on its own and the
 * loaders only ever send the redacted view (confidential data never reaches the browser).
 *
 * - Drafts: company members only.
 * - Submitted (waiting for review): company members and the animators who may review it.
 * - Online (published, in discussion, in project, closed after publication): everyone sees
 *   the summary card.
 * - Details (description, TRL, budget, deadline, commune): everyone when the need is public,
 *   signed-in people when it is "members" or "anonymous".
 * - Company: hidden on anonymous needs from everyone but the company's members, the animators
 *   of its scope, and the members of the project that came out of it.
 * - Hidden by moderation: only the company and the reviewers (animators of its scope, admins).
 */
export type NeedViewer = {
  signedIn: boolean
  companyMember: boolean
  /** Animates the need's territory or a cluster/pôle the company belongs to. */
  scopeAnimator: boolean
  /** Platform admin: may review submitted needs, but does not lift anonymity. */
  admin: boolean
  /** Member of the project created from this need. */
  projectMember: boolean
}

export const anonymousViewer: NeedViewer = { signedIn: false, companyMember: false, scopeAnimator: false, admin: false, projectMember: false }

export type NeedAccess = { visible: boolean; showCompany: boolean; showDetails: boolean }

export function needAccess(need: { status: NeedStatus; confidentiality: Confidentiality; publishedAt?: Date | string | null; hidden?: boolean }, viewer: NeedViewer): NeedAccess {
  const insider = viewer.companyMember || viewer.scopeAnimator || viewer.projectMember
  let visible: boolean
  // Hidden by moderation: gone for everyone but the company (who sees why) and its moderators.
  if (need.hidden && !viewer.companyMember && !viewer.scopeAnimator && !viewer.admin) visible = false
  else if (need.status === 'draft') visible = viewer.companyMember
  else if (need.status === 'submitted') visible = viewer.companyMember || viewer.scopeAnimator || viewer.admin
  // A need closed before it ever went online stays as private as a submitted one.
  else if (need.status === 'closed' && !need.publishedAt) visible = viewer.companyMember || viewer.scopeAnimator || viewer.admin
  else visible = true
  if (!visible) return { visible: false, showCompany: false, showDetails: false }
  return {
    visible,
    showCompany: need.confidentiality !== 'anonymous' || insider,
    showDetails: need.confidentiality === 'public' || viewer.signedIn || insider,
  }
}

/** The fields counted as "details" (hidden from visitors on members-only and anonymous needs). */
export const detailFields = ['description', 'trlCurrent', 'trlTarget', 'budgetRange', 'deadline', 'communeName'] as const

type Redactable = {
  company: unknown
  description?: unknown
  trlCurrent?: unknown
  trlTarget?: unknown
  budgetRange?: unknown
  deadline?: unknown
  communeName?: unknown
}

/**
 * Removes what the viewer may not see. The result keeps the same shape with the hidden
 * fields set to null, plus `companyHidden`/`detailsHidden` so the page can say why.
 */
export function redactNeed<T extends Redactable>(view: T, access: NeedAccess): T & { companyHidden: boolean; detailsHidden: boolean } {
  const redacted = { ...view, companyHidden: !access.showCompany, detailsHidden: !access.showDetails }
  if (!access.showCompany) redacted.company = null
  if (!access.showDetails) for (const field of detailFields) if (field in redacted) (redacted as Record<string, unknown>)[field] = null
  return redacted
}
