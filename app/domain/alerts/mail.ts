import { renderMail, type MailItem } from '../mail/layout'
import type { OutgoingMail } from '../mail/mailer'
import { oneLine } from '../mail/message'
import { absolute, footerOf, type MailLinks, type MailRecipient } from '../notifications/email-compose'
import { demoTerritories } from '../places/territories'
import { technologyDomains } from '../taxonomy/domains'
import type { AlertFrequency } from './vocabulary'
import '~/i18n/areas/alerts'
import '~/i18n/areas/mail'
import { translatorFor } from '~/i18n/translators'

/**
 * The e-mail of one alert run (pure): the new needs that match, each with its title, territory
 * and domains and a link to its page, in the recipient's language; a link to the whole search;
 * the signed one-click unsubscribe link that turns this alert off (footer and RFC 8058 headers).
 * It shows only what it is given: the run passes the fields of needs its recipient may see.
 */
export type AlertNeed = { id: string; title: string; territory: string | null; region: string | null; domains: readonly string[] }
export type AlertRun = { id: string; name: string; search: string; frequency: AlertFrequency }

/** Most needs listed in one e-mail; the rest are one click away (the search, newest first). */
export const ALERT_MAIL_MAX_NEEDS = 20

export function needNote(need: AlertNeed, language: 'fr' | 'en'): string {
  const place = need.territory ? (demoTerritories.find((territory) => territory.id === need.territory)?.name ?? null) : need.region
  const domains = need.domains.map((id) => technologyDomains.find((domain) => domain.id === id)?.label[language] ?? id)
  return [place, ...domains].filter(Boolean).join(' · ')
}

export function alertMail(recipient: MailRecipient, alert: AlertRun, needs: AlertNeed[], total: number, period: string, links: MailLinks): OutgoingMail {
  const { t } = translatorFor(recipient.language)
  const shown = needs.slice(0, ALERT_MAIL_MAX_NEEDS)
  const items: MailItem[] = shown.map((need) => ({ text: need.title, url: absolute(links.publicUrl, `/besoins/${need.id}`), note: needNote(need, recipient.language) || undefined }))
  const more = Math.max(0, total - shown.length)
  const { footer, headers } = footerOf(t, links, recipient, `alert-${alert.id}`, t('alerts.mail.reason', { name: alert.name }))
  const { html, text } = renderMail({
    language: recipient.language,
    title: t('alerts.mail.title', { name: alert.name }),
    greeting: t('mail.greeting', { name: recipient.name }),
    paragraphs: [t(`alerts.mail.intro_${alert.frequency}`, { count: total }), ...(more ? [t('alerts.mail.more', { count: more })] : [])],
    items,
    action: { label: t('alerts.mail.action'), url: absolute(links.publicUrl, `/recherche?${alert.search}&sort=recent`) },
    footer,
    signature: t('mail.signature'),
  })
  return {
    to: recipient.email,
    subject: oneLine(t('alerts.mail.subject', { count: total, name: alert.name }), 200),
    text,
    html,
    headers,
    kind: `alert.${alert.frequency}`,
    language: recipient.language,
    key: `alert:${alert.id}:${period}`,
  }
}
