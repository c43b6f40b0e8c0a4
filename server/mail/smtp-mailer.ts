import nodemailer from 'nodemailer'
import type { Mailer } from '../../app/domain/mail/mailer.js'
import type { Logger } from '../logger.js'

/** Sends through any SMTP server (the real one in production, the local capture otherwise). */
export function createSmtpMailer({ smtpUrl, from, logger }: { smtpUrl: string; from: string; logger: Logger }): Mailer & { close: () => void } {
  const transport = nodemailer.createTransport(smtpUrl)
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail })
      logger.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent')
    },
    close: () => transport.close(),
  }
}
