import type { RequestHandler, Response } from 'express'
import { LRUCache } from 'lru-cache'

/**
 * A one-second cache of the public pages as an anonymous visitor sees them (ADR 034). Under a
 * burst — fifty people opening the same need, a newsletter's link — each page is rendered once a
 * second instead of once per visitor; everyone else gets the same bytes with their own nonce.
 *
 * What it never does, so that nobody sees what they may not:
 * - serve or store a request that carries any cookie but the language's (a session, a flash
 *   message): signed-in pages are always rendered for their reader;
 * - store anything but a 200 without Set-Cookie for a path of `PUBLIC_PAGES` (read-only pages:
 *   a confirmation link, which acts on GET, is never among them);
 * - outlive a write made in this process: a form posted here empties it, and a render that ran
 *   while a write was under way is not kept; `onWrite` tells the other processes of a cluster,
 *   which do the same on hearing it. Writes of background jobs show after at most `ttlMs` — or `staleMs` for the visitors who arrive while one request
 *   renders the page anew (they get the previous copy instead of fifty renders at once).
 * The response's CSP nonce, drawn per response, is swapped into the stored bytes. (The request id
 * in the root's data stays the rendering request's: it is only shown on server-error pages, which
 * are never stored.)
 */
export const PUBLIC_PAGES = [
  /^\/$/,
  /^\/_root$/,
  /^\/besoins$/,
  /^\/besoins\/[a-f0-9]{24}$/,
  /^\/recherche$/,
  /^\/recherche\/carte$/,
  /^\/organisations$/,
  /^\/organisations\/[a-z0-9-]+$/,
  /^\/territoires$/,
  /^\/territoires\/[a-z0-9-]+$/,
  /^\/rencontres$/,
  /^\/rencontres\/[a-f0-9]{24}$/,
  /^\/statistiques$/,
]

/** The cookies that may vary an anonymous page; any other cookie means "render it for this person". */
const VARYING_COOKIES = new Set(['lang'])
/** The headers a stored answer keeps (the rest are the request's own: CSP, X-Request-Id…). */
const KEPT_HEADERS = ['content-type', 'cache-control', 'link', 'x-remix-response']

type Stored = { body: string; headers: Record<string, string>; nonce: string; renderedAt: number }
type PageCacheOptions = {
  ttlMs?: number
  staleMs?: number
  maxBytes?: number
  isPublicPage?: (path: string) => boolean
  /** Told of each write this process starts and ends: the other processes forget their copies too. */
  onWrite?: () => void
}

/** The cookie header's names and the language cookie's value, or null when another cookie is there. */
export function anonymousVariant(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return ''
  let language = ''
  for (const pair of cookieHeader.split(';')) {
    const [name = '', ...value] = pair.trim().split('=')
    if (!name) continue
    if (!VARYING_COOKIES.has(name)) return null
    language = value.join('=')
  }
  return language
}

export const isPublicPage = (path: string) => {
  const page = path.endsWith('.data') ? path.slice(0, -'.data'.length) : path
  return PUBLIC_PAGES.some((pattern) => pattern.test(page))
}

export function pageCache({ ttlMs = 1_000, staleMs = 3 * ttlMs, maxBytes = 32 * 1024 * 1024, isPublicPage: isPublic = isPublicPage, onWrite }: PageCacheOptions = {}) {
  const pages = new LRUCache<string, Stored>({ maxSize: maxBytes, sizeCalculation: (page) => page.body.length + 1, ttl: staleMs, ttlAutopurge: false })
  // The pages one request is rendering anew: the others meanwhile get the copy before it.
  const renewing = new Set<string>()
  // Raised when a write starts and when it ends: a render that saw it change is not kept.
  let generation = 0
  let writesUnderWay = 0
  const stats = { hits: 0, stored: 0 }
  /** Every copy goes, and no render under way is kept: a write happened (here or in another process). */
  const forgetAll = () => {
    generation++
    pages.clear()
  }

  const handler: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      writesUnderWay++
      forgetAll()
      onWrite?.()
      res.once('close', () => {
        writesUnderWay--
        forgetAll()
        onWrite?.()
      })
      return next()
    }
    const variant = anonymousVariant(req.headers.cookie)
    if (req.method !== 'GET' || variant === null || !isPublic(req.path)) return next()

    const key = `${req.protocol}://${req.headers.host ?? ''}${req.originalUrl}\n${variant}`
    const nonce = String(res.locals.cspNonce ?? '')
    const stored = pages.get(key)
    const fresh = stored && Date.now() - stored.renderedAt < ttlMs
    if (stored && !fresh && !renewing.has(key)) {
      renewing.add(key)
      res.once('close', () => renewing.delete(key))
    } else if (stored) {
      stats.hits++
      res.status(200)
      for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value)
      res.end(stored.nonce && nonce ? stored.body.replaceAll(stored.nonce, nonce) : stored.body)
      return
    }
    keepWhenDone(res, key, { nonce, startedAt: generation, at: Date.now() })
    next()
  }

  function keepWhenDone(res: Response, key: string, render: { nonce: string; startedAt: number; at: number }) {
    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const collect = (chunk: unknown, encoding: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') collect(chunk, rest[0])
      // Its `Cache-Control: private, no-store` (entry.server.tsx) speaks to browsers and proxies: it
      // is kept and replayed, this cache being the page's origin, keyed by the absence of a session.
      const keep = res.statusCode === 200 && !res.getHeader('set-cookie') && render.startedAt === generation && writesUnderWay === 0
      if (keep) {
        const headers: Record<string, string> = {}
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name)
          if (value !== undefined) headers[name] = String(value)
        }
        pages.set(key, { body: Buffer.concat(chunks).toString('utf8'), headers, nonce: render.nonce, renderedAt: render.at })
        stats.stored++
      }
      return end(chunk, ...rest)
    }) as Response['end']
  }

  return { handler, stats, forgetAll }
}
