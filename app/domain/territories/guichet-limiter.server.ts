import { networkOf } from '../auth/throttle.server'
import { createRateLimiter } from '../messaging/rate-limit'
import { GUEST_CONTACT_RATE } from './guichet.server'

/**
 * The guest form's limit, per network (an IPv4 address, an IPv6 /64), with the app's token bucket:
 * one per process, like the messaging limit; the app-wide per-IP write limit still applies on top.
 */
const limiter = createRateLimiter(GUEST_CONTACT_RATE)

export const guestContactLimit = (clientIp: string) => ({ limiter, clientKey: `guichet:${networkOf(clientIp)}` })
