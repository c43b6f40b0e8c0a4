import type { UserRole } from './roles'

/**
 * What a person should do next once their address is verified: first belong to an organisation
 * (needs are posted, and answered, in an organisation's name), then the persona's first action.
 */
export type NextStep = 'joinCompany' | 'joinLab' | 'postNeed' | 'findNeeds' | 'account'

export function nextStepFor(role: UserRole, belongsToOrganisation: boolean): NextStep {
  if (role === 'industrialist') return belongsToOrganisation ? 'postNeed' : 'joinCompany'
  if (role === 'researcher') return belongsToOrganisation ? 'findNeeds' : 'joinLab'
  // Animators and admins are appointed: their account page says what they may do.
  return 'account'
}

/** Where each step leads; creating an organisation comes back to `suite` once done. */
export const nextStepLinks: Record<NextStep, { primary: string; secondary?: string }> = {
  joinCompany: { primary: '/organisations/nouvelle?type=company', secondary: '/organisations?type=company' },
  joinLab: { primary: '/organisations/nouvelle?type=lab', secondary: '/organisations?type=lab' },
  postNeed: { primary: '/besoins/nouveau' },
  findNeeds: { primary: '/recherche' },
  account: { primary: '/compte' },
}
