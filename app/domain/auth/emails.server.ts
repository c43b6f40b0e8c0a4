import { type Language } from '~/i18n/config'
import { translatorFor } from '~/i18n/translators'
import type { OutgoingMail } from '../mail/mailer'

/**
 * The account e-mails, in the recipient's language. Plain text carries everything (and is what
 * tests read); the HTML part is the same text with a button, every value escaped.
 */
type LinkMail = { to: string; name: string; link: string; language: Language }

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

function composeLinkMail({ to, name, link, language }: LinkMail, kind: 'verification' | 'reset'): OutgoingMail {
  const { t } = translatorFor(language)
  const greeting = t('auth.emails.greeting', { name })
  const intro = t(`auth.emails.${kind}.intro`)
  const ignore = t(`auth.emails.${kind}.ignore`)
  const signature = t('auth.emails.signature')
  const text = [greeting, '', intro, link, '', ignore, '', '-- ', signature, ''].join('\n')
  const html = `<!doctype html>
<html lang="${language}"><body style="font-family: Arial, sans-serif; color: #1b1f24; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; background: #1d3f8f; color: #ffffff; padding: 10px 18px; border-radius: 6px; text-decoration: none; font-weight: bold">${escapeHtml(t(`auth.emails.${kind}.action`))}</a></p>
<p style="font-size: 14px; color: #4a5360">${escapeHtml(t('auth.emails.linkFallback'))}<br>${escapeHtml(link)}</p>
<p>${escapeHtml(ignore)}</p>
<p>${escapeHtml(signature)}</p>
</body></html>`
  return { to, subject: t(`auth.emails.${kind}.subject`), text, html, kind: `account.${kind}`, language }
}

export const verificationEmail = (mail: LinkMail) => composeLinkMail(mail, 'verification')
export const passwordResetEmail = (mail: LinkMail) => composeLinkMail(mail, 'reset')

/**
 * To the owner of an address someone tried to sign up with: it already has an account. The sign-up
 * page says only that an e-mail was sent, so nobody learns from it whether an address is taken.
 */
export function accountExistsEmail({ to, name, language, signInLink, resetLink }: Omit<LinkMail, 'link'> & { signInLink: string; resetLink: string }): OutgoingMail {
  const { t } = translatorFor(language)
  const lines = {
    greeting: t('auth.emails.greeting', { name }),
    intro: t('auth.emails.accountExists.intro'),
    signIn: t('auth.emails.accountExists.signIn'),
    reset: t('auth.emails.accountExists.reset'),
    ignore: t('auth.emails.accountExists.ignore'),
    signature: t('auth.emails.signature'),
  }
  const text = [lines.greeting, '', lines.intro, '', lines.signIn, signInLink, '', lines.reset, resetLink, '', lines.ignore, '', '-- ', lines.signature, ''].join('\n')
  const link = (href: string) => `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`
  const html = `<!doctype html>
<html lang="${language}"><body style="font-family: Arial, sans-serif; color: #1b1f24; line-height: 1.5">
<p>${escapeHtml(lines.greeting)}</p>
<p>${escapeHtml(lines.intro)}</p>
<p>${escapeHtml(lines.signIn)}<br>${link(signInLink)}</p>
<p>${escapeHtml(lines.reset)}<br>${link(resetLink)}</p>
<p>${escapeHtml(lines.ignore)}</p>
<p>${escapeHtml(lines.signature)}</p>
</body></html>`
  return { to, subject: t('auth.emails.accountExists.subject'), text, html, kind: 'account.exists', language }
}

/**
 * Links point at the public origin; the token is the last path segment. A verification link may
 * carry where the person was going (`suite`), offered again once they sign in.
 */
export const verificationLink = (publicUrl: string, token: string, next = '/') => {
  const url = new URL(`/verifier-email/${token}`, publicUrl)
  if (next !== '/') url.searchParams.set('suite', next)
  return url.toString()
}
export const passwordResetLink = (publicUrl: string, token: string) => new URL(`/reinitialiser-mot-de-passe/${token}`, publicUrl).toString()
export const signInLink = (publicUrl: string) => new URL('/connexion', publicUrl).toString()
