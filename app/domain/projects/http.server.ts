import type { Submission } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { requireUser } from '../auth/session.server'
import { DomainError, httpStatusOf } from '../errors'
import { loadActor, type MarketplaceActor } from '../needs/membership.server'

/** What the project routes share: who is asking (with their name, for the room), refusals as HTTP. */
export async function requireProjectActor(request: Request): Promise<MarketplaceActor & { name: string }> {
  const user = await requireUser(request)
  const actor = await loadActor(user.id)
  if (!actor) throw redirect('/connexion')
  return { ...actor, name: user.name }
}

/** Refusal keys (`projects.…`, `needs.…`) translated; anything else is already a sentence. */
export function translateRefusal(t: TFunction, message: string): string {
  return /^(projects|needs|messaging)\./.test(message) ? t(message as never) : message
}

/**
 * A refusal on one of the page's forms: what the person can act on (invalid, conflict) goes
 * back to that form; forbidden and not found become the error page with their status.
 */
export function replyWithProjectRefusal<Output>(t: TFunction, submission: Submission<unknown, string[], Output>, error: unknown, formId: string) {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateRefusal(t, message))]))
      : undefined
    return data({ formId, result: submission.reply({ formErrors: [translateRefusal(t, error.message)], fieldErrors }) }, { status: httpStatusOf[error.code] })
  }
  if (error instanceof DomainError) throw new Response(error.message, { status: httpStatusOf[error.code] })
  throw error
}
