import mongoose from 'mongoose'
import { actorOf, type Actor } from '../actor'
import { forbidden, invalid, notFound } from '../errors'
import { cleanReplyText, clientIdOfMail, INBOUND_MAX_ATTACHMENTS, isAutomatedMail, type InboundHeaders } from '../mail/inbound-rules'
import { verifyReplyToken } from '../mail/reply-address'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'
import { checkAttachment, sendAttachment } from './attachments.server'
import { Conversation } from './model.server'
import type { RateLimiter } from './rate-limit'
import { messageBody } from './schema'
import { sendMessage } from './service.server'

/**
 * Reply by e-mail (docs/decisions/027-reply-by-email.md): a mail sent to a signed reply address
 * becomes a message from its owner in its conversation, through the same functions as a message
 * typed in the app (sendMessage, sendAttachment) — so it is checked, sanitised, numbered and
 * pushed live like any other. Refusals are DomainErrors; the inbound SMTP server (the edge,
 * server/mail/inbound-server.ts) turns them into SMTP replies, i.e. bounces.
 */
export type ReplyTarget = { actor: Actor; email: string; conversationId: string }

/** Who may write where with this token, checked now: a known person, in good standing, still in the conversation. */
export async function replyTarget(secret: string, token: string, now = new Date()): Promise<ReplyTarget> {
  const signed = verifyReplyToken(secret, token)
  if (!signed) throw notFound('mail.inbound.unknownAddress')
  const user = await User.findOne({ _id: signed.userId, deletedAt: null }, { email: 1, name: 1, role: 1, animates: 1, suspendedUntil: 1 }).lean()
  if (!user) throw notFound('mail.inbound.unknownAddress')
  if (user.suspendedUntil && user.suspendedUntil > now) throw forbidden('mail.inbound.suspended')
  const member = await Conversation.exists({ _id: signed.conversationId, participants: new mongoose.Types.ObjectId(signed.userId) })
  if (!member) throw forbidden('mail.inbound.notParticipant')
  const actor = actorOf({ id: String(user._id), role: user.role as UserRole, name: user.name, animates: user.animates as Actor['animates'] })
  return { actor, email: user.email.toLowerCase(), conversationId: signed.conversationId }
}

export type InboundReply = {
  /** The address of the From header (what the person's client shows as the sender). */
  from: string | null
  /** MAIL FROM; empty for a bounce. */
  envelopeFrom: string | null
  headers: InboundHeaders
  subject: string
  messageId?: string
  /** The plain text (mailparser derives it from the HTML part when there is no text part). */
  text: string
  attachments: Array<{ filename?: string; contentType: string; content: Buffer; related?: boolean }>
}

export type ReplyOutcome = { outcome: 'stored' | 'duplicate' | 'dropped'; messages: number }

/** Stores a reply as messages (its text, then one per attachment), or drops an automated mail; refusals store nothing. */
export async function receiveReply(target: ReplyTarget, mail: InboundReply, deps: { limiter: RateLimiter }): Promise<ReplyOutcome> {
  if (isAutomatedMail({ headers: mail.headers, subject: mail.subject, envelopeFrom: mail.envelopeFrom })) return { outcome: 'dropped', messages: 0 }
  if (mail.from?.trim().toLowerCase() !== target.email) throw forbidden('mail.inbound.wrongSender')

  // Logos of signatures are images the HTML part shows inline ("related"): not files the person sent.
  const files = mail.attachments.filter((file) => !file.related)
  if (files.length > INBOUND_MAX_ATTACHMENTS) throw invalid('mail.inbound.tooManyAttachments')
  const checked = files.map((file, index) => {
    const name = (file.filename || `piece-jointe-${index + 1}`).replace(/[\\/\u0000-\u001f]/g, '_').slice(-200)
    checkAttachment({ name, type: file.contentType, size: file.content.byteLength })
    return { name, type: file.contentType, data: new Uint8Array(file.content) }
  })
  const body = cleanReplyText(mail.text)
  if (!body && !checked.length) throw invalid('mail.inbound.empty')
  if (body) {
    const parsed = messageBody.safeParse(body)
    if (!parsed.success) throw invalid(parsed.error.issues[0]!.message)
  }

  const fallback = `${mail.from}\n${mail.subject}\n${mail.text}`
  const results = []
  if (body) results.push(await sendMessage(target.actor, target.conversationId, { clientId: clientIdOfMail(mail.messageId, fallback), body }, deps))
  for (const [index, file] of checked.entries()) {
    results.push(await sendAttachment(target.actor, target.conversationId, { clientId: clientIdOfMail(mail.messageId, fallback, index + 1), file }, deps))
  }
  const created = results.filter((result) => result.created).length
  return { outcome: created ? 'stored' : 'duplicate', messages: created }
}
