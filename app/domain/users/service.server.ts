import { isLanguage, type Language } from '~/i18n/config'
import { countSessions } from '../auth/session.server'
import { notFound } from '../errors'
import type { Actor } from '../actor'
import { User } from './model.server'
import type { UserRole } from './roles'
import type { ProfileInput } from './schema'

/** What the account page shows its owner (never the password hash). */
export type OwnAccount = {
  id: string
  email: string
  name: string
  title: string
  role: UserRole
  language: Language
  emailVerified: boolean
  activeSessions: number
}

export async function getOwnAccount(actor: Actor): Promise<OwnAccount> {
  const user = await User.findById(actor.id, { email: 1, name: 1, title: 1, role: 1, language: 1, emailVerifiedAt: 1 }).lean()
  if (!user) throw notFound()
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    title: user.title ?? '',
    role: user.role,
    language: isLanguage(user.language) ? user.language : 'fr',
    emailVerified: Boolean(user.emailVerifiedAt),
    activeSessions: await countSessions(actor.id),
  }
}

/** A user edits their own name, title and e-mail language; ownership is the query itself. */
export async function updateOwnProfile(actor: Actor, input: ProfileInput) {
  const result = await User.updateOne({ _id: actor.id }, { $set: { name: input.name, title: input.title, language: input.language } }, { runValidators: true })
  if (result.matchedCount === 0) throw notFound()
}
