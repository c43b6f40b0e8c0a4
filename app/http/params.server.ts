import type { Params } from '@remix-run/react'
import { z } from 'zod'
import { linkTokenSchema } from '~/domain/auth/schema'
import { objectIdString } from '~/domain/ids'
import { refuse } from './domain-response.server'

/**
 * The dynamic parts of a URL, checked before any query: anything that cannot be one of ours is a
 * plain 404, exactly like one that does not exist.
 */
const objectIdParam = objectIdString()
const slugParam = z.string().regex(/^[a-z0-9-]{1,120}$/)

function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : refuse('not_found')
}

/** An id (`$id`, `$conversationId`…). */
export const idParam = (params: Params, name: string): string => checked(objectIdParam, params[name])

/** The `$slug` of an organisation. */
export const orgSlugParam = (params: Params): string => checked(slugParam, params.slug)

/** A one-time link token (`$token`: invitations, e-mail verification, password reset). */
export const tokenParam = (params: Params): string => checked(linkTokenSchema, params.token)
