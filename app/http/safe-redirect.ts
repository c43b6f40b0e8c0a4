import { z } from 'zod'

/**
 * The one rule for every redirect target that comes from a request (`redirectTo` on /connexion,
 * /inscription and /langue, `suite` on the welcome page): a path on this site, judged after the
 * browser's own normalisation, never another site (docs/decisions/016-origins-redirects-throttling.md).
 *
 * The value is resolved the way a browser resolves a Location header — the WHATWG URL parser drops
 * tabs and newlines and reads `\` as `/`, so "/\t/evil.example" and "/\\evil.example" are
 * "//evil.example" — and must stay on the same origin. The path is also decoded (encoded forms
 * such as "/%2F%2Fevil.example" or "/%5Cevil.example" are refused too) and may hold no control
 * character. What comes out is the parser's own serialisation, percent-encoded ASCII, so it is
 * always a valid Location header (a NUL or a full-width dot can no longer break the response).
 */
const BASE = 'http://passerelle.invalid'
const CONTROL = /[\u0000-\u001f\u007f]/

function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048 || CONTROL.test(value)) return null
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE) return null
  let decoded = url.pathname
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return null
    }
    if (next === decoded) break
    decoded = next
  }
  if (decoded.startsWith('//') || decoded.includes('\\') || CONTROL.test(decoded)) return null
  return url.pathname + url.search + url.hash
}

/** `redirectTo` and the like in zod schemas: a same-site path, or the home page. */
export const safeRedirectPath = z.unknown().transform((value) => sameSitePath(value) ?? '/')

/**
 * Where a form embedded in another page comes back to: its `retour` query parameter when it is a
 * same-site path (a conversation inside the project room returns to the room), else `fallback`.
 */
export function returnPath(requestUrl: string, fallback: string): string {
  const wanted = new URL(requestUrl).searchParams.get('retour')
  return (wanted && sameSitePath(wanted)) || fallback
}
