import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Connection } from 'mongoose'
import { MongoRateLimitStore } from './rate-limit-store.js'
import helmet from 'helmet'
import { defaultLanguage, isLanguage, type Language } from '../../app/i18n/config.js'
import { translatorFor } from '../../app/i18n/translators.js'
import { languageCookie } from '../../app/i18n/language.server.js'
import type { AppOrigins } from './origins.js'
import { ATTACHMENT_MAX_BYTES } from '../../app/domain/messaging/attachment-types.js'

/** The visitor's language (the `lang` cookie the pages use), for answers given before any page. */
async function languageOf(req: Request): Promise<Language> {
  const value: unknown = await languageCookie.parse(req.headers.cookie ?? null).catch(() => null)
  return isLanguage(value) ? value : defaultLanguage
}

type HttpRefusal = 'hostNotAllowed' | 'crossOrigin' | 'tooLarge' | 'lengthRequired' | 'tooMany' | 'badAddress'

/** A refusal of the HTTP layer as plain text in the visitor's language. */
export async function refuse(req: Request, res: Response, status: number, reason: HttpRefusal) {
  const { t } = translatorFor(await languageOf(req))
  res.status(status).set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(t(`errors.http.${reason}`))
}

/** A fresh CSP nonce per response; Remix renders it on every script it emits. */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  }
}

export function securityHeaders({ isDevelopment, hmrPort, httpsPublicUrl }: { isDevelopment: boolean; hmrPort?: number; httpsPublicUrl: boolean }) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        // 'strict-dynamic': scripts loaded by our nonced scripts (Remix route chunks) are trusted.
        'script-src': [nonce, "'strict-dynamic'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...(isDevelopment && hmrPort ? [`ws://localhost:${hmrPort}`, `ws://127.0.0.1:${hmrPort}`] : [])],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        // The app is often tried over plain http on localhost; TLS belongs to the proxy in front.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    // Sent below, only where it means something.
    strictTransportSecurity: false,
  })
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true })
  // HSTS only over TLS (req.secure honours PASSERELLE_TRUST_PROXY) or when the public URL is https.
  return (req: Request, res: Response, next: NextFunction) =>
    headers(req, res, (error?: unknown) => (error ? next(error) : req.secure || httpsPublicUrl ? hsts(req, res, next) : next()))
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Requests must name one of the app's hosts (never trusted blindly: links in e-mails are built
 * from it), and a form posted by a browser must come from one of the app's own pages. Without
 * trusted proxies, X-Forwarded-Host is dropped so that nothing further (Remix's own origin check
 * included) reads it. Refusals are 400 / 403 warnings, never server errors.
 */
export function requestOrigin({ origins, trustProxy }: { origins: AppOrigins; trustProxy: number }): RequestHandler {
  return (req, res, next) => {
    if (!trustProxy) delete req.headers['x-forwarded-host']
    const forwarded = req.get('x-forwarded-host')?.split(',')[0]?.trim()
    const host = forwarded || req.headers.host
    if (!origins.isAllowedHost(host)) {
      req.log.warn({ host, allowed: origins.describe() }, 'request for a host that is not allowed (PASSERELLE_PUBLIC_URL / PASSERELLE_ALLOWED_HOSTS)')
      return void refuse(req, res, 400, 'hostNotAllowed')
    }
    res.locals.requestHost = host
    const origin = req.headers.origin
    if (UNSAFE_METHODS.has(req.method) && origin !== undefined) {
      // Remix compares the Origin's host with the request's own: both must hold.
      const sameHost = (() => {
        try {
          return new URL(origin).host === host?.toLowerCase()
        } catch {
          return false
        }
      })()
      if (!origins.isAllowedOrigin(origin) || !sameHost) {
        req.log.warn({ origin, host }, 'cross-origin form post refused')
        return void refuse(req, res, 403, 'crossOrigin')
      }
    }
    next()
  }
}

/**
 * Paths no page can have and that the router cannot even represent: a backslash, a leading
 * double slash, control characters or broken percent-encoding once decoded (`/%5C`, `//evil`,
 * `/%E0%A4%A`). They are answered 404 here instead of crashing the render.
 */
export function unroutablePaths(): RequestHandler {
  return (req, res, next) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(req.path)
    } catch {
      return void refuse(req, res, 404, 'badAddress')
    }
    if (decoded.includes('\\') || decoded.startsWith('//') || /[\u0000-\u001f\u007f]/.test(decoded)) return void refuse(req, res, 404, 'badAddress')
    next()
  }
}

/**
 * Requests per IP per minute: a generous global cap, tighter for writes. One process counts in
 * memory; several behind a load balancer count together in MongoDB (`shared`).
 */
export function rateLimits(perMinute: number, { shared }: { shared?: Connection } = {}) {
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    passOnStoreError: true,
    handler: async (req: Request, res: Response) => {
      const { t } = translatorFor(await languageOf(req))
      res.status(429).json({ error: t('errors.http.tooMany') })
    },
  }
  const store = (prefix: string) => (shared ? { store: new MongoRateLimitStore(shared, { prefix }) } : {})
  const reads = rateLimit({ ...common, ...store('reads:'), limit: perMinute })
  const writes = rateLimit({ ...common, ...store('writes:'), limit: Math.max(10, Math.floor(perMinute / 6)) })
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/assets/')) return next()
    return (['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? reads : writes)(req, res, next)
  }
}

export const MAX_BODY_BYTES = 1024 * 1024

/** The posts that carry a file (app/http/attachment-upload.server.ts streams them to storage): a file plus the form around it. */
export const UPLOAD_PATH = /^\/(?:messages|projets)\/[^/]+\/fichiers\/?$/
export const UPLOAD_MAX_BODY_BYTES = ATTACHMENT_MAX_BYTES + 64 * 1024

const bodyLimitFor = (path: string) => (UPLOAD_PATH.test(path) ? UPLOAD_MAX_BODY_BYTES : MAX_BODY_BYTES)

/**
 * Remix reads request bodies itself, so the limit is checked on the declared length:
 * over the limit → 413; a body without Content-Length (chunked) → 411. Browsers always
 * declare the length of form posts, so only unusual clients meet the second rule.
 */
export function bodySizeLimit(maxBytesFor: (path: string) => number = bodyLimitFor): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length']
    if (declared === undefined && req.headers['transfer-encoding']) return void refuse(req, res, 411, 'lengthRequired')
    if (Number(declared ?? 0) > maxBytesFor(req.path)) return void refuse(req, res, 413, 'tooLarge')
    next()
  }
}
