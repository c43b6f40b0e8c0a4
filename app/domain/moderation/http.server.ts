import { data } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { requireActor } from '../needs/http.server'
import { DomainError, httpStatusOf } from '../errors'
import { isModerator, type ModerationActor } from './scope'

/** What the /animation routes share: who may enter, and how refusals reach the page. */
export async function requireModerator(request: Request): Promise<ModerationActor> {
  const actor = await requireActor(request)
  if (!isModerator(actor)) throw new Response('Forbidden', { status: 403 })
  return actor
}

const translate = (t: TFunction, message: string) => (message.startsWith('moderation.') ? t(message as never) : message)

/**
 * A refusal from the moderation service on a row's form: invalid/conflict go back to the form
 * (400/409, shown next to the row); forbidden and not found become the error page.
 */
export function refusalReply(t: TFunction, error: unknown, itemId: string) {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => [field, messages.map((message) => translate(t, message))]))
    return data({ itemId, formErrors: [translate(t, error.message)], fieldErrors }, { status: httpStatusOf[error.code] })
  }
  if (error instanceof DomainError) throw new Response(translate(t, error.message), { status: httpStatusOf[error.code] })
  throw error
}

/** A failed zod parse on a row's form: the errors next to that row, status 400. */
export function invalidReply(itemId: string, error: Record<string, string[] | null> | undefined) {
  const fieldErrors = Object.fromEntries(Object.entries(error ?? {}).filter(([field, messages]) => field !== '' && messages?.length)) as Record<string, string[]>
  return data({ itemId, formErrors: error?.[''] ?? [], fieldErrors }, { status: 400 })
}

export type RowReply = { itemId: string; formErrors: string[]; fieldErrors: Record<string, string[]> }
