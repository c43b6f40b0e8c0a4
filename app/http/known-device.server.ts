import { createCookie } from '@remix-run/node'
import { KNOWN_DEVICE_TTL_MS } from '~/domain/auth/throttle.server'

/**
 * The "known device" token of a browser the owner signed in with (docs/decisions/016), as it
 * travels: a long-lived httpOnly cookie. What it is worth is the domain's (auth/throttle.server.ts).
 */
export const deviceCookie = createCookie('passerelle_device', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: KNOWN_DEVICE_TTL_MS / 1000,
})

/** The device token a request carries, if it looks like one of ours. */
export async function deviceTokenOf(request: Request): Promise<string | undefined> {
  const value: unknown = await deviceCookie.parse(request.headers.get('Cookie')).catch(() => null)
  return typeof value === 'string' && /^[\w-]{43}$/.test(value) ? value : undefined
}
