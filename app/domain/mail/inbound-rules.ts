import { createHash } from 'node:crypto'
import EmailReplyParser from 'email-reply-parser'

/**
 * What an e-mail reply says, and whether a person wrote it at all (pure, unit-tested).
 * docs/decisions/027-reply-by-email.md.
 */

/** The advertised SMTP size limit: up to five attachments at their upload limit, base64-encoded, and the text. */
export const INBOUND_MAX_BYTES = 8 * 1024 * 1024
/** Attachments of one reply, at most (each one a message, like a file sent in the app). */
export const INBOUND_MAX_ATTACHMENTS = 5

/**
 * Only the start of a mail is read as the reply: the person's text is at most 10,000 characters
 * (a longer one is refused anyway) and the rest is quoted history. Parsing megabytes of text would
 * hold the event loop — pages and sockets of this process — for seconds.
 */
export const REPLY_SCAN_CHARS = 50_000

const parser = new EmailReplyParser()

/**
 * Quote headers the library may leave when a client wraps them or writes them its own way:
 * « Le lun. 7 déc. 2026 à 10:12, Passerelle <…> a écrit : », "On … wrote:", Outlook's
 * « De : … » block under a rule, "-----Message d'origine-----".
 */
const QUOTE_STARTS = [
  /^\s*Le\s[^\n]{0,300}?a\s+(é|e)crit\s*:\s*$/im,
  /^\s*On\s[^\n]{0,300}?wrote\s*:\s*$/im,
  /^\s*-{2,}\s*(Original Message|Message d['’]origine|Message original)\s*-{2,}\s*$/im,
  /^\s*_{10,}\s*\n\s*(De|From)\s*:/im,
  /^\s*(De|From)\s*:[^\n]*\n\s*(Envoyé|Sent|Date)\s*:/im,
]

/** The new text of a reply: quoted history, the quote header and the signature removed. */
export function cleanReplyText(text: string): string {
  const normalised = text.slice(0, REPLY_SCAN_CHARS).replace(/\r\n?/g, '\n')
  // A quote header wrapped over two lines ("… a\nécrit :") is joined first, so both passes see it whole.
  const joined = normalised.replace(/^(\s*(Le|On)\s[^\n]{0,300})\n([^\n]{0,100}(a\s+(é|e)crit|wrote)\s*:\s*)$/gim, '$1 $3')
  let visible = parser.parseReply(joined)
  for (const pattern of QUOTE_STARTS) {
    const found = pattern.exec(visible)
    if (found) visible = visible.slice(0, found.index)
  }
  // Lines quoted with ">" that the library kept (a quote in the middle of a reply stays: it is the person's).
  const lines = visible.split('\n')
  while (lines.length && (/^\s*>/.test(lines.at(-1)!) || !lines.at(-1)!.trim())) lines.pop()
  return lines.join('\n').trim()
}

export type InboundHeaders = { get: (name: string) => string | undefined }

const OUT_OF_OFFICE = /^\s*(auto(matic)?[\s-]*(reply|response|answer)|r[ée]ponse\s+automatique|out\s+of\s+(the\s+)?office|absen(ce|te?)\s+du\s+bureau|absence\s*:|message\s+d['’]absence|abwesenheit|autosvar|automatisch)/i

/**
 * True for a mail no person wrote — an auto-reply, a bounce, a mailing list — to be accepted and
 * dropped, never answered (RFC 3834): a null sender, Auto-Submitted other than "no",
 * Precedence bulk / junk / list, the X-Autoreply family, an out-of-office subject.
 */
export function isAutomatedMail({ headers, subject, envelopeFrom }: { headers: InboundHeaders; subject: string; envelopeFrom: string | null }): boolean {
  if (!envelopeFrom) return true
  const autoSubmitted = headers.get('auto-submitted')?.trim().toLowerCase()
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return true
  if (/^(bulk|junk|list|auto_reply)\b/i.test(headers.get('precedence')?.trim() ?? '')) return true
  if (['x-autoreply', 'x-autorespond', 'x-auto-reply', 'x-autoresponder'].some((name) => headers.get(name) !== undefined)) return true
  return OUT_OF_OFFICE.test(subject.replace(/^\s*(re|tr|fwd?|aw)\s*:\s*/i, ''))
}

/**
 * The client id of the message a mail becomes: derived from its Message-ID (else its content),
 * so the same mail delivered twice — a sending server's retry — is stored once.
 */
export function clientIdOfMail(messageId: string | undefined, fallback: string, part = 0): string {
  return `mail-${part}-${hashBase64url(messageId?.trim() || `content:${fallback}`)}`
}

const hashBase64url = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 40)
