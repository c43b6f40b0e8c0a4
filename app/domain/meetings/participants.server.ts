import type { Actor } from '../actor'
import { notFound } from '../errors'
import { notHidden } from '../moderation/hidden.server'
import { openStatuses } from '../needs/lifecycle'
import { Need } from '../needs/model.server'
import { needAccess } from '../needs/visibility'
import { Organisation } from '../orgs/model.server'
import { orgIdsOf } from '../orgs/memberships.server'
import { mayRequestOneToOne, maySeeMeetingParticipants, needRelation } from '../permissions'
import { User } from '../users/model.server'
import type { OrgKind } from '../orgs/kinds'
import { MeetingRegistration } from './model.server'
import { OneToOne } from './one-to-ones.model.server'
import { findMeeting, gridOf, isRegistered, type MeetingFacts } from './one-to-ones.server'

export type ParticipantNeed = { id: string; title: string }

export type Participant = {
  userId: string
  name: string
  organisation: { id: string; slug: string; name: string; kind: OrgKind; domains: string[]; keywords: string[] } | null
  /** Open needs of their organisation, only those the viewer may see with the company named (needs visibility). */
  needs: ParticipantNeed[]
  /** Where the viewer stands with this person: no request yet, asked, or already agreed. */
  oneToOne: { id: string; status: 'pending' | 'accepted'; askedByViewer: boolean } | null
  canRequest: boolean
}

export type ParticipantsPage = { meeting: MeetingFacts; participants: Participant[]; viewerRegistered: boolean; hasGrid: boolean; open: boolean }

/**
 * Who comes to a meeting, for a registered participant (or its animators) preparing their
 * one-to-ones: each person, the organisation they come for with its competences, and its open
 * needs — redacted exactly as anywhere else: an anonymous need is never shown under its company.
 */
export async function meetingParticipants(actor: Actor, meetingId: string, clock: { now?: Date } = {}): Promise<ParticipantsPage> {
  const now = clock.now ?? new Date()
  const meeting = await findMeeting(meetingId)
  const viewerRegistered = await isRegistered(meetingId, actor.id)
  if (!maySeeMeetingParticipants(actor, { registered: viewerRegistered, scope: meeting.scope })) throw notFound('brokerage.refusals.notAParticipant')
  const registrations = await MeetingRegistration.find({ meetingId: meeting._id, status: 'registered' }, { userId: 1, organisationId: 1 }).lean()
  const [users, orgs, viewerOrgIds, live, hiddenFilter] = await Promise.all([
    User.find({ _id: { $in: registrations.map((r) => r.userId) }, deletedAt: null }, { name: 1 }).lean(),
    Organisation.find({ _id: { $in: registrations.map((r) => r.organisationId) } }, { slug: 1, name: 1, kind: 1, domains: 1, keywords: 1 }).lean(),
    orgIdsOf(actor.id),
    OneToOne.find({ meetingId: meeting._id, live: true, $or: [{ requesterId: actor.id }, { recipientId: actor.id }] }).lean(),
    notHidden('need'),
  ])
  const needs = await Need.find(
    { ...hiddenFilter, companyOrgId: { $in: orgs.map((org) => org._id) }, status: { $in: openStatuses } },
    { companyOrgId: 1, title: 1, status: 1, confidentiality: 1, publishedAt: 1, spaces: 1 },
  )
    .sort({ publishedAt: -1 })
    .lean()
  const viewerOrgs = new Set(viewerOrgIds.map(String))
  const visibleNeeds = new Map<string, ParticipantNeed[]>()
  for (const need of needs) {
    const relation = needRelation(actor, { companyMember: viewerOrgs.has(String(need.companyOrgId)), projectMember: false, spaces: need.spaces })
    const access = needAccess(need, relation)
    if (!access.visible || !access.showCompany) continue
    const list = visibleNeeds.get(String(need.companyOrgId)) ?? []
    list.push({ id: String(need._id), title: need.title })
    visibleNeeds.set(String(need.companyOrgId), list)
  }
  const names = new Map(users.map((user) => [String(user._id), user.name]))
  const orgById = new Map(orgs.map((org) => [String(org._id), org]))
  const open = meeting.status === 'published' && meeting.startsAt.getTime() > now.getTime()
  const participants = registrations
    .filter((registration) => names.has(String(registration.userId)))
    .map((registration): Participant => {
      const userId = String(registration.userId)
      const org = orgById.get(String(registration.organisationId))
      const request = live.find((record) => String(record.requesterId) === userId || String(record.recipientId) === userId)
      return {
        userId,
        name: names.get(userId)!,
        organisation: org
          ? { id: String(org._id), slug: org.slug, name: org.name, kind: org.kind, domains: org.domains ?? [], keywords: org.keywords ?? [] }
          : null,
        needs: org ? (visibleNeeds.get(String(org._id)) ?? []) : [],
        oneToOne: request ? { id: String(request._id), status: request.status as 'pending' | 'accepted', askedByViewer: String(request.requesterId) === actor.id } : null,
        canRequest: open && !request && mayRequestOneToOne(actor, { registered: viewerRegistered, recipientId: userId }),
      }
    })
    .sort((a, b) => Number(b.userId === actor.id) - Number(a.userId === actor.id) || a.name.localeCompare(b.name, 'fr'))
  return { meeting, participants, viewerRegistered, hasGrid: gridOf(meeting) !== null, open }
}
