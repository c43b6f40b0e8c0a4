import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import type { Params } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { DomainError, httpStatusOf } from '~/domain/errors'
import { translateFieldErrors, translateMessage } from '~/i18n/translate-message'
import { objectIdString } from '~/domain/ids'

/**
 * How a route turns what the domain services say into HTTP: a refusal (DomainError) becomes a
 * Response with its status, rendered by the route's ErrorBoundary, or — when the person can act
 * on it — goes back to the form it came from. Anything else propagates unchanged.
 */

/** A DomainError as the HTTP response the error page renders; anything else unchanged. */
export function asResponse(error: unknown): unknown {
  if (error instanceof DomainError) return new Response(error.message, { status: httpStatusOf[error.code] })
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

const objectIdParam = objectIdString()

/** An id in a URL (`$id`, `$conversationId`…); anything that cannot be one is a plain 404. */
export function idParam(params: Params, name: string): string {
  const parsed = objectIdParam.safeParse(params[name])
  if (!parsed.success) throw new Response('Introuvable', { status: 404 })
  return parsed.data
}

/** What a form shows of a refusal: its status (400/409), a message above it, errors by field. */
export type FormRefusal = { status: number; formErrors: string[]; fieldErrors: Record<string, string[]> | undefined }

/**
 * A refusal on a form: what the person can act on (invalid, conflict) is returned, translated,
 * for the form; forbidden, not found, too many… are thrown as the error page with their status.
 */
export function formRefusal(t: TFunction, error: unknown): FormRefusal {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    return { status: httpStatusOf[error.code], formErrors: [translateMessage(t, error.message)], fieldErrors: translateFieldErrors(t, error.fieldErrors) }
  }
  throw asResponse(error)
}

/**
 * formRefusal as a conform form's reply: `{ ...extra, result }`, where `extra` says which of the
 * page's forms it is. `fieldsOnly`: a refusal that names fields is shown next to them only (the
 * orgs service repeats the same sentence as message and field error).
 */
export function replyWithRefusal<Output, Extra extends Record<string, unknown> = Record<never, never>>(
  t: TFunction,
  submission: Submission<unknown, string[], Output>,
  error: unknown,
  extra: Extra = {} as Extra,
  options: { fieldsOnly?: boolean } = {},
) {
  const { status, formErrors, fieldErrors } = formRefusal(t, error)
  const result = submission.reply({ formErrors: options.fieldsOnly && fieldErrors ? undefined : formErrors, fieldErrors })
  return data({ ...extra, result }, { status })
}
