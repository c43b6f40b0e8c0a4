import { data } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { requireActor, type Actor } from '~/http/actor.server'
import { formRefusal } from '~/http/domain-response.server'
import { isModerator } from './scope'

/** What the /animation routes share: who may enter, and how refusals reach the row they concern. */
export async function requireModerator(request: Request): Promise<Actor> {
  const actor = await requireActor(request)
  if (!isModerator(actor)) throw new Response('Forbidden', { status: 403 })
  return actor
}

/**
 * A refusal from the moderation service on a row's form: invalid/conflict go back to the form
 * (400/409, shown next to the row); forbidden and not found become the error page.
 */
export function refusalReply(t: TFunction, error: unknown, itemId: string) {
  const { status, formErrors, fieldErrors } = formRefusal(t, error)
  return data({ itemId, formErrors, fieldErrors: fieldErrors ?? {} }, { status })
}

/** A failed zod parse on a row's form: the errors next to that row, status 400. */
export function invalidReply(itemId: string, error: Record<string, string[] | null> | undefined) {
  const fieldErrors = Object.fromEntries(Object.entries(error ?? {}).filter(([field, messages]) => field !== '' && messages?.length)) as Record<string, string[]>
  return data({ itemId, formErrors: error?.[''] ?? [], fieldErrors }, { status: 400 })
}

export type RowReply = { itemId: string; formErrors: string[]; fieldErrors: Record<string, string[]> }
