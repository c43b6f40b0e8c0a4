import type { Params } from '@remix-run/react'
import { z } from 'zod'

const slugParamSchema = z.string().regex(/^[a-z0-9-]{1,120}$/)

/** The `$slug` of an organisation URL; anything that cannot be a slug is a plain 404. */
export function orgSlugParam(params: Params): string {
  const parsed = slugParamSchema.safeParse(params.slug)
  if (!parsed.success) throw new Response('Introuvable', { status: 404 })
  return parsed.data
}
