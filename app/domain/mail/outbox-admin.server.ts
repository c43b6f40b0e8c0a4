import type { Actor } from '../actor'
import { forbidden } from '../errors'
import { hasPermission } from '../permissions'
import { troubledMails } from './outbox.server'

/** What the admin sees of the outbox: mails that failed for good, and those still retrying after 3 attempts (no body). */
export type TroubledMailView = { id: string; to: string; kind: string; subject: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null; createdAt: string }

export async function listTroubledMails(actor: Actor): Promise<TroubledMailView[]> {
  if (!hasPermission(actor, 'read:mail-outbox:any')) throw forbidden()
  const mails = await troubledMails()
  return mails.map((mail) => ({
    id: String(mail._id),
    to: mail.to,
    kind: mail.kind,
    subject: mail.subject,
    status: mail.status ?? 'pending',
    attempts: mail.attempts ?? 0,
    lastError: mail.lastError ?? null,
    nextAttemptAt: mail.status === 'pending' && mail.nextAttemptAt ? mail.nextAttemptAt.toISOString() : null,
    createdAt: (mail as { createdAt?: Date }).createdAt?.toISOString() ?? '',
  }))
}
