/**
 * Refusals raised by domain services. Remix routes turn them into HTTP responses
 * (app/http/domain-response.server.ts), socket handlers into `{ error }` acks — one rule, two doors.
 */
export type DomainErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'rate_limited' | 'unavailable'

export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Errors to show next to form fields, keyed by field name. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
  }
}

export const forbidden = (message = 'Vous n’avez pas le droit de faire cela.') => new DomainError('forbidden', message)
export const notFound = (message = 'Introuvable.') => new DomainError('not_found', message)
export const conflict = (message: string, fieldErrors?: Record<string, string[]>) => new DomainError('conflict', message, fieldErrors)
export const invalid = (message: string, fieldErrors?: Record<string, string[]>) => new DomainError('invalid', message, fieldErrors)

export const httpStatusOf: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  rate_limited: 429,
  unavailable: 503,
}
