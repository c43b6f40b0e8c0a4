import type { Socket } from 'socket.io'
import type { ZodType } from 'zod'
import { DomainError } from '../../app/domain/errors.js'
import { isDatabaseUnavailable } from '../../app/domain/unavailable.js'
import { refusalAnswers } from '../../app/http/refusals.js'
import type { Language } from '../../app/i18n/config.js'
import { translatorFor } from '../../app/i18n/translators.js'
import { translateMessage } from '../../app/i18n/translate-message.js'
import type { Ack, AckCallback, AckError } from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'

/**
 * Wraps a socket command: validates the payload with zod, runs the handler and always
 * answers through the ack. A bad payload or a thrown error never brings the socket down. A
 * domain refusal (DomainError, thrown by the service or the handler itself) is answered with the
 * ack code of app/http/refusals.ts and its message in the socket's language, as a page would be.
 */
export function socketCommand<Payload, Result>(
  schema: ZodType<Payload>,
  handler: (payload: Payload) => Promise<Result> | Result,
  logger: Logger,
  /** The language of the generic answers (bad payload, internal error): the socket's, French by default. */
  language: Language = 'fr',
) {
  return async (payload: unknown, ack: unknown) => {
    const reply: AckCallback<Result> = typeof ack === 'function' ? (ack as AckCallback<Result>) : () => {}
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'} ${translateAck(issue.message, language)}`).join(' ; ')
      reply({ error: { code: 'invalid_payload', message: `${translateAck('messaging.errors.invalidPayload', language)} ${details}` } })
      return
    }
    let response: Ack<Result>
    try {
      response = { data: await handler(parsed.data) }
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // Not a bug: the database is out of reach or past its time limit (or the service said so). The client tries again.
        if (!(error instanceof DomainError)) logger.warn({ err: error }, 'socket command: database unavailable')
        response = { error: { code: 'unavailable', message: translateAck('messaging.errors.unavailable', language) } }
      } else if (error instanceof DomainError) {
        response = { error: { code: refusalAnswers[error.code].ackCode, message: translateAck(error.message, language) } }
      } else {
        logger.error({ err: error }, 'socket command failed')
        response = { error: { code: 'internal', message: translateAck('messaging.errors.generic', language) } }
      }
    }
    reply(response)
  }
}

/** Ack messages in the socket's language (the browser shows its own translation by code too). */
const translators = { fr: translatorFor('fr').t, en: translatorFor('en').t }
// Keys without values come back again and again (a refused send under overload): translated once each.
const translations = new Map<string, string>()
export function translateAck(message: string, language: Language = 'fr'): string {
  if (message.includes('?')) return translateMessage(translators[language], message)
  const cacheKey = `${language}:${message}`
  let text = translations.get(cacheKey)
  if (text === undefined) translations.set(cacheKey, (text = translateMessage(translators[language], message)))
  return text
}
