import type mongoose from 'mongoose'
import { isHidden } from '../moderation/hidden.server'
import { memberIdsByOrg } from '../orgs/memberships.server'
import { Organisation } from '../orgs/model.server'
import { storeOnlyNotifier, type NotificationDraft, type Notifier } from './notifier.server'
import { othersThan } from './rules'
import type { NeedChange, NotificationKind } from './schema'

/**
 * The moments the marketplace tells people about, called by the needs, proposals and moderation
 * services once their write succeeded. Each one decides WHO is told and WHAT they may read:
 * the company's identity never goes to proposers, a hidden need's title only to its company.
 */
type Id = string | mongoose.Types.ObjectId
type NeedRef = { id: Id; title: string; companyOrgId: Id }

const REASON_MAX = 500

const send = (notifier: Notifier | undefined, drafts: NotificationDraft[]) => (notifier ?? storeOnlyNotifier)(drafts)

/** The need's company (but the actor) learns its need moved: published, sent back, closed… */
export async function needChanged(notifier: Notifier | undefined, need: NeedRef, change: NeedChange, options: { actorId?: string | null; reason?: string } = {}) {
  const members = (await memberIdsByOrg([need.companyOrgId])).get(String(need.companyOrgId)) ?? []
  const reason = options.reason?.trim().slice(0, REASON_MAX)
  await send(
    notifier,
    othersThan(members, options.actorId).map((recipientId) => ({
      recipientId,
      kind: 'need_status',
      data: { needTitle: need.title, change, ...(reason ? { reason } : {}) },
      link: `/besoins/${String(need.id)}`,
      needId: String(need.id),
    })),
  )
}

/** Several needs at once (the expiry job): one notice per member of each company. */
export async function needsChanged(notifier: Notifier | undefined, needs: readonly NeedRef[], change: NeedChange) {
  if (!needs.length) return
  const members = await memberIdsByOrg(needs.map((need) => need.companyOrgId))
  await send(
    notifier,
    needs.flatMap((need) =>
      (members.get(String(need.companyOrgId)) ?? []).map((recipientId) => ({
        recipientId,
        kind: 'need_status' as const,
        data: { needTitle: need.title, change },
        link: `/besoins/${String(need.id)}`,
        needId: String(need.id),
      })),
    ),
  )
}

/** Moderation hid the need: its company reads why (nobody else sees it any more). */
export async function needHidden(notifier: Notifier | undefined, need: NeedRef, reason: string) {
  const members = (await memberIdsByOrg([need.companyOrgId])).get(String(need.companyOrgId)) ?? []
  await send(
    notifier,
    members.map((recipientId) => ({
      recipientId,
      kind: 'need_hidden',
      data: { needTitle: need.title, reason: reason.trim().slice(0, REASON_MAX) },
      link: `/besoins/${String(need.id)}`,
      needId: String(need.id),
    })),
  )
}

/** Moderation hid a message: its author reads why, with a link to the conversation. */
export async function messageHidden(notifier: Notifier | undefined, message: { authorId: string; conversationId: string }, reason: string) {
  await send(notifier, [{ recipientId: message.authorId, kind: 'message_hidden', data: { reason: reason.trim().slice(0, REASON_MAX) }, link: `/messages/${message.conversationId}` }])
}

/** The company's members learn who answered (the proposing organisation is no secret to them). */
export async function proposalReceived(notifier: Notifier | undefined, need: NeedRef, proposal: { orgId: Id; actorId: string; inDiscussion: boolean }) {
  const [members, org] = await Promise.all([memberIdsByOrg([need.companyOrgId]), Organisation.findById(proposal.orgId, { name: 1 }).lean()])
  await send(
    notifier,
    othersThan(members.get(String(need.companyOrgId)) ?? [], proposal.actorId).map((recipientId) => ({
      recipientId,
      kind: 'proposal_received',
      data: { needTitle: need.title, orgName: org?.name ?? '', ...(proposal.inDiscussion ? { inDiscussion: true } : {}) },
      link: `/besoins/${String(need.id)}`,
      needId: String(need.id),
    })),
  )
}

/**
 * The proposing organisations' members learn the company's decision. They are told the need's
 * title (they answered it while it was online) unless moderation has hidden it since; never the
 * company's name nor who decided (an anonymised need stays anonymous).
 */
export async function proposalsDecided(
  notifier: Notifier | undefined,
  need: { id: Id; title: string },
  decisions: ReadonlyArray<{ orgId: Id; kind: Extract<NotificationKind, `proposal_${string}`>; link: string }>,
  actorId: string,
) {
  if (!decisions.length) return
  const [members, hidden] = await Promise.all([memberIdsByOrg(decisions.map((decision) => decision.orgId)), isHidden('need', String(need.id))])
  await send(
    notifier,
    decisions.flatMap((decision) =>
      othersThan(members.get(String(decision.orgId)) ?? [], actorId).map((recipientId) => ({
        recipientId,
        kind: decision.kind,
        data: { needTitle: hidden ? '' : need.title },
        link: decision.link,
        needId: String(need.id),
      })),
    ),
  )
}

/**
 * A member brought a colleague into a project room: the colleague is told who did it and where
 * to go. They belong to the company or the accepted partner, so the need's title is theirs to read.
 */
export async function addedToProject(notifier: Notifier | undefined, project: { id: Id; needTitle: string }, recipientId: string, actor: { id: string; name: string }) {
  if (recipientId === actor.id) return
  await send(notifier, [{ recipientId, kind: 'project_member_added', data: { needTitle: project.needTitle, actorName: actor.name }, link: `/projets/${String(project.id)}` }])
}

/**
 * A proposal was accepted: the proposing organisation reads "accepted", the company's other
 * members "project created", the organisations whose answers were closed "not retained".
 */
export async function projectStarted(
  notifier: Notifier | undefined,
  need: NeedRef,
  project: { id: Id; partnerOrgId: Id; notRetainedOrgIds: readonly Id[] },
  actorId: string,
) {
  const members = (await memberIdsByOrg([need.companyOrgId])).get(String(need.companyOrgId)) ?? []
  const projectLink = `/projets/${String(project.id)}`
  await send(
    notifier,
    othersThan(members, actorId).map((recipientId) => ({ recipientId, kind: 'project_created', data: { needTitle: need.title }, link: projectLink, needId: String(need.id) })),
  )
  await proposalsDecided(
    notifier,
    need,
    [
      { orgId: project.partnerOrgId, kind: 'proposal_accepted', link: projectLink },
      ...project.notRetainedOrgIds.map((orgId) => ({ orgId, kind: 'proposal_not_retained' as const, link: '/mes-propositions' })),
    ],
    actorId,
  )
}
