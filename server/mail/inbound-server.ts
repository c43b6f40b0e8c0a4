import type { Readable } from 'node:stream'
import { convert as htmlToText } from 'html-to-text'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'
import { DomainError, invalid } from '../../app/domain/errors.js'
import { translatorFor } from '../../app/i18n/translators.js'
import { translateMessage } from '../../app/i18n/translate-message.js'
import { INBOUND_MAX_BYTES } from '../../app/domain/mail/inbound-rules.js'
import { replyTokenOf } from '../../app/domain/mail/reply-address.js'
import { receiveReply, replyTarget, type ReplyTarget } from '../../app/domain/messaging/email-reply.server.js'
import { createRateLimiter, MESSAGE_RATE, type RateLimiter } from '../../app/domain/messaging/rate-limit.js'
import type { Logger } from '../logger.js'

/**
 * The inbound SMTP server of reply by e-mail (docs/decisions/027-reply-by-email.md), the edge of
 * app/domain/messaging/email-reply.server.ts: it accepts mail for `reply+<token>@<domain>` only,
 * one reply address per transaction, and answers every refusal with an SMTP error — a bounce the
 * sender's server writes back to them — in French and English. Automated mail is accepted and
 * dropped (a refusal would bounce to a robot, and a robot may answer: a loop).
 *
 * Several processes on one host: the first to bind the port listens, the others stand by and try
 * again every `retryMs`, so one of them takes over within seconds when the listener stops.
 */
export type InboundServerOptions = {
  port: number
  host: string
  domain: string
  secret: string
  logger: Logger
  limiter?: RateLimiter
  retryMs?: number
}

type SmtpError = Error & { responseCode: number }

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[«»“”]/g, '"')
    .replace(/[^\x20-\x7e]/g, ' ')

/** An SMTP reply people read in their bounce: both languages, in ASCII (not every server speaks SMTPUTF8). */
function smtpError(responseCode: number, enhanced: string, key: string): SmtpError {
  const say = (language: 'fr' | 'en') => ascii(translateMessage(translatorFor(language).t, key))
  return Object.assign(new Error(`${enhanced} ${say('fr')} / ${say('en')}`), { responseCode })
}

/** Each refusal as a bounce: permanent (5xx) for what sending again cannot fix, temporary (4xx) otherwise. */
function asSmtpError(error: unknown): SmtpError {
  if (error instanceof DomainError) {
    if (error.code === 'not_found') return smtpError(550, '5.1.1', error.message === 'messaging.errors.notFound' ? 'mail.inbound.notParticipant' : error.message)
    if (error.code === 'forbidden') return smtpError(550, '5.7.1', error.message)
    if (error.code === 'invalid') return smtpError(error.message === 'messaging.errors.fileTooBig' ? 552 : 550, error.message === 'messaging.errors.fileTooBig' ? '5.3.4' : '5.6.0', error.message)
    if (error.code === 'rate_limited') return smtpError(451, '4.7.1', 'mail.inbound.later')
  }
  return smtpError(451, '4.3.0', 'mail.inbound.later')
}

/** The message, at most `limit` bytes kept; past it, the rest is read and thrown away (the client is told 552 after its final dot). */
async function readLimited(stream: Readable & { sizeExceeded?: boolean }, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  }
  return size > limit || stream.sizeExceeded ? null : Buffer.concat(chunks)
}

/**
 * The plain text of a reply. mailparser derives it from an HTML-only part, but not from HTML in a
 * multipart/related (an HTML signature with its logo): then we convert it, images left out, and
 * only the start of a huge HTML part (the reply is at its top).
 */
function textOf(parsed: ParsedMail): string {
  if (parsed.text) return parsed.text
  if (!parsed.html) return ''
  return htmlToText(parsed.html, { limits: { maxInputLength: 200_000 }, selectors: [{ selector: 'img', format: 'skip' }] })
}

export async function startInboundServer(options: InboundServerOptions) {
  const { domain, secret, logger } = options
  const limiter = options.limiter ?? createRateLimiter(MESSAGE_RATE)
  // The reply address of the transaction under way, per connection.
  const targets = new WeakMap<SMTPServerSession, ReplyTarget>()

  const server = new SMTPServer({
    name: domain,
    banner: 'Passerelle',
    authOptional: true,
    // Meant behind the domain's MX (which speaks TLS with the world); no built-in self-signed certificate.
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_MAX_BYTES,
    maxClients: 50,
    closeTimeout: 5_000,
    socketTimeout: 60_000,
    logger: false,
    onMailFrom(_address, session, callback) {
      targets.delete(session)
      callback()
    },
    onRcptTo(address, session, callback) {
      // One reply address per transaction: a 452 asks the sending server to send the others separately.
      if (session.envelope.rcptTo.length >= 1) return callback(smtpError(452, '4.5.3', 'mail.inbound.oneRecipient'))
      const token = replyTokenOf(address.address, domain)
      if (!token) return callback(smtpError(550, '5.1.1', 'mail.inbound.unknownAddress'))
      replyTarget(secret, token).then(
        (target) => {
          targets.set(session, target)
          callback()
        },
        (error: unknown) => {
          if (!(error instanceof DomainError)) logger.warn({ err: error }, 'inbound mail: recipient not checked')
          logger.info({ refusal: (error as Error).message }, 'inbound mail refused at RCPT')
          callback(asSmtpError(error))
        },
      )
    },
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readLimited(stream, INBOUND_MAX_BYTES)
        if (!raw) return callback(smtpError(552, '5.3.4', 'mail.inbound.tooBig'))
        const target = targets.get(session)
        if (!target) return callback(smtpError(503, '5.5.1', 'mail.inbound.unknownAddress'))
        // A mail the parser cannot read will not be readable on the next try either: a bounce, not a retry.
        const parsed = await simpleParser(raw, { skipImageLinks: true }).catch(() => {
          throw invalid('mail.inbound.malformed')
        })
        const headerLines = new Map(parsed.headerLines.map((line) => [line.key.toLowerCase(), line.line.slice(line.line.indexOf(':') + 1).trim()]))
        const outcome = await receiveReply(
          target,
          {
            from: parsed.from?.value[0]?.address ?? null,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
            headers: { get: (name) => headerLines.get(name.toLowerCase()) },
            subject: parsed.subject ?? '',
            messageId: parsed.messageId,
            text: textOf(parsed),
            attachments: parsed.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content, related: file.related })),
          },
          { limiter },
        )
        logger.info({ conversationId: target.conversationId, userId: target.actor.id, ...outcome }, 'inbound mail')
        callback()
      })().catch((error: unknown) => {
        if (!(error instanceof DomainError)) logger.error({ err: error }, 'inbound mail: not stored')
        else logger.info({ refusal: error.message }, 'inbound mail refused at DATA')
        callback(asSmtpError(error))
      })
    },
  })
  server.on('error', (error) => logger.warn({ err: error }, 'inbound SMTP server error'))

  let stopped = false
  let retry: NodeJS.Timeout | undefined
  let listening = false
  const tryListen = () =>
    new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.server.off('listening', onListening)
        if (error.code === 'EADDRINUSE') resolve(false)
        else reject(error)
      }
      const onListening = () => {
        server.server.off('error', onError)
        resolve(true)
      }
      server.server.once('error', onError)
      server.server.once('listening', onListening)
      server.server.listen(options.port, options.host)
    })
  const standBy = () => {
    retry = setTimeout(() => {
      void tryListen().then(
        (bound) => {
          if (stopped) return
          listening = bound
          if (bound) logger.info({ port: address() }, 'inbound SMTP server took over the port')
          else standBy()
        },
        (error: unknown) => logger.error({ err: error }, 'inbound SMTP server cannot listen'),
      )
    }, options.retryMs ?? 5_000)
    retry.unref()
  }
  const address = () => {
    const bound = server.server.address()
    return typeof bound === 'object' && bound ? bound.port : null
  }

  listening = await tryListen()
  if (listening) logger.info({ port: address(), domain }, 'inbound SMTP server (reply by e-mail) listening')
  else {
    logger.info({ port: options.port }, 'inbound SMTP port held by another process: standing by')
    standBy()
  }
  return {
    /** The bound port (port 0 asks for a free one), or null while standing by. */
    port: () => (listening ? address() : null),
    close: async () => {
      stopped = true
      clearTimeout(retry)
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()))
      listening = false
    },
  }
}

export type InboundServer = Awaited<ReturnType<typeof startInboundServer>>
