import nodemailer from 'nodemailer'
import type { MailTransport } from '../../app/domain/mail/mailer.js'

/**
 * Delivers through any SMTP server (the real one in production, the local capture otherwise).
 * Only the outbox workers use it (app/domain/mail/outbox.server.ts): the app queues, never sends
 * directly. Its timeouts keep every exchange well under the outbox claim (2 minutes), so a mail is
 * never taken again while a worker is still handing it over.
 */
export function createSmtpTransport({ smtpUrl, from, pool = true, maxConnections = 8 }: { smtpUrl: string; from: string; pool?: boolean; maxConnections?: number }): MailTransport & { close: () => void } {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool,
    maxConnections,
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0])
  return {
    async deliver(mail) {
      // Every mail the platform sends is automatic (RFC 3834): auto-responders must not answer it, and
      // Exchange is asked not to send out-of-office replies — nothing loops with the inbound server.
      const headers = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'OOF, AutoReply', ...mail.headers }
      // Attachments as text: nodemailer picks the transfer encoding; `contentType` carries charset and an .ics's METHOD.
      const attachments = mail.attachments?.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content }))
      const info = (await transport.sendMail({ from, ...mail, headers, attachments })) as { messageId?: string }
      return { messageId: info.messageId }
    },
    close: () => transport.close(),
  }
}
