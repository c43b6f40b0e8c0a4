import type { Actor, Space } from './actor'
import { forbidden } from './errors'
import type { NeedActorRelation } from './needs/lifecycle'
import { anonymousViewer, type NeedViewer } from './needs/visibility'
import { proposingKinds, type OrgKind } from './orgs/kinds'
import type { UserRole } from './users/roles'

/**
 * The one place that answers "may X do Y to Z" (docs/decisions/018-one-place-for-permissions.md).
 *
 * - Permission strings `action:entity:access` (Epic Stack style) say what a role may do at all:
 *   `own` means the entity must be the actor's (the predicate below is told whether it is),
 *   `scope` that it must lie in a space the actor animates, `any` that nothing more is needed.
 * - Predicates `may…` combine them with plain facts the services read (is the actor a member of
 *   this organisation, which spaces does this need belong to…). They are pure: no database, no
 *   clock; the table in tests/unit/permissions.test.ts covers actor × action.
 * Services call them (and `assertPermission`) and hand their answers to loaders as `can…` flags;
 * pages never compare roles.
 */
export const permissionsByRole = {
  industrialist: ['create:org:own', 'update:org:own', 'manage:org-members:own', 'join:org:any', 'read:user:any', 'create:need:own', 'update:need:own', 'create:proposal:own', 'report:content:any'],
  researcher: ['create:org:own', 'update:org:own', 'manage:org-members:own', 'join:org:any', 'read:user:any', 'create:need:own', 'update:need:own', 'create:proposal:own', 'report:content:any'],
  animator: [
    'create:org:own',
    'update:org:own',
    'manage:org-members:own',
    'join:org:any',
    'read:user:any',
    'verify:org:scope',
    'create:need:own',
    'update:need:own',
    'create:proposal:own',
    'review:need:scope',
    'report:content:any',
    'moderate:content:scope',
    'follow:project:scope',
    'handle:guichet:scope',
    'manage:meeting:scope',
  ],
  admin: [
    'create:org:own',
    'update:org:own',
    'update:org:any',
    'manage:org-members:own',
    'manage:org-members:any',
    'join:org:any',
    'read:user:any',
    'verify:org:any',
    'verify:org:scope',
    'appoint:animator:any',
    'read:mail-outbox:any',
    'manage:mail-outbox:any',
    'create:need:own',
    'update:need:own',
    'create:proposal:own',
    'review:need:scope',
    'review:need:any',
    'report:content:any',
    'moderate:content:scope',
    'moderate:content:any',
    'handle:guichet:scope',
    'handle:guichet:any',
    'manage:meeting:scope',
    'manage:meeting:any',
  ],
} as const satisfies Record<UserRole, readonly string[]>

export type Permission = (typeof permissionsByRole)[UserRole][number]

export function hasPermission(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): boolean {
  if (!actor) return false
  return (permissionsByRole[actor.role] as readonly string[]).includes(permission)
}

/** Refuses (`forbidden`, with the area's i18n key) unless the actor holds the permission. */
export function assertPermission(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission, refusalKey?: string): void {
  if (!hasPermission(actor, permission)) throw forbidden(refusalKey)
}

/** Refuses (`forbidden`, with the area's i18n key) when a predicate said no. */
export function assertAllowed(allowed: boolean, refusalKey?: string): void {
  if (!allowed) throw forbidden(refusalKey)
}

// ——— Spaces: the scope of animators ——————————————————————————————————————————————————

/** The actor animates one of these spaces (a need's `spaces`, an organisation's, a person's). */
export function animatesAnySpace(animates: readonly Space[], spaces: readonly Space[]): boolean {
  return spaces.some((space) => animates.some((item) => item.kind === space.kind && item.ref === space.ref))
}

/** The facts about an organisation the scope rule looks at. */
export type ScopedOrganisation = { kind: OrgKind; territories: readonly string[]; memberOf: ReadonlyArray<{ toString(): string }> }

/**
 * The spaces an organisation belongs to: the Territoires d'industrie it serves, plus — for a
 * company — the clusters/pôles it declared (a lab cannot bring itself into a cluster's scope).
 * Stored on audit entries and reports so an animator's search is one indexed query.
 */
export function organisationSpaces(org: ScopedOrganisation): Space[] {
  const spaces: Space[] = org.territories.map((ref) => ({ kind: 'territory', ref }))
  if (org.kind === 'company') for (const cluster of org.memberOf) spaces.push({ kind: 'organisation', ref: cluster.toString() })
  return spaces
}

// ——— Moderation ————————————————————————————————————————————————————————————————————

/** May enter the animators' workspace at all (animators and admins). */
export const isModerator = (actor: Actor | null | undefined): actor is Actor => hasPermission(actor, 'moderate:content:scope')
export const moderatesEverywhere = (actor: Actor | null | undefined) => hasPermission(actor, 'moderate:content:any')

/** Admins act everywhere; animators when they animate one of the target's spaces; nobody else. */
export function mayModerateSpaces(actor: Actor | null | undefined, spaces: readonly Space[]): boolean {
  if (moderatesEverywhere(actor)) return true
  return isModerator(actor) && animatesAnySpace(actor.animates, spaces)
}

export const mayModerateOrganisation = (actor: Actor | null | undefined, org: ScopedOrganisation) => mayModerateSpaces(actor, organisationSpaces(org))

/** Warn, suspend, ban: a person of the actor's scope, never oneself, and an admin only by an admin. */
export function mayModeratePerson(actor: Actor | null, person: { id: string; role: UserRole; spaces: readonly Space[] }): boolean {
  if (!actor || person.id === actor.id) return false
  if (person.role === 'admin' && !moderatesEverywhere(actor)) return false
  return mayModerateSpaces(actor, person.spaces)
}

/** Recommendations on a need are the company's business and its moderators'. */
export const maySeeRecommendations = (actor: Actor | null, need: { spaces: readonly Space[]; companyMember: boolean }) =>
  Boolean(actor) && (need.companyMember || mayModerateSpaces(actor, need.spaces))

/** Reporting: anyone signed in reports what they may see — a need not their company's, a profile not their own. */
export const mayReportNeed = (actor: Actor | null, need: { companyMember: boolean }) => hasPermission(actor, 'report:content:any') && !need.companyMember
export const mayReportUser = (actor: Actor | null, userId: string) => hasPermission(actor, 'report:content:any') && actor!.id !== userId

// ——— Organisations —————————————————————————————————————————————————————————————————

export const mayCreateOrganisation = (actor: Actor | null) => hasPermission(actor, 'create:org:own')

/** Members edit their organisation's profile; admins edit any. */
export const mayUpdateOrganisation = (actor: Actor | null, org: { member: boolean }) =>
  hasPermission(actor, 'update:org:any') || (org.member && hasPermission(actor, 'update:org:own'))

/** Owners manage members and invitations; admins, for any organisation. */
export const mayManageMembers = (actor: Actor | null, org: { owner: boolean }) =>
  hasPermission(actor, 'manage:org-members:any') || (org.owner && hasPermission(actor, 'manage:org-members:own'))

/** Only an owner hands ownership over (admins manage members, but do not give away an organisation they do not own). */
export const mayTransferOwnership = (actor: Actor | null, org: { owner: boolean }) => org.owner && hasPermission(actor, 'manage:org-members:own')

/** Admins verify anything; animators what their scope covers. */
export const mayVerifyOrganisation = (actor: Actor | null, org: ScopedOrganisation) =>
  hasPermission(actor, 'verify:org:any') || (hasPermission(actor, 'verify:org:scope') && animatesAnySpace(actor!.animates, organisationSpaces(org)))

/** Anyone signed in asks to join an organisation they are not a member of. */
export const mayJoinOrganisation = (actor: Actor | null, org: { member: boolean }) => !org.member && hasPermission(actor, 'join:org:any')

/** The members page: its members (their own settings) and those who manage it. */
export const maySeeMembers = (actor: Actor | null, org: { member: boolean; owner: boolean }) => Boolean(actor) && (org.member || mayManageMembers(actor, org))

// ——— Needs and proposals ————————————————————————————————————————————————————————————

/** Who the actor is to a need: what they may see of it (visibility.ts) and which lifecycle party they are (lifecycle.ts). */
export type NeedRelation = NeedViewer & NeedActorRelation

/** The actor's relation to a need, from the facts the service read (membership, project, the need's spaces). */
export function needRelation(actor: Actor | null, facts: { companyMember: boolean; projectMember: boolean; spaces: readonly Space[] }): NeedRelation {
  if (!actor) return { ...anonymousViewer, reviewer: false, system: false }
  const scopeAnimator = hasPermission(actor, 'review:need:scope') && animatesAnySpace(actor.animates, facts.spaces)
  const admin = hasPermission(actor, 'review:need:any')
  return { signedIn: true, companyMember: facts.companyMember, scopeAnimator, admin, projectMember: facts.projectMember, reviewer: scopeAnimator || admin, system: false }
}

export const mayCreateNeed = (actor: Actor | null) => hasPermission(actor, 'create:need:own')
export const mayEditNeedContent = (actor: Actor | null, relation: { companyMember: boolean }) => relation.companyMember && hasPermission(actor, 'update:need:own')

/** Whether needs of a space wait for review: its animators decide (admins for any space). */
export const maySetReviewRule = (actor: Actor | null, space: Space) =>
  hasPermission(actor, 'review:need:any') || (hasPermission(actor, 'review:need:scope') && animatesAnySpace(actor!.animates, [space]))

/** Answering a need: someone signed in who is not of its company, while it is open. */
export const mayProposeOn = (actor: Actor | null, need: { companyMember: boolean; open: boolean }) => need.open && !need.companyMember && hasPermission(actor, 'create:proposal:own')

/**
 * Asking the company a question before proposing: someone who could answer it (a member of a lab,
 * centre, cluster or pôle), not of its company, while it is open — and never on an anonymised
 * need, whose conversation would name the company's people.
 */
export const mayAskAboutNeed = (actor: Actor | null, need: { companyMember: boolean; open: boolean; anonymous: boolean; askerProposes: boolean }) =>
  need.open && !need.anonymous && need.askerProposes && !need.companyMember && hasPermission(actor, 'create:proposal:own')

/** Proposing for an organisation: a lab, centre, cluster or pôle the actor belongs to. */
export const mayProposeFor = (actor: Actor | null, org: { kind: OrgKind; member: boolean }) => proposingKinds.includes(org.kind) && org.member && hasPermission(actor, 'create:proposal:own')

// ——— People, conversations, presence ——————————————————————————————————————————————————

/** A profile hidden by moderation is gone for everyone but its owner. */
export const maySeeProfile = (actor: Actor | null, profile: { userId: string; hidden: boolean }) => !profile.hidden || actor?.id === profile.userId

/** Writing to someone: anyone signed in, to anyone else. */
export const mayWriteTo = (actor: Actor | null, userId: string) => Boolean(actor) && actor!.id !== userId

/** Editing or deleting a message: its author only. */
export const mayChangeMessage = (actor: Actor | null, message: { authorId: { toString(): string } }) => Boolean(actor) && message.authorId.toString() === actor!.id

/**
 * Presence: only people who share a conversation with someone may know whether they are online.
 * A question about several people is answered for all of them or refused as a whole.
 */
export const maySeePresenceOf = (sharesAConversationWith: ReadonlySet<string>, userIds: readonly string[]) => userIds.every((id) => sharesAConversationWith.has(id))

// ——— Projects ——————————————————————————————————————————————————————————————————————

/** Animators of the need's spaces follow the project room (they read, members act). */
export const mayFollowProject = (actor: Actor | null, need: { spaces: readonly Space[] }) => hasPermission(actor, 'follow:project:scope') && animatesAnySpace(actor!.animates, need.spaces)

// ——— The territory's one-stop shop (« guichet ») ——————————————————————————————————————————

/** Answer, route or turn into a need a request made to a territory's guichet: its animators; admins, any territory's. */
export const mayHandleGuichetRequest = (actor: Actor | null, request: { territory: string }) =>
  hasPermission(actor, 'handle:guichet:any') || (hasPermission(actor, 'handle:guichet:scope') && animatesAnySpace(actor!.animates, [{ kind: 'territory', ref: request.territory }]))

/** Admins handle every territory's guichet (their queue is not narrowed to the territories they animate). */
export const handlesEveryGuichet = (actor: Actor | null) => hasPermission(actor, 'handle:guichet:any')

/** The guichet's queue at all (/animation/guichet): whoever may handle some territory's requests. */
export const maySeeGuichetQueue = (actor: Actor | null) => hasPermission(actor, 'handle:guichet:any') || (hasPermission(actor, 'handle:guichet:scope') && actor!.animates.some((space) => space.kind === 'territory'))

// ——— Administration and navigation ———————————————————————————————————————————————————

export const mayAppointAnimators = (actor: Actor | null) => hasPermission(actor, 'appoint:animator:any')

/**
 * The everyday work each persona comes for (PRODUCT.md), put first in the header: industrialists
 * post and follow needs, researchers propose, animators and admins animate. Everyone may still do
 * the rest (the permissions above); it sits in the account menu.
 */
const everydayWorkByRole = { industrialist: 'needs', researcher: 'proposals', animator: 'animation', admin: 'animation' } as const satisfies Record<UserRole, string>

/** Send again now, or delete, a mail of the outbox that keeps failing (/admin/e-mails). */
export const mayManageOutbox = (actor: Actor | null) => hasPermission(actor, 'manage:mail-outbox:any')

// ——— Saved-search alerts ——————————————————————————————————————————————————————————————

/** An alert is its owner's only: saved, renamed, turned off or deleted by them (no one else reads it). */
export const mayManageAlert = (actor: Actor | null, alert: { userId: { toString(): string } }) => Boolean(actor) && alert.userId.toString() === actor!.id

// ——— Meetings (« Rencontres ») ———————————————————————————————————————————————————————

/** Creates meetings: an animator of at least one space (in those spaces only), or an admin (anywhere). */
export const mayCreateMeeting = (actor: Actor | null) =>
  hasPermission(actor, 'manage:meeting:any') || (hasPermission(actor, 'manage:meeting:scope') && actor!.animates.length > 0)

/** Creates, edits, cancels a meeting of this space and records its outcomes: its animators, or an admin. */
export const mayManageMeeting = (actor: Actor | null, meeting: { scope: Space }) =>
  hasPermission(actor, 'manage:meeting:any') || (hasPermission(actor, 'manage:meeting:scope') && animatesAnySpace(actor!.animates, [meeting.scope]))

/** Registers for a meeting on behalf of an organisation: signed in and a member of it. */
export const mayRegisterForMeeting = (actor: Actor | null, registration: { member: boolean }) => Boolean(actor) && registration.member

/** What the navigation offers the signed-in person. */
export const navigationFlags = (actor: Actor) => ({
  canModerate: isModerator(actor),
  canAppointAnimators: mayAppointAnimators(actor),
  needsFirst: everydayWorkByRole[actor.role] === 'needs',
  proposalsFirst: everydayWorkByRole[actor.role] === 'proposals',
})

// ——— Business meetings (one-to-ones at a « Rencontre ») ——————————————————————————————————

/** The grid of one-to-ones is set by those who manage the meeting (its space's animators, admins). */
export const mayArrangeOneToOnes = (actor: Actor | null, meeting: { scope: Space }) => mayManageMeeting(actor, meeting)

/** Who comes, with their needs and competences: the registered participants and the meeting's animators. */
export const maySeeMeetingParticipants = (actor: Actor | null, facts: { registered: boolean; scope: Space }) =>
  Boolean(actor) && (facts.registered || mayArrangeOneToOnes(actor, facts))

/** A one-to-one is asked by a registered participant, of someone else. */
export const mayRequestOneToOne = (actor: Actor | null, facts: { registered: boolean; recipientId: string }) =>
  Boolean(actor) && facts.registered && actor!.id !== facts.recipientId
