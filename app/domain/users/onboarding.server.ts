import type { Actor } from '../actor'
import { organisationsOf } from '../orgs/memberships.server'
import { nextStepFor, type NextStep } from './onboarding'

export async function nextStepOf(actor: Pick<Actor, 'id' | 'role'>): Promise<NextStep> {
  return nextStepFor(actor.role, (await organisationsOf(actor.id)).length > 0)
}
