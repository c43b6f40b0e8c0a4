import type { Actor } from '../actor'
import { notFound } from '../errors'
import { User } from '../users/model.server'
import { CURRENT_TERMS_VERSION } from './terms'

/** When this person accepted the current terms, if they did. */
export async function currentTermsAcceptance(actor: Pick<Actor, 'id'>): Promise<Date | null> {
  const user = await User.findById(actor.id, { termsAcceptances: 1 }).lean()
  if (!user) throw notFound()
  return user.termsAcceptances?.find((acceptance) => acceptance.version === CURRENT_TERMS_VERSION)?.acceptedAt ?? null
}

/** Records the acceptance of the current version once (a second click, or two tabs, add nothing). */
export async function acceptCurrentTerms(actor: Pick<Actor, 'id'>): Promise<void> {
  const result = await User.updateOne(
    { _id: actor.id, deletedAt: null, 'termsAcceptances.version': { $ne: CURRENT_TERMS_VERSION } },
    { $push: { termsAcceptances: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date() } } },
  )
  if (result.matchedCount === 0 && !(await User.exists({ _id: actor.id, deletedAt: null }))) throw notFound()
}
