import type { ZodType } from 'zod'
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
) {
  return async (payload: unknown, ack: unknown) => {
    const reply: AckCallback<Result> = typeof ack === 'function' ? (ack as AckCallback<Result>) : () => {}
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      reply({ error: { code: 'invalid_payload', message: 'Données invalides : ' + parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join(' ; ') } })
      return
    }
    let response: Ack<Result>
    try {
      response = { data: await handler(parsed.data) }
    } catch (error) {
      if (error instanceof SocketCommandError) {
        response = { error: { code: error.code, message: error.message } }
      } else {
        logger.error({ err: error }, 'socket command failed')
        response = { error: { code: 'internal', message: 'Erreur interne, réessayez.' } }
      }
    }
    reply(response)
  }
}
