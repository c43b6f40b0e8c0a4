import type { Socket } from 'socket.io'
import type { ZodType } from 'zod'
import { DomainError } from '../../app/domain/errors.js'
import { isDatabaseUnavailable } from '../../app/domain/unavailable.js'
import { createI18n, type Language } from '../../app/i18n/config.js'
import type { Ack, AckCallback, AckError } from '../../app/realtime/events.js'
import type { Logger } from '../logger.js'

export class SocketCommandError extends Error {
  constructor(
    readonly code: AckError['code'],
    message: string,
  ) {
    super(message)
  }
}

/**
 * Wraps a socket command: validates the payload with zod, runs the handler and always
 * answers through the ack. A bad payload or a thrown error never brings the socket down.
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
      if (error instanceof SocketCommandError) {
        response = { error: { code: error.code, message: error.message } }
      } else if (isDatabaseUnavailable(error)) {
        // Not a bug: the database is out of reach or past its time limit. The client tries again.
        logger.warn({ err: error }, 'socket command: database unavailable')
        response = { error: { code: 'unavailable', message: translateAck('messaging.errors.unavailable', language) } }
      } else {
        logger.error({ err: error }, 'socket command failed')
        response = { error: { code: 'internal', message: translateAck('messaging.errors.generic', language) } }
      }
    }
    reply(response)
  }
}

const codeOf: Record<DomainError['code'], AckError['code']> = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
  invalid: 'invalid_payload',
  conflict: 'invalid_payload',
  unavailable: 'unavailable',
}

/** Ack messages in the socket's language (the browser shows its own translation by code too). */
const translators = { fr: createI18n('fr').t, en: createI18n('en').t }
const translations = new Map<string, string>()
export function translateAck(key: string, language: Language = 'fr'): string {
  if (!/^[a-z]+\.[\w.]+$/.test(key)) return key
  const cacheKey = `${language}:${key}`
  let text = translations.get(cacheKey)
  if (text === undefined) translations.set(cacheKey, (text = translators[language](key as never)))
  return text
}

/** Domain refusals become error acks with the matching code; the database being out of reach, `unavailable`. */
export async function asCommand<T>(socket: Pick<Socket, 'data'>, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const language = (socket.data as { language?: Language }).language
    // Over a socket, "unavailable" says what the client does about it: it sends again by itself.
    if (isDatabaseUnavailable(error)) throw new SocketCommandError('unavailable', translateAck('messaging.errors.unavailable', language))
    if (error instanceof DomainError) throw new SocketCommandError(codeOf[error.code], translateAck(error.message, language))
    throw error
  }
}

