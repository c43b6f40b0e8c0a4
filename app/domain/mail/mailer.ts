import type { Language } from '~/i18n/config'

/**
 * What domain services hand over to be e-mailed. There is one way to send mail: `Mailer.send`
 * stores the mail in the outbox (app/domain/mail/outbox.server.ts) and returns once it is stored;
 * the outbox workers deliver it through SMTP, retrying while the SMTP server is down.
 */
export type OutgoingMail = {
  to: string
  subject: string
  /** Plain text is always sent; it is what tests and text-only clients read. */
  text: string
  html?: string
  /** What it is about (account, invitation, notification kind, digest…): for logs and the admin's view. */
  kind?: string
  language?: Language
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post, Reply-To…); names and values checked. */
  headers?: Record<string, string>
  /** At most one mail per key: a job that runs twice, or two processes, queue it once. */
  key?: string
  /** Small text files (a meeting's .ics): at most 3, 256 kB in all, plain file names (message.ts). */
  attachments?: MailAttachment[]
}

/** A file sent with the mail; `content` is text (UTF-8), e.g. an iCalendar invitation. */
export type MailAttachment = { filename: string; contentType: string; content: string }

export type Mailer = {
  /** Queues the mail (outbox); resolves once it is stored, refuses a malformed one (DomainError 'invalid'). */
  send: (mail: OutgoingMail) => Promise<void>
}

/** What the outbox workers deliver through: SMTP in the app (server/mail/smtp-mailer.ts). */
export type MailTransport = {
  deliver: (mail: { to: string; subject: string; text: string; html?: string; headers?: Record<string, string>; attachments?: MailAttachment[] }) => Promise<{ messageId?: string }>
}
