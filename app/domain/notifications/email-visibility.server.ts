import mongoose from 'mongoose'
import { ModerationState } from '../moderation/model.server'
import { Need } from '../needs/model.server'
import { needAccess, type NeedViewer } from '../needs/visibility'
import { Membership } from '../orgs/model.server'
import type { NotificationData } from './schema'

/**
 * Confidentiality applies to e-mails exactly as to pages: when an e-mail goes out (at once, or in
 * a digest days later), the need a notification names is checked again for its recipient with the
 * pages' own rule (needs/visibility.ts) and moderation. The company's members always read their
 * own need's title; anyone else loses it if the need was hidden since, or is no longer one they
 * may see — the sentence then says "a need", as the page does.
 */
type Item = { recipientId: string; needId?: unknown; data: NotificationData }

export async function redactForRecipients<T extends Item>(items: T[]): Promise<T[]> {
  const needIds = [...new Set(items.filter((item) => item.needId && item.data.needTitle).map((item) => String(item.needId)))]
  if (!needIds.length) return items
  const [needs, hidden] = await Promise.all([
    Need.find({ _id: { $in: needIds } }, { status: 1, confidentiality: 1, publishedAt: 1, companyOrgId: 1 }).lean(),
    ModerationState.find({ targetKind: 'need', targetId: { $in: needIds }, hiddenAt: { $ne: null } }, { targetId: 1 }).lean(),
  ])
  const needById = new Map(needs.map((need) => [String(need._id), need]))
  const hiddenIds = new Set(hidden.map((state) => String(state.targetId)))
  const recipientIds = [...new Set(items.map((item) => item.recipientId))].filter((id) => mongoose.isValidObjectId(id))
  const memberships = await Membership.find({ userId: { $in: recipientIds }, orgId: { $in: needs.map((need) => need.companyOrgId) } }, { userId: 1, orgId: 1 }).lean()
  const isMember = new Set(memberships.map((membership) => `${String(membership.userId)}:${String(membership.orgId)}`))

  return items.map((item) => {
    if (!item.needId || !item.data.needTitle) return item
    const need = needById.get(String(item.needId))
    if (need && isMember.has(`${item.recipientId}:${String(need.companyOrgId)}`)) return item
    const viewer: NeedViewer = { signedIn: true, companyMember: false, scopeAnimator: false, admin: false, projectMember: false }
    const mayRead = need && !hiddenIds.has(String(need._id)) && needAccess(need as Parameters<typeof needAccess>[0], viewer).visible
    return mayRead ? item : { ...item, data: { ...item.data, needTitle: '' } }
  })
}
