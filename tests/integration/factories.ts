import { randomUUID } from 'node:crypto'
import mongoose from 'mongoose'
import { actorOf, type Actor } from '~/domain/actor'
import { Need, NeedReviewPolicy } from '~/domain/needs/model.server'
import type { NeedInput } from '~/domain/needs/schema'
import type { OrgKind } from '~/domain/orgs/kinds'
import { Membership, Organisation } from '~/domain/orgs/model.server'
import { resolveCommune } from '~/domain/places/communes.server'
import { Project } from '~/domain/projects/model.server'
import { Proposal } from '~/domain/proposals/model.server'
import type { ProposalInput } from '~/domain/proposals/schema'
import { User } from '~/domain/users/model.server'
import type { UserRole } from '~/domain/users/roles'
import { isolatedMongoUri } from './support'

/** The integration tests' factories: people, organisations, memberships, need and proposal inputs. */
export async function connectMarketplaceDb() {
  await mongoose.connect(isolatedMongoUri())
  // Unique and partial indexes must exist before the tests rely on them.
  await Promise.all([User.init(), Organisation.init(), Membership.init(), Need.init(), NeedReviewPolicy.init(), Proposal.init(), Project.init()])
}

export const saintClaude = resolveCommune('39478')!
export const cholet = resolveCommune('49099')!

export type TestUser = Actor & { email: string }
type UserOptions = { animates?: Actor['animates']; name?: string; email?: string } & Record<string, unknown>

/** A verified user straight in the database (no sign-up e-mail): the one way tests make people. */
export async function makeUser(role: UserRole = 'industrialist', { animates = [], ...fields }: UserOptions = {}): Promise<TestUser> {
  const unique = randomUUID().slice(0, 8)
  const user = await User.create({ email: `it-${unique}@exemple.test`, passwordHash: 'not-used', name: `Personne ${unique}`, role, animates, emailVerifiedAt: new Date(), ...fields })
  return { ...actorOf({ id: String(user._id), role, name: user.name, animates: user.animates }), email: user.email }
}

export async function makeOrg(
  kind: OrgKind,
  overrides: { territories?: string[]; memberOf?: string[]; size?: 'tpe' | 'pme' | 'eti' | 'ge'; name?: string } = {},
) {
  const unique = randomUUID().slice(0, 8)
  const org = await Organisation.create({
    slug: `${kind}-${unique}`,
    name: overrides.name ?? `${kind} ${unique}`,
    kind,
    location: saintClaude,
    territories: overrides.territories ?? [],
    memberOf: overrides.memberOf ?? [],
    size: overrides.size ?? null,
    fictional: true,
  })
  return String(org._id)
}

export async function join(actor: Pick<Actor, 'id'>, orgId: string, role: 'owner' | 'member' = 'member') {
  await Membership.create({ orgId, userId: actor.id, role })
}

/** A company with one member: the usual author of a need. */
export async function companyWithMember(overrides: Parameters<typeof makeOrg>[1] = {}) {
  const orgId = await makeOrg('company', overrides)
  const member = await makeUser('industrialist')
  await join(member, orgId, 'owner')
  return { orgId, member }
}

/** A lab with one researcher. */
export async function labWithMember(kind: OrgKind = 'lab') {
  const orgId = await makeOrg(kind)
  const member = await makeUser('researcher')
  await join(member, orgId, 'owner')
  return { orgId, member }
}

export function needInput(overrides: Partial<NeedInput> = {}): NeedInput {
  return {
    title: 'Contrôle qualité par vision',
    summary: 'Détecter automatiquement les défauts de nos pièces injectées en sortie de presse.',
    category: 'technical',
    domains: ['machine-vision', 'ai'],
    location: saintClaude,
    confidentiality: 'members',
    description: 'Trois presses, 20 000 pièces par jour, défauts de surface.',
    trlCurrent: 3,
    trlTarget: 6,
    stage: 'experimentation',
    budgetRange: '50k_200k',
    territory: 'haut-jura',
    ...overrides,
  }
}

export function proposalInput(overrides: Partial<ProposalInput> = {}): ProposalInput {
  return {
    approach: 'Campagne d’acquisition d’images puis entraînement d’un modèle de détection sur banc d’essai.',
    team: 'Deux ingénieurs vision et un doctorant',
    durationMonths: 6,
    costRange: '50k_200k',
    trlStart: 3,
    trlEnd: 6,
    partners: [],
    ...overrides,
  }
}

export const dayString = (date: Date) => date.toISOString().slice(0, 10)
export const daysFromNow = (days: number) => dayString(new Date(Date.now() + days * 24 * 60 * 60 * 1000))
