import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import type { Params } from '@remix-run/react'
import { z } from 'zod'
import { DomainError, httpStatusOf } from '../errors'

/**
 * What an action does with a refusal from the orgs service: a field or form problem
 * (invalid, conflict) goes back to the form next to the fields it concerns; anything else
 * (forbidden, not found) becomes the error page with its HTTP status.
 */
export function replyToDomainError<Output>(submission: Submission<unknown, string[], Output>, error: unknown, form: string) {
  if (error instanceof DomainError && (error.code === 'invalid' || error.code === 'conflict')) {
    const result = submission.reply({
      formErrors: error.fieldErrors ? undefined : [error.message],
      fieldErrors: error.fieldErrors,
    })
    return data({ form, result }, { status: httpStatusOf[error.code] })
  }
  if (error instanceof DomainError) throw new Response(error.message, { status: httpStatusOf[error.code] })
  throw error
}

const slugParamSchema = z.string().regex(/^[a-z0-9-]{1,120}$/)

/** The `$slug` of an organisation URL; anything that cannot be a slug is a plain 404. */
export function orgSlugParam(params: Params): string {
  const parsed = slugParamSchema.safeParse(params.slug)
  if (!parsed.success) throw new Response('Introuvable', { status: 404 })
  return parsed.data
}
