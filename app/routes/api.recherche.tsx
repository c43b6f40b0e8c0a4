import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchPageData } from '~/http/search-page.server'

/**
 * GET /api/recherche?… (the search page's query string) → the page's data as JSON. The page
 * asks it on each keystroke and facet click once JavaScript runs: plain JSON, without the
 * single-fetch machinery of a route navigation (turbo-stream encoding, data-router matching),
 * which cost the server more than the search itself (docs/benchmarks.md). Only public fields
 * are indexed, so the answer is the same for everyone.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return Response.json(await searchPageData(new URL(request.url), context), { headers: { 'Cache-Control': 'no-store' } })
}
