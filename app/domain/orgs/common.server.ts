import { createHash } from 'node:crypto'
import type { Translate } from '~/i18n/translator'
import mongoose, { type ClientSession } from 'mongoose'
import { inTransaction as runInTransaction } from '../transaction.server'
import { isLanguage } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { conflict, notFound } from '../errors'
import type { Mailer } from '../mail/mailer'
import type { Actor } from '../actor'
import { assertAllowed, mayManageMembers, mayUpdateOrganisation } from '../permissions'
import { Invitation, JoinRequest } from './membership-models.server'
import { Membership, Organisation } from './model.server'

/**
 * What the organisation services share: their context, transactions, locks, the organisation
 * read by slug and the actor's standing in it. The services themselves, by seam:
 * profile.server.ts (profiles, verification, the directory), members.server.ts (leaving,
 * handing over, removing, listing), invitations.server.ts (invitations and join requests, with
 * their e-mails). Who may do what is asked of permissions.ts; membership reads shared with other
 * areas are in ./memberships.server.ts. Callers pass data already parsed with ./schema.ts.
 */
/** `t`: the actor's language, for what is written on their behalf (an invitation to an address with no account yet). Refusals are keys. */
export type OrgContext = { actor: Actor; t: Translate }
export type MailContext = { mailer: Mailer; publicUrl: string }

export type OrgDocument = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>

// ——— Plumbing ———

let indexesReady: Promise<unknown> | undefined
/** Unique indexes must exist before we rely on them (slug, one pending request per person). */
export const ensureIndexes = () => (indexesReady ??= Promise.all([Organisation.init(), Membership.init(), Invitation.init(), JoinRequest.init()]))

/** Runs `work` in a MongoDB transaction once the unique indexes it relies on exist. */
export async function inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
  await ensureIndexes()
  return runInTransaction(work)
}

/**
 * Writes to the organisation document inside a membership transaction, so two concurrent
 * membership changes of one organisation conflict and one is retried on fresh data (no
 * "both owners left at once").
 */
export const lockOrganisation = (orgId: mongoose.Types.ObjectId, session: ClientSession) =>
  Organisation.updateOne({ _id: orgId }, { $currentDate: { updatedAt: true } }, { session })

export const isDuplicateKey = (error: unknown, field?: string) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: number }).code === 11000 &&
  (!field || Object.hasOwn((error as { keyPattern?: object }).keyPattern ?? {}, field))

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function findOrganisation(slug: string) {
  return Organisation.findOne({ slug })
}

/**
 * Writes the changes made to `org` only if nobody wrote it since it was read: of two saves at
 * once, the later is told the profile changed meanwhile (409) instead of failing on a version
 * clash of its arrays (500).
 */
export async function saveIfUnchanged(org: OrgDocument) {
  await org.validate()
  const result = await Organisation.updateOne({ _id: org._id, updatedAt: org.updatedAt }, org.getChanges())
  if (result.matchedCount === 0) throw conflict('orgs.errors.changedMeanwhile')
}

export async function requireOrganisation(slug: string) {
  const org = await findOrganisation(slug)
  if (!org) throw notFound()
  return org
}


/** The actor's standing in an organisation: the facts the permission predicates look at. */
export async function standing(actor: Actor | null, org: OrgDocument) {
  const own = actor ? await Membership.findOne({ orgId: org._id, userId: actor.id }, { role: 1, listed: 1 }).lean() : null
  return { member: Boolean(own), owner: own?.role === 'owner', role: own?.role ?? null, listed: own?.listed ?? false }
}

export const assertMayUpdate = async (actor: Actor, org: OrgDocument) => assertAllowed(mayUpdateOrganisation(actor, await standing(actor, org)))
export const assertMayManageMembers = async (actor: Actor, org: OrgDocument) => assertAllowed(mayManageMembers(actor, await standing(actor, org)))

/** The translation function of someone we write to, in their own language. */
export function tFor(language: unknown) {
  return translatorFor(isLanguage(language) ? language : 'fr').t
}
