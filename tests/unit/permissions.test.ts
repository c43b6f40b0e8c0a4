import { describe, expect, it } from 'vitest'
import { actorOf, type Actor, type Space } from '~/domain/actor'
import { needAccess } from '~/domain/needs/visibility'
import {
  animatesAnySpace,
  assertPermission,
  isModerator,
  mayAppointAnimators,
  mayAskAboutNeed,
  mayChangeMessage,
  mayCreateMeeting,
  mayCreateNeed,
  mayCreateOrganisation,
  mayEditNeedContent,
  mayFollowProject,
  handlesEveryGuichet,
  mayHandleGuichetRequest,
  maySeeGuichetQueue,
  mayJoinOrganisation,
  mayManageMembers,
  mayModerateOrganisation,
  mayModeratePerson,
  mayModerateSpaces,
  mayProposeFor,
  mayProposeOn,
  mayReportNeed,
  mayReportUser,
  maySeeMembers,
  maySeePresenceOf,
  maySeeProfile,
  maySeeRecommendations,
  maySetReviewRule,
  mayTransferOwnership,
  mayUpdateOrganisation,
  mayVerifyOrganisation,
  mayManageAlert,
  mayManageMeeting,
  mayRegisterForMeeting,
  mayManageOutbox,
  mayWriteTo,
  mayArrangeOneToOnes,
  mayRequestOneToOne,
  maySeeMeetingParticipants,
  navigationFlags,
  needRelation,
  organisationSpaces,
} from '~/domain/permissions'

const hautJura: Space = { kind: 'territory', ref: 'haut-jura' }
const clusterId = '64b7f0c2a1b2c3d4e5f60718'

/** The columns of the table: a visitor, then one signed-in person per role; two animators, one of Haut-Jura and cluster c1, one elsewhere. */
const actors: Array<[string, Actor | null]> = [
  ['visitor', null],
  ['industrialist', actorOf({ id: 'i', name: 'Inès', role: 'industrialist' })],
  ['researcher', actorOf({ id: 'r', name: 'Rémi', role: 'researcher' })],
  ['animator of Haut-Jura', actorOf({ id: 'a', name: 'Anne', role: 'animator', animates: [hautJura, { kind: 'organisation', ref: clusterId }] })],
  ['animator elsewhere', actorOf({ id: 'o', name: 'Olivier', role: 'animator', animates: [{ kind: 'territory', ref: 'bressuire-cholet' }] })],
  ['admin', actorOf({ id: 'd', name: 'Dominique', role: 'admin' })],
]

const labOfHautJura = { kind: 'lab' as const, territories: ['haut-jura'], memberOf: [] }
const companyOfCluster = { kind: 'company' as const, territories: [], memberOf: [clusterId] }
const labClaimingCluster = { kind: 'lab' as const, territories: [], memberOf: [clusterId] }
const anonymousNeedOnline = { status: 'published' as const, confidentiality: 'anonymous' as const, publishedAt: new Date('2026-01-05') }
const ownId = (actor: Actor | null) => actor?.id ?? 'nobody'

/**
 * Actor × action: `y` where the actor may, `n` where not, in the column order of `actors`. Each
 * action is the predicate the services call, with the facts they would have read.
 */
const table: Array<[string, (actor: Actor | null) => boolean, string]> = [
  ['create an organisation', (a) => mayCreateOrganisation(a), 'n y y y y y'],
  ['edit the profile of their organisation', (a) => mayUpdateOrganisation(a, { member: true }), 'n y y y y y'],
  ['edit the profile of another organisation', (a) => mayUpdateOrganisation(a, { member: false }), 'n n n n n y'],
  ['manage the members of an organisation they own', (a) => mayManageMembers(a, { owner: true }), 'n y y y y y'],
  ['manage the members of another organisation', (a) => mayManageMembers(a, { owner: false }), 'n n n n n y'],
  ['hand over an organisation they own', (a) => mayTransferOwnership(a, { owner: true }), 'n y y y y y'],
  ['hand over an organisation they do not own', (a) => mayTransferOwnership(a, { owner: false }), 'n n n n n n'],
  ['see the members page of their organisation', (a) => maySeeMembers(a, { member: true, owner: false }), 'n y y y y y'],
  ['see the members page of another organisation', (a) => maySeeMembers(a, { member: false, owner: false }), 'n n n n n y'],
  ['ask to join an organisation', (a) => mayJoinOrganisation(a, { member: false }), 'n y y y y y'],
  ['manage their own saved-search alert', (a) => mayManageAlert(a, { userId: ownId(a) }), 'n y y y y y'],
  ['manage someone else’s saved-search alert', (a) => mayManageAlert(a, { userId: 'someone-else' }), 'n n n n n n'],
  ['send again or delete a failing mail of the outbox', (a) => mayManageOutbox(a), 'n n n n n y'],
  ['ask to join their own organisation', (a) => mayJoinOrganisation(a, { member: true }), 'n n n n n n'],
  ['verify a lab of Haut-Jura', (a) => mayVerifyOrganisation(a, labOfHautJura), 'n n n y n y'],
  ['verify a company declared in the cluster', (a) => mayVerifyOrganisation(a, companyOfCluster), 'n n n y n y'],
  ['verify a lab claiming the cluster', (a) => mayVerifyOrganisation(a, labClaimingCluster), 'n n n n n y'],
  ['post a need', (a) => mayCreateNeed(a), 'n y y y y y'],
  ['edit a need of their company', (a) => mayEditNeedContent(a, { companyMember: true }), 'n y y y y y'],
  ['edit a need of another company', (a) => mayEditNeedContent(a, { companyMember: false }), 'n n n n n n'],
  ['review a need of Haut-Jura', (a) => needRelation(a, { companyMember: false, projectMember: false, spaces: [hautJura] }).reviewer, 'n n n y n y'],
  ['see the company behind an anonymous need of Haut-Jura', (a) => needAccess(anonymousNeedOnline, needRelation(a, { companyMember: false, projectMember: false, spaces: [hautJura] })).showCompany, 'n n n y n n'],
  ['decide whether needs of Haut-Jura wait for review', (a) => maySetReviewRule(a, hautJura), 'n n n y n y'],
  ['propose on an open need of another company', (a) => mayProposeOn(a, { companyMember: false, open: true }), 'n y y y y y'],
  ['propose on an open need of their company', (a) => mayProposeOn(a, { companyMember: true, open: true }), 'n n n n n n'],
  ['propose on a closed need', (a) => mayProposeOn(a, { companyMember: false, open: false }), 'n n n n n n'],
  ['ask a question on an open need of another company, as a lab member', (a) => mayAskAboutNeed(a, { companyMember: false, open: true, anonymous: false, askerProposes: true }), 'n y y y y y'],
  ['ask a question on an anonymised need', (a) => mayAskAboutNeed(a, { companyMember: false, open: true, anonymous: true, askerProposes: true }), 'n n n n n n'],
  ['ask a question without a lab, centre, cluster or pôle', (a) => mayAskAboutNeed(a, { companyMember: false, open: true, anonymous: false, askerProposes: false }), 'n n n n n n'],
  ['ask a question on a need of their company', (a) => mayAskAboutNeed(a, { companyMember: true, open: true, anonymous: false, askerProposes: true }), 'n n n n n n'],
  ['ask a question on a closed need', (a) => mayAskAboutNeed(a, { companyMember: false, open: false, anonymous: false, askerProposes: true }), 'n n n n n n'],
  ['propose for a lab they belong to', (a) => mayProposeFor(a, { kind: 'lab', member: true }), 'n y y y y y'],
  ['propose for a lab they do not belong to', (a) => mayProposeFor(a, { kind: 'lab', member: false }), 'n n n n n n'],
  ['propose for their company', (a) => mayProposeFor(a, { kind: 'company', member: true }), 'n n n n n n'],
  ['report a need of another company', (a) => mayReportNeed(a, { companyMember: false }), 'n y y y y y'],
  ['report a need of their company', (a) => mayReportNeed(a, { companyMember: true }), 'n n n n n n'],
  ['report someone else’s profile', (a) => mayReportUser(a, 'someone'), 'n y y y y y'],
  ['report their own profile', (a) => mayReportUser(a, ownId(a)), 'n n n n n n'],
  ['write to someone else', (a) => mayWriteTo(a, 'someone'), 'n y y y y y'],
  ['see someone else’s profile hidden by moderation', (a) => maySeeProfile(a, { userId: 'someone', hidden: true }), 'n n n n n n'],
  ['see their own profile hidden by moderation', (a) => maySeeProfile(a, { userId: ownId(a), hidden: true }), 'n y y y y y'],
  ['see a profile that is not hidden', (a) => maySeeProfile(a, { userId: 'someone', hidden: false }), 'y y y y y y'],
  ['edit or delete their own message', (a) => mayChangeMessage(a, { authorId: ownId(a) }), 'n y y y y y'],
  ['edit or delete someone else’s message', (a) => mayChangeMessage(a, { authorId: 'someone' }), 'n n n n n n'],
  ['enter the animators’ workspace', (a) => isModerator(a), 'n n n y y y'],
  ['moderate content of Haut-Jura', (a) => mayModerateSpaces(a, [hautJura]), 'n n n y n y'],
  ['moderate a company declared in the cluster', (a) => mayModerateOrganisation(a, companyOfCluster), 'n n n y n y'],
  ['warn or suspend a person of Haut-Jura', (a) => mayModeratePerson(a, { id: 'someone', role: 'researcher', spaces: [hautJura] }), 'n n n y n y'],
  ['warn or suspend an admin of Haut-Jura', (a) => mayModeratePerson(a, { id: 'someone', role: 'admin', spaces: [hautJura] }), 'n n n n n y'],
  ['warn or suspend themselves', (a) => mayModeratePerson(a, { id: ownId(a), role: a?.role ?? 'researcher', spaces: [hautJura] }), 'n n n n n n'],
  ['read the recommendations on a need of Haut-Jura', (a) => maySeeRecommendations(a, { spaces: [hautJura], companyMember: false }), 'n n n y n y'],
  ['read the recommendations on their company’s need', (a) => maySeeRecommendations(a, { spaces: [hautJura], companyMember: true }), 'n y y y y y'],
  ['follow the room of a project of Haut-Jura', (a) => mayFollowProject(a, { spaces: [hautJura] }), 'n n n y n n'],
  ['set the one-to-one grid of a meeting of Haut-Jura', (a) => mayArrangeOneToOnes(a, { scope: hautJura }), 'n n n y n y'],
  ['see who comes to a meeting of Haut-Jura, registered', (a) => maySeeMeetingParticipants(a, { registered: true, scope: hautJura }), 'n y y y y y'],
  ['see who comes to a meeting of Haut-Jura, not registered', (a) => maySeeMeetingParticipants(a, { registered: false, scope: hautJura }), 'n n n y n y'],
  ['ask a participant for a one-to-one, registered', (a) => mayRequestOneToOne(a, { registered: true, recipientId: 'someone' }), 'n y y y y y'],
  ['ask a participant for a one-to-one, not registered', (a) => mayRequestOneToOne(a, { registered: false, recipientId: 'someone' }), 'n n n n n n'],
  ['ask themselves for a one-to-one', (a) => mayRequestOneToOne(a, { registered: true, recipientId: ownId(a) }), 'n n n n n n'],
  ['appoint animators', (a) => mayAppointAnimators(a), 'n n n n n y'],
  ['answer, route or draft a need from a guichet request of Haut-Jura', (a) => mayHandleGuichetRequest(a, { territory: 'haut-jura' }), 'n n n y n y'],
  ['answer, route or draft a need from a guichet request of Ancenis', (a) => mayHandleGuichetRequest(a, { territory: 'ancenis' }), 'n n n n n y'],
  ['see the guichet queue', (a) => maySeeGuichetQueue(a), 'n n n y y y'],
  ['see every territory’s guichet requests', (a) => handlesEveryGuichet(a), 'n n n n n y'],
  ['create a meeting (in a space they animate)', (a) => mayCreateMeeting(a), 'n n n y y y'],
  ['edit, cancel a meeting of Haut-Jura or record its outcomes', (a) => mayManageMeeting(a, { scope: hautJura }), 'n n n y n y'],
  ['edit, cancel a meeting of the cluster', (a) => mayManageMeeting(a, { scope: { kind: 'organisation', ref: clusterId } }), 'n n n y n y'],
  ['register for a meeting on behalf of their organisation', (a) => mayRegisterForMeeting(a, { member: true }), 'n y y y y y'],
  ['register for a meeting on behalf of another organisation', (a) => mayRegisterForMeeting(a, { member: false }), 'n n n n n n'],
]

describe('who may do what (actor × action)', () => {
  for (const [action, allowed, expected] of table) {
    it(action, () => {
      const answers = actors.map(([, actor]) => (allowed(actor) ? 'y' : 'n')).join(' ')
      expect(answers, actors.map(([name]) => name).join(' | ')).toBe(expected)
    })
  }

  it('covers every actor in every row', () => {
    for (const [, , expected] of table) expect(expected.split(' ')).toHaveLength(actors.length)
  })
})

describe('the scope rule', () => {
  it('puts an organisation in the spaces it serves, and a company in the clusters it declared', () => {
    expect(organisationSpaces({ kind: 'lab', territories: ['ancenis', 'haut-jura'], memberOf: [clusterId] })).toEqual([
      { kind: 'territory', ref: 'ancenis' },
      { kind: 'territory', ref: 'haut-jura' },
    ])
    expect(organisationSpaces({ kind: 'company', territories: [], memberOf: [{ toString: () => clusterId }] })).toEqual([{ kind: 'organisation', ref: clusterId }])
  })

  it('matches spaces by kind and reference', () => {
    expect(animatesAnySpace([hautJura], [{ kind: 'organisation', ref: 'haut-jura' }])).toBe(false)
    expect(animatesAnySpace([], [hautJura])).toBe(false)
    expect(animatesAnySpace([hautJura], [])).toBe(false)
  })
})

describe('presence', () => {
  it('answers only about people who share a conversation, all or nothing', () => {
    const shared = new Set(['b', 'c'])
    expect(maySeePresenceOf(shared, ['b', 'c'])).toBe(true)
    expect(maySeePresenceOf(shared, ['b', 'stranger'])).toBe(false)
    expect(maySeePresenceOf(new Set(), ['b'])).toBe(false)
  })
})

describe('refusals and flags', () => {
  it('assertPermission refuses with the area’s key, or passes', () => {
    expect(() => assertPermission(null, 'create:need:own', 'needs.refusals.forbidden')).toThrow(expect.objectContaining({ code: 'forbidden', message: 'needs.refusals.forbidden' }))
    expect(() => assertPermission(actors[1]![1], 'create:need:own')).not.toThrow()
  })

  it('hands the navigation flags, never the role, to the page', () => {
    expect(actors.slice(1).map(([, actor]) => navigationFlags(actor!))).toEqual([
      { canModerate: false, canAppointAnimators: false, needsFirst: true, proposalsFirst: false },
      { canModerate: false, canAppointAnimators: false, needsFirst: false, proposalsFirst: true },
      { canModerate: true, canAppointAnimators: false, needsFirst: false, proposalsFirst: false },
      { canModerate: true, canAppointAnimators: false, needsFirst: false, proposalsFirst: false },
      { canModerate: true, canAppointAnimators: true, needsFirst: false, proposalsFirst: false },
    ])
  })
})
