import type { Actor } from '../actor'
import { conflict, forbidden } from '../errors'
import { isObjectId } from '../ids'
import { assertAllowed, hasPermission, mayManageOutbox } from '../permissions'
import { deleteTroubledMail, retryMailNow, troubledMails } from './outbox.server'

/** What the admin sees of the outbox: mails that failed for good, and those still retrying after 3 attempts (no body; attachments by name). */
export type TroubledMailView = { id: string; to: string; kind: string; subject: string; attachments: string[]; status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null; createdAt: string }

export async function listTroubledMails(actor: Actor): Promise<TroubledMailView[]> {
  if (!hasPermission(actor, 'read:mail-outbox:any')) throw forbidden()
  const mails = await troubledMails()
  return mails.map((mail) => ({
    id: String(mail._id),
    to: mail.to,
    kind: mail.kind,
    subject: mail.subject,
    attachments: (mail.attachments ?? []).map((file) => file.filename),
    status: mail.status ?? 'pending',
    attempts: mail.attempts ?? 0,
    lastError: mail.lastError ?? null,
    nextAttemptAt: mail.status === 'pending' && mail.nextAttemptAt ? mail.nextAttemptAt.toISOString() : null,
    createdAt: (mail as { createdAt?: Date }).createdAt?.toISOString() ?? '',
  }))
}

/** « Renvoyer »: a failed or retrying mail goes again now, with a fresh series of attempts. */
export async function retryTroubledMail(actor: Actor, mailId: string): Promise<void> {
  assertAllowed(mayManageOutbox(actor))
  if (!isObjectId(mailId) || !(await retryMailNow(mailId))) throw conflict('admin.mails.gone')
}

/** « Supprimer »: a failed or retrying mail is dropped, never sent. */
export async function deleteFailedMail(actor: Actor, mailId: string): Promise<void> {
  assertAllowed(mayManageOutbox(actor))
  if (!isObjectId(mailId) || !(await deleteTroubledMail(mailId))) throw conflict('admin.mails.gone')
}
