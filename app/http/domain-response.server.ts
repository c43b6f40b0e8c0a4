import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import type { Translate } from '~/i18n/translator'
import { DomainError, type DomainErrorCode } from '~/domain/errors'
import { refusalAnswers } from './refusals'
import { translateFieldErrors, translateMessage } from '~/i18n/translate-message'

/**
 * How a route turns what the domain services say into HTTP: a refusal (DomainError) becomes a
 * Response with its status, rendered by the route's ErrorBoundary, or — when the person can act
 * on it — goes back to the form it came from. Anything else propagates unchanged.
 */

/** A refusal the route itself makes (unknown intent, malformed parameter): the error page with its status. */
export function refuse(code: DomainErrorCode): never {
  throw new Response(code, { status: refusalAnswers[code].httpStatus })
}

/** A DomainError as the HTTP response the error page renders; anything else unchanged. */
export function asResponse(error: unknown): unknown {
  if (error instanceof DomainError) return new Response(error.message, { status: refusalAnswers[error.code].httpStatus })
  return error
}

/** Runs a service call from a loader or action: refusals become the 403/404/409/429 error page. */
export async function orRefuse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw asResponse(error)
  }
}

/** What a form shows of a refusal: its status (400/409), a message above it, errors by field. */
export type FormRefusal = { status: number; formErrors: string[]; fieldErrors: Record<string, string[]> | undefined }

/**
 * A refusal on a form: what the person can act on (invalid, conflict) is returned, translated,
 * for the form; forbidden, not found, too many… are thrown as the error page with their status.
 */
export function formRefusal(t: Translate, error: unknown): FormRefusal {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    return { status: refusalAnswers[error.code].httpStatus, formErrors: [translateMessage(t, error.message)], fieldErrors: translateFieldErrors(t, error.fieldErrors) }
  }
  throw asResponse(error)
}

/**
 * formRefusal as a conform form's reply: `{ ...extra, result }`, where `extra` says which of the
 * page's forms it is. `fieldsOnly`: a refusal that names fields is shown next to them only (the
 * message above the form would say the same thing again).
 */
export function replyWithRefusal<Output, Extra extends Record<string, unknown> = Record<never, never>>(
  t: Translate,
  submission: Submission<unknown, string[], Output>,
  error: unknown,
  extra: Extra = {} as Extra,
  options: { fieldsOnly?: boolean } = {},
) {
  const { status, formErrors, fieldErrors } = formRefusal(t, error)
  const result = submission.reply({ formErrors: options.fieldsOnly && fieldErrors ? undefined : formErrors, fieldErrors })
  return data({ ...extra, result }, { status })
}

/** The answer of a form on a row of a list (the /animation queues): which row, its errors. */
export type RowReply = { itemId: string; formErrors: string[]; fieldErrors: Record<string, string[]> }

/** A service's refusal on a row's form: invalid/conflict go back to that row (400/409); the rest is the error page. */
export function rowRefusal(t: Translate, error: unknown, itemId: string) {
  const { status, formErrors, fieldErrors } = formRefusal(t, error)
  return data({ itemId, formErrors, fieldErrors: fieldErrors ?? {} } satisfies RowReply, { status })
}

/** A failed zod parse on a row's form: the errors next to that row, status 400. */
export function invalidRow(itemId: string, error: Record<string, string[] | null> | undefined) {
  const fieldErrors = Object.fromEntries(Object.entries(error ?? {}).filter(([field, messages]) => field !== '' && messages?.length)) as Record<string, string[]>
  return data({ itemId, formErrors: error?.[''] ?? [], fieldErrors } satisfies RowReply, { status: 400 })
}
