import type { Language } from '~/i18n/config'

/**
 * The look of every e-mail the platform sends (pure): the site's colours, one column, real
 * headings, lists and links (no layout tables, no text in images), `lang` set, a visible link
 * text for every button. The plain-text part says the same thing with the full addresses. Every
 * value is escaped: a need title or an organisation name is text, never markup.
 */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

export type MailItem = { text: string; url: string; note?: string }

export type MailLayout = {
  language: Language
  title: string
  greeting: string
  paragraphs?: string[]
  /** The main button (its address also in full in the text part). */
  action?: { label: string; url: string }
  /** A list of linked lines (a digest). */
  items?: MailItem[]
  /** Further lists under their own heading (« Besoins pour vous » in a researcher's digest). */
  sections?: Array<{ heading: string; intro?: string; items: MailItem[] }>
  footer: { reason: string; preferencesLabel: string; preferencesUrl: string; unsubscribeLabel: string; unsubscribeUrl: string }
  signature: string
}

const BLUE = '#1d3f8f'
const INK = '#1b1f24'
const MUTED = '#4a5360'

export function renderMail(mail: MailLayout): { html: string; text: string } {
  const paragraphs = mail.paragraphs ?? []
  const text = [
    mail.greeting,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(mail.items ?? []).flatMap((item) => [`- ${item.text}${item.note ? ` (${item.note})` : ''}`, `  ${item.url}`]),
    ...(mail.items?.length ? [''] : []),
    ...(mail.sections ?? []).flatMap((section) => [
      section.heading,
      '',
      ...(section.intro ? [section.intro, ''] : []),
      ...section.items.flatMap((item) => [`- ${item.text}${item.note ? ` (${item.note})` : ''}`, `  ${item.url}`]),
      '',
    ]),
    ...(mail.action ? [`${mail.action.label} : ${mail.action.url}`, ''] : []),
    '-- ',
    mail.signature,
    '',
    mail.footer.reason,
    `${mail.footer.preferencesLabel} : ${mail.footer.preferencesUrl}`,
    `${mail.footer.unsubscribeLabel} : ${mail.footer.unsubscribeUrl}`,
    '',
  ].join('\n')

  const list = (items: MailItem[]) =>
    `<ul style="padding-left: 20px; margin: 0 0 16px">${items
      .map(
        (item) =>
          `<li style="margin-bottom: 8px"><a href="${escapeHtml(item.url)}" style="color: ${BLUE}">${escapeHtml(item.text)}</a>${item.note ? ` <span style="color: ${MUTED}">(${escapeHtml(item.note)})</span>` : ''}</li>`,
      )
      .join('')}</ul>`
  const items = mail.items?.length ? list(mail.items) : ''
  const sections = (mail.sections ?? [])
    .map((section) => `<h2 style="font-size: 18px; margin: 24px 0 12px">${escapeHtml(section.heading)}</h2>\n${section.intro ? `<p>${escapeHtml(section.intro)}</p>\n` : ''}${list(section.items)}`)
    .join('\n')
  const action = mail.action
    ? `<p style="margin: 24px 0"><a href="${escapeHtml(mail.action.url)}" style="display: inline-block; background: ${BLUE}; color: #ffffff; padding: 10px 18px; border-radius: 6px; text-decoration: none; font-weight: bold">${escapeHtml(mail.action.label)}</a></p>`
    : ''
  const html = `<!doctype html>
<html lang="${mail.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(mail.title)}</title></head>
<body style="margin: 0; background: #f4f6fa; font-family: Arial, Helvetica, sans-serif; color: ${INK}; line-height: 1.5; font-size: 16px">
<main style="max-width: 600px; margin: 0 auto; background: #ffffff; padding: 24px">
<p style="margin: 0 0 16px; font-weight: bold; color: ${BLUE}; font-size: 18px">Passerelle</p>
<h1 style="font-size: 20px; margin: 0 0 16px">${escapeHtml(mail.title)}</h1>
<p>${escapeHtml(mail.greeting)}</p>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${items}
${sections}
${action}
<p>${escapeHtml(mail.signature)}</p>
</main>
<footer style="max-width: 600px; margin: 0 auto; padding: 16px 24px; font-size: 14px; color: ${MUTED}">
<p>${escapeHtml(mail.footer.reason)}</p>
<p><a href="${escapeHtml(mail.footer.preferencesUrl)}" style="color: ${MUTED}">${escapeHtml(mail.footer.preferencesLabel)}</a> · <a href="${escapeHtml(mail.footer.unsubscribeUrl)}" style="color: ${MUTED}">${escapeHtml(mail.footer.unsubscribeLabel)}</a></p>
</footer>
</body></html>`
  return { html, text }
}
