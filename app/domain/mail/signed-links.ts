import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../ids'

/**
 * One-click unsubscribe links (RFC 8058): `<userId>.<scope>.<signature>`, the signature an
 * HMAC-SHA256 of both with the app secret (PASSERELLE_SECRET), cut to 128 bits. It works without
 * signing in and without a database row; it can only turn e-mails off for its own person and scope.
 * A scope is a notification kind, a digest (`digest-daily`, `digest-weekly`), one saved-search
 * alert (`alert-<its id>`) or `all`.
 */
export const unsubscribeScopeSchema = z.string().regex(/^(all|digest-daily|digest-weekly|alert-[0-9a-f]{24}|[a-z][a-z_]{1,40})$/)

const PURPOSE = 'passerelle:unsubscribe:v1'

/**
 * The one signing helper of what the app hands out: HMAC-SHA256 with the app secret over a
 * purpose and fields (a token signed for one purpose is worthless for another), cut to `bytes`.
 */
export function hmacSignature(secret: string, purpose: string, fields: string[], bytes = 16): Buffer {
  return createHmac('sha256', secret).update([purpose, ...fields].join(':')).digest().subarray(0, bytes)
}

/** Constant-time comparison of a received signature with the expected one. */
export function sameSignature(expected: Buffer | string, received: Buffer | string): boolean {
  const [a, b] = [Buffer.from(expected), Buffer.from(received)]
  return a.length === b.length && timingSafeEqual(a, b)
}

const signature = (secret: string, userId: string, scope: string) => hmacSignature(secret, PURPOSE, [userId, scope]).toString('base64url')

export function signUnsubscribeToken(secret: string, userId: string, scope: string): string {
  if (!OBJECT_ID_PATTERN.test(userId) || !unsubscribeScopeSchema.safeParse(scope).success) throw new Error(`cannot sign an unsubscribe token for ${userId}/${scope}`)
  return `${userId.toLowerCase()}.${scope}.${signature(secret, userId.toLowerCase(), scope)}`
}

/** The person and scope of a well-signed token, else null (malformed, forged or signed with another secret). */
export function verifyUnsubscribeToken(secret: string, token: unknown): { userId: string; scope: string } | null {
  if (typeof token !== 'string' || token.length > 120) return null
  const [userId, scope, given, ...rest] = token.split('.')
  if (rest.length || !userId || !scope || !given || !OBJECT_ID_PATTERN.test(userId) || userId !== userId.toLowerCase()) return null
  if (!unsubscribeScopeSchema.safeParse(scope).success) return null
  if (!sameSignature(signature(secret, userId, scope), given)) return null
  return { userId, scope }
}

export const unsubscribeUrl = (publicUrl: string, token: string) => new URL(`/desabonnement/${token}`, publicUrl).toString()

/** The RFC 2369 / RFC 8058 headers every notification, digest and alert carries. */
export const unsubscribeHeaders = (url: string) => ({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
