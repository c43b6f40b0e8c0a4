import type { Language } from '~/i18n/config'
import { needNote, type AlertNeed } from '../alerts/mail'
import { renderMail, type MailItem } from '../mail/layout'
import type { MailAttachment, OutgoingMail } from '../mail/mailer'
import { oneLine } from '../mail/message'
import { signUnsubscribeToken, unsubscribeHeaders, unsubscribeUrl } from '../mail/signed-links'
import type { NotificationData, NotificationKind } from './schema'
import { notificationText } from './text'
import '~/i18n/areas/mail'
import { translatorFor } from '~/i18n/translators'
import type { Translate } from '~/i18n/translator'

/**
 * The notification e-mails, built from what the in-app notification stores (pure): the same
 * sentence in the recipient's language, a link to the exact page, the signed one-click
 * unsubscribe link (also in the List-Unsubscribe headers). They say nothing the notification
 * does not: the hooks (hooks.server.ts) already decided what each recipient may read.
 */
export type MailRecipient = { id: string; email: string; name: string; language: Language }
export type MailNotification = { id: string; kind: NotificationKind; data: NotificationData; link: string; createdAt: Date }
export type MailLinks = {
  publicUrl: string
  secret: string
  /** The inbound reply domain when reply by e-mail is on (PASSERELLE_INBOUND_DOMAIN): e-mails about a conversation carry a Reply-To there. */
  replyDomain?: string
  /** The ORGANIZER of the meetings' calendar files attached to their e-mails (PASSERELLE_CONTACT_EMAIL). */
  organizerEmail?: string
}

const PREFERENCES_PATH = '/compte#emails'
export const absolute = (publicUrl: string, path: string) => new URL(path.startsWith('/') && !path.startsWith('//') ? path : '/notifications', publicUrl).toString()

/** The footer of a mail sent for `scope` and its RFC 8058 headers (the signed one-click unsubscribe link). */
export function footerOf(t: Translate, links: MailLinks, recipient: MailRecipient, scope: string, reason: string) {
  const unsubscribe = unsubscribeUrl(links.publicUrl, signUnsubscribeToken(links.secret, recipient.id, scope))
  return {
    footer: {
      reason,
      preferencesLabel: t('mail.footer.preferences'),
      preferencesUrl: absolute(links.publicUrl, PREFERENCES_PATH),
      unsubscribeLabel: t('mail.footer.unsubscribe'),
      unsubscribeUrl: unsubscribe,
    },
    headers: unsubscribeHeaders(unsubscribe),
  }
}

/** What a calendar attachment is: an invitation (REQUEST), or the event's removal (CANCEL); of the meeting, or of a one-to-one at it. */
function calendarNote(file: MailAttachment, kind: NotificationKind) {
  if (!file.contentType.startsWith('text/calendar')) return null
  const cancel = /method=cancel/i.test(file.contentType)
  if (kind.startsWith('one_to_one_')) return cancel ? 'mail.notification.calendarCancelOneToOne' : 'mail.notification.calendarInviteOneToOne'
  return cancel ? 'mail.notification.calendarCancel' : 'mail.notification.calendarInvite'
}

/** One notification, at once; `attachments` (a meeting's .ics) go with it, and the text says so. */
export function notificationMail(recipient: MailRecipient, notification: MailNotification, links: MailLinks, attachments: MailAttachment[] = []): OutgoingMail {
  const { t } = translatorFor(recipient.language)
  const sentence = notificationText(t, notification)
  const notes = attachments.flatMap((file) => {
    const note = calendarNote(file, notification.kind)
    return note ? [t(note)] : []
  })
  const { footer, headers } = footerOf(t, links, recipient, notification.kind, t('mail.footer.reasonKind', { kind: t(`mail.kinds.${notification.kind}`) }))
  const { html, text } = renderMail({
    language: recipient.language,
    title: t('mail.notification.title'),
    greeting: t('mail.greeting', { name: recipient.name }),
    paragraphs: [sentence, ...notes],
    action: { label: t('mail.open'), url: absolute(links.publicUrl, notification.link) },
    footer,
    signature: t('mail.signature'),
  })
  return {
    to: recipient.email,
    subject: oneLine(sentence, 200),
    text,
    html,
    headers,
    kind: `notification.${notification.kind}`,
    language: recipient.language,
    key: `notification:${notification.id}`,
    ...(attachments.length ? { attachments } : {}),
  }
}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/Paris' }),
}

/**
 * A daily or weekly digest: every notification gathered since the last one, each linked to its
 * page; for researchers, « Besoins pour vous » (`forYou`: needs they may see, as search shows them).
 */
export function digestMail(
  recipient: MailRecipient,
  notifications: MailNotification[],
  frequency: 'daily' | 'weekly',
  period: string,
  links: MailLinks,
  forYou: AlertNeed[] = [],
): OutgoingMail {
  const { t } = translatorFor(recipient.language)
  const dateFormat = dateFormats[recipient.language]
  const items: MailItem[] = notifications.map((notification) => ({
    text: notificationText(t, notification),
    url: absolute(links.publicUrl, notification.link),
    note: t('mail.digest.receivedOn', { date: dateFormat.format(notification.createdAt) }),
  }))
  const { footer, headers } = footerOf(t, links, recipient, `digest-${frequency}`, t('mail.footer.reasonDigest'))
  const { html, text } = renderMail({
    language: recipient.language,
    title: t(`mail.digest.title_${frequency}`),
    greeting: t('mail.greeting', { name: recipient.name }),
    paragraphs: [t('mail.digest.intro')],
    items,
    sections: forYou.length
      ? [
          {
            heading: t('mail.digest.forYou'),
            intro: t('mail.digest.forYouIntro'),
            items: forYou.map((need) => ({ text: need.title, url: absolute(links.publicUrl, `/besoins/${need.id}`), note: needNote(need, recipient.language) || undefined })),
          },
        ]
      : undefined,
    action: { label: t('mail.digest.action'), url: absolute(links.publicUrl, '/notifications') },
    footer,
    signature: t('mail.signature'),
  })
  return {
    to: recipient.email,
    subject: t(`mail.digest.subject_${frequency}`, { count: notifications.length }),
    text,
    html,
    headers,
    kind: `digest.${frequency}`,
    language: recipient.language,
    key: `digest:${frequency}:${period}:${recipient.id}`,
  }
}
