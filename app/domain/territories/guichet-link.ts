import { OBJECT_ID_PATTERN } from '../ids'
import { hmacSignature, sameSignature } from '../mail/signed-links'

/**
 * The link a guest follows to confirm their e-mail: `<requestId>.<signature>`, signed with the
 * app's one signing helper over the request and the address it was sent to. No row to store: the
 * request's status makes it one-time (only `awaiting_verification` moves to `open`), and its age
 * makes it expire.
 */
const PURPOSE = 'passerelle:guichet-verify:v1'
export const GUICHET_LINK_TTL_MS = 48 * 60 * 60 * 1000

const signature = (secret: string, requestId: string, email: string) => hmacSignature(secret, PURPOSE, [requestId, email.toLowerCase()]).toString('base64url')

export const signGuichetToken = (secret: string, requestId: string, email: string) => `${requestId.toLowerCase()}.${signature(secret, requestId.toLowerCase(), email)}`

/** The request a token names, before its signature is checked against the stored address (or null when malformed). */
export function guichetTokenRequestId(token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 80) return null
  const [requestId, given, ...rest] = token.split('.')
  if (rest.length || !requestId || !given || !OBJECT_ID_PATTERN.test(requestId) || requestId !== requestId.toLowerCase()) return null
  return requestId
}

export function guichetTokenMatches(secret: string, token: string, email: string): boolean {
  const requestId = guichetTokenRequestId(token)
  if (!requestId) return false
  return sameSignature(signature(secret, requestId, email), token.split('.')[1]!)
}

export const guichetConfirmUrl = (publicUrl: string, token: string) => new URL(`/guichet/confirmer/${token}`, publicUrl).toString()
