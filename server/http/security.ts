import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'

/** A fresh CSP nonce per response; Remix renders it on every script it emits. */
export function cspNonce(): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  }
}

export function securityHeaders({ isDevelopment, hmrPort }: { isDevelopment: boolean; hmrPort?: number }) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`
  return helmet({
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
  })
}

/** Requests per IP per minute: a generous global cap, tighter for writes. */
export function rateLimits(perMinute: number) {
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
    message: { error: 'Trop de requêtes : merci de patienter une minute avant de réessayer.' },
  }
  const reads = rateLimit({ ...common, limit: perMinute })
  const writes = rateLimit({ ...common, limit: Math.max(10, Math.floor(perMinute / 6)) })
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/assets/')) return next()
    return (['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? reads : writes)(req, res, next)
  }
}

export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Remix reads request bodies itself, so the limit is checked on the declared length:
 * over the limit → 413; a body without Content-Length (chunked) → 411. Browsers always
 * declare the length of form posts, so only unusual clients meet the second rule.
 */
export function bodySizeLimit(maxBytes = MAX_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length']
    if (declared === undefined && req.headers['transfer-encoding']) {
      return res.status(411).type('text/plain; charset=utf-8').send('En-tête Content-Length requis.')
    }
    if (Number(declared ?? 0) > maxBytes) {
      return res.status(413).type('text/plain; charset=utf-8').send('Requête trop volumineuse (1 Mo au plus).')
    }
    next()
  }
}
