import { OBJECT_ID_PATTERN } from '../ids'
import { hmacSignature, sameSignature } from './signed-links'

/**
 * Reply by e-mail (docs/decisions/027-reply-by-email.md): an e-mail about a conversation carries
 * `Reply-To: reply+<token>@<inbound domain>`, the token naming one person and one conversation,
 * signed with the app secret (the unsubscribe links' helper, another purpose). No database row:
 * the inbound server checks the signature, then who the person is and whether they still belong.
 *
 * Shape: `<ids>.<signature>`, both lower-case base32 — the two 12-byte ObjectIds (39 characters)
 * and 80 bits of HMAC (16 characters) — because mail servers may change the case of a local part,
 * and a local part has at most 64 characters (`reply+` + 56 = 62).
 */
const PURPOSE = 'passerelle:reply:v1'
const SIGNATURE_BYTES = 10
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const TOKEN_PATTERN = /^([a-z2-7]{39})\.([a-z2-7]{16})$/
export const REPLY_LOCAL_PREFIX = 'reply+'

function base32(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

function fromBase32(text: string, length: number): Buffer | null {
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const char of text) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = (value << 5) | digit
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
    value &= (1 << bits) - 1
  }
  return bytes.length === length ? Buffer.from(bytes) : null
}

const signatureOf = (secret: string, userId: string, conversationId: string) => base32(hmacSignature(secret, PURPOSE, [userId, conversationId], SIGNATURE_BYTES))

export function signReplyToken(secret: string, userId: string, conversationId: string): string {
  if (!OBJECT_ID_PATTERN.test(userId) || !OBJECT_ID_PATTERN.test(conversationId)) throw new Error(`cannot sign a reply token for ${userId}/${conversationId}`)
  const [user, conversation] = [userId.toLowerCase(), conversationId.toLowerCase()]
  return `${base32(Buffer.from(user + conversation, 'hex'))}.${signatureOf(secret, user, conversation)}`
}

/** The person and conversation of a well-signed token (any case), else null: malformed, forged or signed with another secret. */
export function verifyReplyToken(secret: string, token: unknown): { userId: string; conversationId: string } | null {
  if (typeof token !== 'string' || token.length > 80) return null
  const match = TOKEN_PATTERN.exec(token.toLowerCase())
  const ids = match && fromBase32(match[1]!, 24)
  if (!ids) return null
  const hex = ids.toString('hex')
  const [userId, conversationId] = [hex.slice(0, 24), hex.slice(24)]
  if (!sameSignature(signatureOf(secret, userId, conversationId), match[2]!)) return null
  return { userId, conversationId }
}

export const replyAddress = (domain: string, token: string) => `${REPLY_LOCAL_PREFIX}${token}@${domain.toLowerCase()}`

/** The token of `reply+<token>@<domain>` (this domain only, any case), else null. */
export function replyTokenOf(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@')
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null
  const local = address.slice(0, at).toLowerCase()
  return local.startsWith(REPLY_LOCAL_PREFIX) ? local.slice(REPLY_LOCAL_PREFIX.length) : null
}
