import type { DomainErrorCode } from '../domain/errors'
import type { AckError } from '../realtime/events'

/**
 * The one table of what each kind of refusal becomes at each door: its HTTP status for a page or
 * a form, its ack code for a socket command. Read by app/http/domain-response.server.ts and
 * server/realtime/handler.ts (relative imports: the socket server loads this file too).
 */
export const refusalAnswers: Record<DomainErrorCode, { httpStatus: number; ackCode: AckError['code'] }> = {
  unauthenticated: { httpStatus: 401, ackCode: 'unauthenticated' },
  forbidden: { httpStatus: 403, ackCode: 'forbidden' },
  not_found: { httpStatus: 404, ackCode: 'not_found' },
  // A socket client corrects what it sent either way; the page tells the two apart (400 / 409).
  invalid: { httpStatus: 400, ackCode: 'invalid_payload' },
  conflict: { httpStatus: 409, ackCode: 'invalid_payload' },
  rate_limited: { httpStatus: 429, ackCode: 'rate_limited' },
  unavailable: { httpStatus: 503, ackCode: 'unavailable' },
}
