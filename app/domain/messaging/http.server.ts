import type { Params } from '@remix-run/react'
import { requireUser } from '../auth/session.server'
import { DomainError, httpStatusOf } from '../errors'
import { objectId } from './schema'
import type { MessagingActor } from './service.server'

/** What the messaging routes share: who is asking, the conversation id in the URL, refusals as HTTP. */
export async function requireMessagingActor(request: Request): Promise<MessagingActor> {
  const user = await requireUser(request)
  return { id: user.id, name: user.name }
}

export function conversationIdParam(params: Params): string {
  const parsed = objectId.safeParse(params.conversationId)
  if (!parsed.success) throw new Response('Introuvable', { status: 404 })
  return parsed.data
}

/** Runs a service call from a loader or action: refusals become the 403/404/429 error page. */
export async function orRefuse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: httpStatusOf[error.code] })
    throw error
  }
}
