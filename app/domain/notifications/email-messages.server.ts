import mongoose, { Schema, type InferSchemaType, type Model } from 'mongoose'
import { renderMail } from '../mail/layout'
import type { OutgoingMail } from '../mail/mailer'
import { oneLine } from '../mail/message'
import { enqueueMails } from '../mail/outbox.server'
import { replyAddress, signReplyToken } from '../mail/reply-address'
import { signUnsubscribeToken, unsubscribeHeaders, unsubscribeUrl } from '../mail/signed-links'
import { Conversation, Message, ReadReceipt } from '../messaging/model.server'
import { User } from '../users/model.server'
import type { UserRole } from '../users/roles'
import type { MailLinks } from './email-compose'
import { recipientFields, recipientOf, type RecipientRecord } from './email-dispatch.server'
import { MESSAGE_QUIET_MS, shouldMailBurst } from './email-messages'
import { effectiveMailPreferences } from './preferences'
import { translatorFor } from '~/i18n/translators'

/** How far each person was e-mailed about each conversation (the seq of the newest message told). */
const messageMailMarkSchema = new Schema({
  conversationId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  mailedUpToSeq: { type: Number, required: true },
  mailedAt: { type: Date, required: true },
})
messageMailMarkSchema.index({ conversationId: 1, userId: 1 }, { unique: true })
export const MessageMailMark: Model<InferSchemaType<typeof messageMailMarkSchema>> =
  (mongoose.models.MessageMailMark as Model<InferSchemaType<typeof messageMailMarkSchema>>) ?? mongoose.model('MessageMailMark', messageMailMarkSchema)

const EXCERPT = 300
const LOOKBACK_MS = 2 * 24 * 60 * 60 * 1000

/**
 * The periodic job (leading process): conversations whose last message is older than the quiet
 * time (and younger than two days); for each participant who wants these e-mails, one e-mail
 * about what others wrote since — their names, how many, the newest one's first lines (they are
 * a participant: it is theirs to read) and a link to the conversation.
 */
export async function mailUnreadMessages(links: MailLinks, { now = new Date(), quietMs = MESSAGE_QUIET_MS } = {}) {
  let mails = 0
  const conversations = Conversation.find(
    { lastMessageAt: { $lte: new Date(now.getTime() - quietMs), $gte: new Date(now.getTime() - LOOKBACK_MS) } },
    { participants: 1 },
  )
    .lean()
    .cursor()
  for await (const conversation of conversations) {
    const participants = (conversation.participants ?? []).map(String)
    if (participants.length < 2) continue
    const [receipts, marks, users] = await Promise.all([
      ReadReceipt.find({ conversationId: conversation._id, userId: { $in: participants } }, { userId: 1, lastReadSeq: 1 }).lean(),
      MessageMailMark.find({ conversationId: conversation._id }, { userId: 1, mailedUpToSeq: 1 }).lean(),
      User.find({ _id: { $in: participants } }, { ...recipientFields, suspendedUntil: 1 }).lean(),
    ])
    const readBy = new Map(receipts.map((receipt) => [String(receipt.userId), receipt.lastReadSeq]))
    const markOf = new Map(marks.map((mark) => [String(mark.userId), mark.mailedUpToSeq]))
    const nameOf = new Map(users.map((user) => [String(user._id), user.name]))
    const outgoing: Array<{ mail: OutgoingMail; userId: string; upTo: number }> = []
    for (const user of users as unknown as Array<RecipientRecord & { suspendedUntil?: Date | null }>) {
      const userId = String(user._id)
      if (!user.emailVerifiedAt || (user.suspendedUntil && user.suspendedUntil > now)) continue
      if (effectiveMailPreferences(user.role as UserRole, user.mailPreferences).message !== 'immediate') continue
      const lastReadSeq = readBy.get(userId) ?? 0
      const mailedUpToSeq = markOf.get(userId) ?? 0
      const unread = await Message.find(
        { conversationId: conversation._id, seq: { $gt: Math.max(lastReadSeq, mailedUpToSeq) }, authorId: { $ne: user._id }, deletedAt: null },
        { seq: 1, authorId: 1, body: 1 },
      )
        .sort({ seq: 1 })
        .lean()
      const newest = unread.at(-1)
      if (!shouldMailBurst({ lastReadSeq, mailedUpToSeq, newestUnreadFromOthers: newest?.seq ?? null })) continue
      const names = [...new Set(unread.map((message) => nameOf.get(String(message.authorId)) ?? ''))].filter(Boolean)
      outgoing.push({ mail: unreadMessagesMail(user, String(conversation._id), names, unread.length, newest!.body ?? '', newest!.seq, links), userId, upTo: newest!.seq })
    }
    if (!outgoing.length) continue
    mails += await enqueueMails(outgoing.map((item) => item.mail))
    await MessageMailMark.bulkWrite(
      outgoing.map((item) => ({
        updateOne: { filter: { conversationId: conversation._id, userId: new mongoose.Types.ObjectId(item.userId) }, update: { $max: { mailedUpToSeq: item.upTo }, $set: { mailedAt: now } }, upsert: true },
      })),
    )
  }
  return { mails }
}

function unreadMessagesMail(user: RecipientRecord, conversationId: string, names: string[], count: number, newestBody: string, newestSeq: number, links: MailLinks): OutgoingMail {
  const recipient = recipientOf(user)
  const { t } = translatorFor(recipient.language)
  const who = names.join(', ')
  const url = new URL(`/messages/${conversationId}`, links.publicUrl).toString()
  const unsubscribe = unsubscribeUrl(links.publicUrl, signUnsubscribeToken(links.secret, recipient.id, 'message'))
  const excerpt = oneLine(newestBody, EXCERPT + 1)
  const { html, text } = renderMail({
    language: recipient.language,
    title: t('mail.messages.title'),
    greeting: t('mail.greeting', { name: recipient.name }),
    paragraphs: [
      t('mail.messages.intro', { count, names: who }),
      ...(excerpt ? [`« ${excerpt.length > EXCERPT ? `${excerpt.slice(0, EXCERPT)}…` : excerpt} »`] : []),
      ...(links.replyDomain ? [t('mail.messages.replyHint')] : []),
    ],
    action: { label: t('mail.messages.action'), url },
    footer: {
      reason: t('mail.footer.reasonKind', { kind: t('mail.kinds.message') }),
      preferencesLabel: t('mail.footer.preferences'),
      preferencesUrl: new URL('/compte#emails', links.publicUrl).toString(),
      unsubscribeLabel: t('mail.footer.unsubscribe'),
      unsubscribeUrl: unsubscribe,
    },
    signature: t('mail.signature'),
  })
  return {
    to: recipient.email,
    subject: t('mail.messages.subject', { names: who }),
    text,
    html,
    headers: {
      ...unsubscribeHeaders(unsubscribe),
      // Reply by e-mail (ADR 027): an address only this person can use, only for this conversation.
      ...(links.replyDomain ? { 'Reply-To': replyAddress(links.replyDomain, signReplyToken(links.secret, recipient.id, conversationId)) } : {}),
    },
    kind: 'notification.message',
    language: recipient.language,
    key: `message:${conversationId}:${recipient.id}:${newestSeq}`,
  }
}
