/**
 * Refusals raised by domain services, in one language (docs/decisions/019-one-refusal-language.md):
 * a code saying what kind of refusal it is, and a message that is an i18n key, with its values
 * when the sentence needs them (`withValues`, app/i18n/translate-message.ts). The service never
 * writes words; the edge translates — a page (app/http/domain-response.server.ts) or a socket ack
 * (server/realtime/handler.ts) — and app/http/refusals.ts maps each code to its HTTP status and
 * its ack code.
 */
export type DomainErrorCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid' | 'rate_limited' | 'unavailable'

export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: DomainErrorCode,
    /** An i18n key, possibly with values. */
    message: string,
    /** Errors to show next to form fields, keyed by field name (i18n keys too). */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
  }
}

export const unauthenticated = (key: string) => new DomainError('unauthenticated', key)
export const forbidden = (key = 'errors.refusal.forbidden') => new DomainError('forbidden', key)
export const notFound = (key = 'errors.refusal.notFound') => new DomainError('not_found', key)
export const conflict = (key: string, fieldErrors?: Record<string, string[]>) => new DomainError('conflict', key, fieldErrors)
export const invalid = (key: string, fieldErrors?: Record<string, string[]>) => new DomainError('invalid', key, fieldErrors)
export const rateLimited = (key: string) => new DomainError('rate_limited', key)
