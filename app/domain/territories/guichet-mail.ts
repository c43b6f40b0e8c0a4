import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import { escapeHtml } from '../mail/layout'
import type { OutgoingMail } from '../mail/mailer'
import '~/i18n/areas/territories'

/**
 * The guichet's e-mails, in the recipient's language (pure): the plain text carries everything
 * (what tests read), the HTML part says the same with the link as a button, every value escaped.
 */
export type GuichetMailKind = 'verify' | 'received' | 'queued' | 'answered' | 'routed' | 'routedToOrg' | 'needDrafted'

export type GuichetMail = {
  kind: GuichetMailKind
  to: string
  name: string
  language: Language
  territory: string
  subject: string
  /** The animator's words, the request's message, or a routing note: quoted as the person wrote it. */
  quote?: string
  values?: Record<string, string>
  link?: string
  /** One mail per key (a retried action queues it once). */
  key?: string
}

export function guichetMail(mail: GuichetMail): OutgoingMail {
  const { t } = translatorFor(mail.language)
  const values = { territory: mail.territory, subject: mail.subject, ...mail.values }
  const greeting = t('territories.mail.greeting', { name: mail.name })
  const intro = t(`territories.mail.${mail.kind}.intro`, values)
  const action = mail.link ? t(`territories.mail.${mail.kind}.action`, values) : null
  const signature = t('territories.mail.signature', values)
  const quoted = mail.quote ? mail.quote.split('\n').map((line) => `> ${line}`) : []
  const text = [greeting, '', intro, '', ...(quoted.length ? [...quoted, ''] : []), ...(action && mail.link ? [`${action} : ${mail.link}`, ''] : []), '-- ', signature, ''].join('\n')
  const html = `<!doctype html>
<html lang="${mail.language}"><body style="font-family: Arial, sans-serif; color: #1b1f24; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${mail.quote ? `<blockquote style="border-left: 4px solid #1d3f8f; margin: 0; padding-left: 12px; white-space: pre-wrap">${escapeHtml(mail.quote)}</blockquote>` : ''}
${action && mail.link ? `<p><a href="${escapeHtml(mail.link)}" style="display: inline-block; background: #1d3f8f; color: #ffffff; padding: 10px 18px; border-radius: 6px; text-decoration: none; font-weight: bold">${escapeHtml(action)}</a></p><p style="font-size: 14px; color: #4a5360">${escapeHtml(mail.link)}</p>` : ''}
<p>${escapeHtml(signature)}</p>
</body></html>`
  return { to: mail.to, subject: t(`territories.mail.${mail.kind}.subject`, values), text, html, kind: `guichet.${mail.kind.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`, language: mail.language, key: mail.key }
}
