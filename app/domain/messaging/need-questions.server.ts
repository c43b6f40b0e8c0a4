import mongoose from 'mongoose'
import type { Actor } from '../actor'
import { acceptsProposals } from '../needs/lifecycle'
import type { NeedStatus } from '../needs/lifecycle'
import { visibleNeed } from '../needs/service.server'
import { proposingKinds } from '../orgs/kinds'
import { memberIdsOf, organisationsOf } from '../orgs/memberships.server'
import { assertAllowed, mayAskAboutNeed } from '../permissions'
import { upsertConversation } from './service.server'

/**
 * « Poser une question » on a need, before proposing: one conversation per need and person
 * asking, between them and the company's members (kept in step: members who joined since are
 * added when the question is asked again). Anonymised needs never get one — the conversation
 * would name the company's people (permissions.ts, mayAskAboutNeed).
 */
const { ObjectId } = mongoose.Types

/** The facts mayAskAboutNeed weighs, read for this actor and need. */
export async function questionFacts(actor: Actor, need: { status: NeedStatus; confidentiality: string }, relation: { companyMember: boolean }) {
  return {
    companyMember: relation.companyMember,
    open: acceptsProposals(need.status),
    anonymous: need.confidentiality === 'anonymous',
    askerProposes: relation.companyMember ? false : (await organisationsOf(actor.id, proposingKinds)).length > 0,
  }
}

/** What the need page offers: the button, a word on why an anonymised need has none, or nothing. */
export async function questionOffer(actor: Actor | null, need: { status: NeedStatus; confidentiality: string }, relation: { companyMember: boolean }): Promise<'ask' | 'anonymous' | null> {
  if (!actor) return null
  const facts = await questionFacts(actor, need, relation)
  if (mayAskAboutNeed(actor, facts)) return 'ask'
  return mayAskAboutNeed(actor, { ...facts, anonymous: false }) ? 'anonymous' : null
}

export async function askAboutNeed(actor: Actor, needId: string): Promise<{ id: string }> {
  const { need, relation } = await visibleNeed(actor, needId)
  const facts = await questionFacts(actor, need, relation)
  assertAllowed(!facts.anonymous, 'needs.question.anonymous')
  assertAllowed(mayAskAboutNeed(actor, facts), 'messaging.errors.questionNotAllowed')
  const companyMembers = await memberIdsOf(need.companyOrgId)
  const filter = { kind: 'need_question', needId: new ObjectId(needId), askerId: new ObjectId(actor.id) }
  return upsertConversation(filter, { $setOnInsert: filter, $addToSet: { participants: { $each: [new ObjectId(actor.id), ...companyMembers] } } })
}
