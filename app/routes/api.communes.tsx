import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { searchCommunes } from '~/domain/places/communes.server'

/** The query: a name, a postal code or an INSEE code. */
const communeQuerySchema = z.object({ q: z.string().trim().min(1).max(120) })

/**
 * GET /api/communes?q=… → { communes: CommuneMatch[] } (10 at most), for the commune picker.
 * The data only changes with a new release of the official list, so answers may be cached.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const parsed = communeQuerySchema.safeParse({ q: new URL(request.url).searchParams.get('q') ?? '' })
  if (!parsed.success) {
    return Response.json({ communes: [], error: 'q: 1 à 120 caractères' }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  }
  return Response.json({ communes: searchCommunes(parsed.data.q) }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
