import { z } from 'zod'
import { supportedLanguages } from '~/i18n/config'
import '~/i18n/areas/mail'

/**
 * The rules every queued mail obeys, checked before it is stored (pure, unit-tested). Nothing a
 * person typed can add a header: a subject is one line (CR, LF and other control characters become
 * spaces — a name typed with a line break still reads), an address or a header carrying a line
 * break is refused outright, and header names are tokens.
 */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g
const LINE_BREAK = /[\r\n\u2028\u2029]/

/** One line, control characters folded to a space, at most `max` characters. */
export const oneLine = (value: string, max = 250) => value.replace(CONTROL, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, max)

const noLineBreak = (value: string) => !LINE_BREAK.test(value)

export const mailAddressSchema = z
  .string()
  .max(254)
  .refine(noLineBreak, 'mail.errors.lineBreak')
  .pipe(z.string().trim().toLowerCase().email('mail.errors.address'))

export const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,60}$/
/** Headers the app sets itself; a caller may not override them. */
const reservedHeaders = new Set(['to', 'from', 'cc', 'bcc', 'subject', 'date', 'message-id', 'content-type', 'content-transfer-encoding', 'mime-version'])

export const MAX_ATTACHMENTS = 3
export const MAX_ATTACHMENTS_BYTES = 256 * 1024
/** A plain name (no path, no quote, no line break): what the recipient's client saves it as. */
const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
/** `type/subtype` and simple `; name=value` parameters (charset, method), nothing to break the MIME header. */
const ATTACHMENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9._-]+)*$/i

export const mailAttachmentSchema = z.object({
  filename: z.string().regex(ATTACHMENT_NAME, 'mail.errors.attachment').refine((name) => !name.includes('..'), 'mail.errors.attachment'),
  contentType: z.string().max(120).regex(ATTACHMENT_TYPE, 'mail.errors.attachment'),
  content: z.string().min(1, 'mail.errors.attachment').max(MAX_ATTACHMENTS_BYTES, 'mail.errors.attachmentSize'),
})

export const outgoingMailSchema = z.object({
  to: mailAddressSchema,
  subject: z
    .string()
    .transform((value) => oneLine(value))
    .pipe(z.string().min(1, 'mail.errors.subject')),
  text: z.string().min(1).max(500_000),
  html: z.string().max(1_000_000).optional(),
  kind: z.string().regex(/^[a-z][a-z0-9_.:-]{0,60}$/).default('other'),
  language: z.enum(supportedLanguages).default('fr'),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, 'mail.errors.header').refine((name) => !reservedHeaders.has(name.toLowerCase()), 'mail.errors.header'),
      z.string().max(2000).refine(noLineBreak, 'mail.errors.lineBreak'),
    )
    .default({}),
  key: z.string().min(1).max(200).optional(),
  attachments: z
    .array(mailAttachmentSchema)
    .max(MAX_ATTACHMENTS, 'mail.errors.attachment')
    // Bytes, not characters: what the SMTP server and the recipient's mailbox receive.
    .refine((files) => files.reduce((total, file) => total + Buffer.byteLength(file.content, 'utf8'), 0) <= MAX_ATTACHMENTS_BYTES, 'mail.errors.attachmentSize')
    .optional(),
})

export type ValidMail = z.infer<typeof outgoingMailSchema>
