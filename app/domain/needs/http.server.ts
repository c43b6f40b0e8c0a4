import type { Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { Params } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { getSessionUser, requireUser } from '../auth/session.server'
import { DomainError, httpStatusOf } from '../errors'
import { loadActor, type MarketplaceActor } from './membership.server'
import { needFormSchema, needIntentOf, objectIdSchema, type NeedInput } from './schema'
import { resolveNeedCommune } from './service.server'

/**
 * What the needs, proposals and projects routes share: who is asking, route params, and how a
 * refusal from the services reaches the person (their messages are i18n keys).
 */

/** The signed-in person as the marketplace rules see them (role and animated spaces). */
export async function requireActor(request: Request): Promise<MarketplaceActor> {
  const user = await requireUser(request)
  const actor = await loadActor(user.id)
  if (!actor) throw redirect('/connexion')
  return actor
}

export async function optionalActor(request: Request): Promise<MarketplaceActor | null> {
  const user = await getSessionUser(request)
  return user ? loadActor(user.id) : null
}

/** An id in a URL; anything that cannot be one is a plain 404. */
export function idParam(params: Params, name: string): string {
  const parsed = objectIdSchema.safeParse(params[name])
  if (!parsed.success) throw new Response('Introuvable', { status: 404 })
  return parsed.data
}

/** Translates keys (`needs.…`) and leaves anything else (already a sentence) as it is. */
export function translateMessage(t: TFunction, message: string): string {
  return message.startsWith('needs.') ? t(message as never) : message
}

export function translateFieldErrors(t: TFunction, fieldErrors: Record<string, string[]> | undefined) {
  if (!fieldErrors) return undefined
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(t, message))]))
}

/**
 * A refusal on a form: field or state problems (invalid, conflict) go back to the form, next
 * to their fields or above it; forbidden and not found become the error page with their status.
 */
export function replyWithRefusal<Output>(t: TFunction, submission: Submission<unknown, string[], Output>, error: unknown, extra: Record<string, unknown> = {}) {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    const result = submission.reply({
      formErrors: [translateMessage(t, error.message)],
      fieldErrors: translateFieldErrors(t, error.fieldErrors),
    })
    return data({ ...extra, result }, { status: httpStatusOf[error.code] })
  }
  throw asResponse(error)
}

/** A DomainError as the HTTP response the error page renders; anything else unchanged. */
export function asResponse(error: unknown): unknown {
  if (error instanceof DomainError) return new Response(error.message, { status: httpStatusOf[error.code] })
  return error
}

/** Runs a service call from a loader: refusals become 403/404/409 pages. */
export async function orRefuse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw asResponse(error)
  }
}

/**
 * Parses the need form (new and edit pages): zod first, then the commune typed or picked,
 * reported in the same round as the other fields. Returns the 400 reply or the service input.
 */
export function parseNeedForm(t: TFunction, formData: FormData) {
  const intent = needIntentOf(formData)
  const submission = parseWithZod(formData, { schema: needFormSchema(t, intent) })
  const raw = { commune: String(formData.get('commune') ?? '').trim() || undefined, communeSearch: String(formData.get('communeSearch') ?? '') }
  const resolution = submission.status === 'success' ? resolveNeedCommune(submission.value) : submission.error?.commune ? null : resolveNeedCommune(raw)
  const communeErrors =
    resolution && 'error' in resolution
      ? [t(resolution.error), ...(resolution.suggestions.length ? [t('needs.errors.communeSuggestions', { suggestions: resolution.suggestions.join(', ') })] : [])]
      : null
  if (submission.status !== 'success' || communeErrors) {
    return { ok: false as const, reply: data({ result: submission.reply(communeErrors ? { fieldErrors: { commune: communeErrors } } : {}) }, { status: 400 }), submission }
  }
  const { intent: _intent, orgId, commune: _commune, communeSearch: _search, ...rest } = submission.value
  const location = resolution && 'location' in resolution ? resolution.location : null
  return { ok: true as const, submission, intent, orgId, input: { ...rest, location } satisfies NeedInput }
}
