import type { Request, RequestHandler, Response } from 'express'
import { LRUCache } from 'lru-cache'

/**
 * A one-second cache of the public pages as an anonymous visitor sees them (ADR 034). Under a
 * burst — fifty people opening the same need, a newsletter's link — each page is rendered once a
 * second instead of once per visitor; everyone else gets the same bytes with their own nonce.
 *
 * What it never does, so that nobody sees what they may not:
 * - serve or store a request that carries any cookie but the language's (a session, a flash
 *   message), or the language's twice: signed-in pages are always rendered for their reader;
 * - store anything but a 200 without Set-Cookie for a path of `PUBLIC_PAGES` (read-only pages:
 *   a confirmation link is never among them), for an address of reasonable
 *   length, rendered for a request id of the app's own;
 * - outlive a write made in this process: a form posted here (POST, PUT, PATCH, DELETE) empties
 *   it when it starts, when it ends and 5 s later (for a write still running after its visitor
 *   left); `onWrite` tells the other processes of a cluster, which do the same on hearing it.
 *   Writes of background jobs show after at most `ttlMs` — or `staleMs` for the visitors who
 *   arrive while one request renders the page anew (they get the previous copy instead of fifty
 *   renders at once).
 * The response's CSP nonce and request id, both drawn per request, are swapped into the stored bytes.
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

type Stored = { body: string; headers: Record<string, string>; nonce: string; requestId: string; renderedAt: number }
type PageCacheOptions = {
  ttlMs?: number
  staleMs?: number
  maxBytes?: number
  isPublicPage?: (path: string) => boolean
  /** Told when a write of this process is over (and again a little later): the other processes forget their copies too. */
  onWrite?: () => void
  /** Keeps no copy for a request that named its own request id (it would be shown to others): the app's is random. */
  requestId?: (req: Request) => { id: string; chosenByClient: boolean }
}

/**
 * The language cookie's value, '' without cookies, or null — render for this person — when any
 * other cookie is there, or the language cookie twice (the app reads the first, a cache keyed on
 * the other would hand that language to everybody).
 */
export function anonymousVariant(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return ''
  let language: string | undefined
  for (const pair of cookieHeader.split(';')) {
    const [name = '', ...value] = pair.trim().split('=')
    if (!name) continue
    if (!VARYING_COOKIES.has(name) || language !== undefined) return null
    language = value.join('=')
  }
  return language ?? ''
}

/** The methods that change something: GET, HEAD and OPTIONS change nothing. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Longer addresses are rendered without being kept (every distinct URL would be a copy to keep). */
const MAX_URL_LENGTH = 1_024
/** A write whose visitor went away before its end may still be running: forget again this much later. */
const LATE_WRITE_MS = 5_000

export const isPublicPage = (path: string) => {
  const page = path.endsWith('.data') ? path.slice(0, -'.data'.length) : path
  return PUBLIC_PAGES.some((pattern) => pattern.test(page))
}

export function pageCache({ ttlMs = 1_000, staleMs = 3 * ttlMs, maxBytes = 32 * 1024 * 1024, isPublicPage: isPublic = isPublicPage, onWrite, requestId = appRequestId }: PageCacheOptions = {}) {
  // Bounded in bytes (keys, bodies and bookkeeping) and in number, whatever the pages weigh.
  const pages = new LRUCache<string, Stored>({ max: 5_000, maxSize: maxBytes, sizeCalculation: (page, key) => key.length + page.body.length + page.requestId.length + 512, ttl: staleMs })
  // The pages one request is rendering anew: the others meanwhile get the copy before it.
  const renewing = new Set<string>()
  // Raised by every forgetting: a render that saw it change is not kept.
  let generation = 0
  const stats = { hits: 0, stored: 0 }
  /** Every copy goes, and no render under way is kept: a write happened (here or in another process). */
  const forgetAll = () => {
    generation++
    pages.clear()
  }

  const handler: RequestHandler = (req, res, next) => {
    if (WRITES.has(req.method)) {
      // Before: nothing rendered from now on outlives the write's end. At its end: the copies made
      // meanwhile go. And once more later, for a write still running after its visitor left.
      forgetAll()
      res.once('close', () => {
        forgetAll()
        onWrite?.()
        setTimeout(() => {
          forgetAll()
          onWrite?.()
        }, LATE_WRITE_MS).unref()
      })
      return next()
    }
    const variant = anonymousVariant(req.headers.cookie)
    if (req.method !== 'GET' || variant === null || req.originalUrl.length > MAX_URL_LENGTH || !isPublic(req.path)) return next()

    const key = `${req.protocol}://${req.headers.host ?? ''}${req.originalUrl}\n${variant}`
    const nonce = String(res.locals.cspNonce ?? '')
    const request = requestId(req)
    const stored = pages.get(key)
    const fresh = stored && Date.now() - stored.renderedAt < ttlMs
    if (stored && !fresh && !renewing.has(key)) {
      renewing.add(key)
      res.once('close', () => renewing.delete(key))
    } else if (stored) {
      stats.hits++
      res.status(200)
      for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value)
      res.end(swap(swap(stored.body, stored.nonce, nonce), stored.requestId, request.id))
      return
    }
    if (!request.chosenByClient) keepWhenDone(res, key, { nonce, requestId: request.id, startedAt: generation, at: Date.now() })
    next()
  }

  function keepWhenDone(res: Response, key: string, render: { nonce: string; requestId: string; startedAt: number; at: number }) {
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
      const keep = res.statusCode === 200 && !res.getHeader('set-cookie') && render.startedAt === generation
      if (keep) {
        const headers: Record<string, string> = {}
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name)
          if (value !== undefined) headers[name] = String(value)
        }
        pages.set(key, { body: Buffer.concat(chunks).toString('utf8'), headers, nonce: render.nonce, requestId: render.requestId, renderedAt: render.at })
        stats.stored++
      }
      return end(chunk, ...rest)
    }) as Response['end']
  }

  return { handler, stats, forgetAll }
}

/**
 * The request's id as pino-http gave it (server/app-server.ts): a random UUID, unless the client
 * sent its own X-Request-Id. It is in the root's data (the reference shown on a server-error page),
 * so a copy carries its renderer's and each answer gets its own swapped in.
 */
function appRequestId(req: Request) {
  return { id: String((req as Request & { id?: unknown }).id ?? ''), chosenByClient: req.headers['x-request-id'] !== undefined }
}

/** Every occurrence of a value drawn at random for one response (nothing else can contain it). */
const swap = (body: string, from: string, to: string) => (from && to && from !== to ? body.replaceAll(from, to) : body)
