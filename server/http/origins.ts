import type { Config } from '../config.js'

/**
 * The app's own origins, from the settings only (docs/decisions/016-origins-redirects-throttling.md):
 * which Host a request may name, which Origin a browser may post from (forms here, the Socket.IO
 * handshake in server/realtime), and the origin of the links we e-mail. Nothing here ever trusts
 * a Host or X-Forwarded-Host the settings do not list.
 */
/**
 * What the origins come from (server/config.ts): PASSERELLE_PUBLIC_URL, when set, is the one
 * origin of e-mailed links; allowedHosts are `host` or `host:port` (lower case), a name without
 * a port matching it on any port.
 */
export type OriginSettings = Pick<Config, 'PASSERELLE_PUBLIC_URL' | 'allowedHosts'>

export type AppOrigins = {
  /** Whether a request naming this Host (or trusted X-Forwarded-Host) is for this app. */
  isAllowedHost: (host: string | null | undefined) => boolean
  /** Whether a browser page at this Origin is the app's own (http or https on an allowed host, or the public URL). */
  isAllowedOrigin: (origin: string | null | undefined) => boolean
  /** Origin of the links e-mailed in answer to a request that reached `host` over `protocol`. */
  linkOrigin: (request: { protocol: string; host: string | null | undefined }) => string
  /** What is allowed, for start-up logs and refusal warnings. */
  describe: () => { publicUrl: string | null; allowedHosts: string[] }
}

/** `host[:port]` split and normalised the way a URL parser does (IDN, IPv6 brackets, default ports dropped), or null. */
function parseHost(value: string): { hostname: string; port: string } | null {
  if (!value || /[\s/\\?#@]/.test(value)) return null
  try {
    const url = new URL(`http://${value}`)
    return { hostname: url.hostname, port: url.port }
  } catch {
    return null
  }
}

/**
 * The one place that knows the app's origins, from the config: the HTTP middlewares
 * (server/http/security.ts) and the Socket.IO handshake check ask it.
 */
export function appOrigins(settings: OriginSettings): AppOrigins {
  const publicOrigin = settings.PASSERELLE_PUBLIC_URL ? new URL(settings.PASSERELLE_PUBLIC_URL).origin : null
  const entries = settings.allowedHosts.map((entry) => {
    const parsed = parseHost(entry)
    if (!parsed) throw new Error(`allowed host not understood: ${entry}`)
    return { ...parsed, anyPort: !/:\d+$/.test(entry) || entry.endsWith(']') }
  })
  if (publicOrigin) {
    const url = new URL(publicOrigin)
    entries.push({ hostname: url.hostname, port: url.port, anyPort: false })
  }

  const isAllowedHost = (host: string | null | undefined) => {
    const parsed = host ? parseHost(host.trim()) : null
    return Boolean(parsed && entries.some((entry) => entry.hostname === parsed.hostname && (entry.anyPort || entry.port === parsed.port)))
  }

  const isAllowedOrigin = (origin: string | null | undefined) => {
    if (!origin || origin === 'null') return false
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false
    }
    // An Origin is exactly scheme://host[:port]: anything more is not a browser's.
    if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
    return url.origin === publicOrigin || isAllowedHost(url.host)
  }

  const fallbackHost = settings.allowedHosts[0] ?? 'localhost'
  return {
    isAllowedHost,
    isAllowedOrigin,
    linkOrigin: ({ protocol, host }) => {
      if (publicOrigin) return publicOrigin
      const scheme = protocol === 'https' ? 'https' : 'http'
      return new URL(`${scheme}://${host && isAllowedHost(host) ? host.trim() : fallbackHost}`).origin
    },
    describe: () => ({ publicUrl: publicOrigin, allowedHosts: [...settings.allowedHosts] }),
  }
}
