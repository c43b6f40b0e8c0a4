import { randomBytes, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type Server as HttpServer } from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Express } from 'express'
import type { Connection } from 'mongoose'
import { pinoHttp } from 'pino-http'
import type { ViteDevServer } from 'vite'
import type { Mailer } from '../app/domain/mail/mailer.js'
import { AREA_CHUNKS_FILE, type TranslationAreaChunks } from '../app/i18n/area-chunks.js'
import type { PasserelleLoadContext } from '../app/load-context.js'
import type { RealtimePublisher } from '../app/realtime/publisher.server.js'
import { getFreePort } from './embedded/ports.js'
import { checkHealth } from './http/health.js'
import type { AppOrigins } from './http/origins.js'
import { pageCache } from './http/page-cache.js'
import { bodySizeLimit, cspNonce, rateLimits, requestOrigin, securityHeaders, unroutablePaths } from './http/security.js'
import { answerUnavailableAs503 } from './http/unavailable.js'
import type { Logger } from './logger.js'
import { mongoSocketAdapter } from './realtime/adapter.js'
import { attachSocketServer, type RealtimeOptions, type SocketServer } from './realtime/socket-server.js'
import type { SearchClient } from './search/client.js'
import { inRequestScope } from '../app/http/request-scope.server.js'

export type AppServerOptions = {
  logger: Logger
  /** The app's database (the models' connection, with its operation time limit: what people wait for). */
  db: Connection
  /** The same database without operation time limit, for change streams (server/db.ts); default: `db`. */
  background?: Connection
  search: SearchClient
  /** 'production' serves build/; 'development' runs Vite in middleware mode; 'none' serves no pages (API-only tests). */
  remix: 'production' | 'development' | 'none'
  mailer: Mailer
  /** HMAC key of signed links (server/secret.ts); tests may leave it out (a random one). */
  appSecret?: string
  /** The app's hosts and origins (server/http/origins.ts): requests for other hosts are refused, e-mailed links use them. */
  origins: AppOrigins
  demoMode?: boolean
  /** Shown on « Aide et contact » (PASSERELLE_CONTACT_EMAIL). */
  contactEmail?: string
  /** Whether this process leads the shared work (the lease of server/cluster/lease.ts), for /healthz. */
  leads?: () => boolean
  socketAdapter?: 'memory' | 'mongo'
  /** Messaging safeguards and timings (tests, benchmarks); the defaults serve production. */
  realtime?: Omit<RealtimeOptions, 'adapter' | 'background' | 'isAllowedOrigin'>
  trustProxy?: number
  rateLimitPerMinute?: number
}

export type AppServer = {
  app: Express
  httpServer: HttpServer
  io: SocketServer
  /** What Remix actions use to reach live sockets (also handed to them in the load context). */
  realtime: RealtimePublisher
  listen: (port: number, host: string) => Promise<string>
  close: () => Promise<void>
}

const REQUEST_ID = /^[\w-]{1,64}$/

/** The page cache of this process; with several processes, each write makes all of them forget (ADR 034). */
function publicPages(io: import('socket.io').Server, shared: boolean) {
  const FORGET = 'passerelle:public-pages-changed'
  const cache = pageCache({ onWrite: shared ? () => io.serverSideEmit(FORGET) : undefined })
  if (shared) io.on(FORGET, cache.forgetAll)
  return cache.handler
}

export async function createAppServer(options: AppServerOptions): Promise<AppServer> {
  const { logger } = options
  const app = express()
  const appSecret = options.appSecret ?? randomBytes(32).toString('base64url')
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy ?? 0)

  const httpServer = createServer(app)
  // Several processes share their broadcasts through MongoDB; a single one keeps them in memory.
  const background = options.background ?? options.db
  const adapter = options.socketAdapter === 'mongo' ? await mongoSocketAdapter(background) : undefined
  const { io, publisher: realtime, close: closeRealtime } = attachSocketServer(httpServer, logger, {
    ...options.realtime,
    adapter,
    background,
    isAllowedOrigin: options.origins.isAllowedOrigin,
  })

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id']
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
        res.setHeader('X-Request-Id', id)
        return id
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Static files and Vite's dev modules would drown the requests that matter.
      autoLogging: { ignore: (req) => /^\/(assets|node_modules|@|app\/|favicon)/.test(req.url ?? '') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  )

  const hmrPort = options.remix === 'development' ? await getFreePort() : undefined
  app.use(cspNonce())
  app.use(
    securityHeaders({ isDevelopment: options.remix === 'development', hmrPort, httpsPublicUrl: options.origins.describe().publicUrl?.startsWith('https:') ?? false }),
  )

  app.get('/healthz', async (_req, res) => {
    const report = await checkHealth({ db: options.db, search: options.search, io, leads: options.leads })
    res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report)
  })

  app.use(compression())
  // Several processes (the MongoDB adapter) count requests together; one process counts in memory.
  app.use(rateLimits(options.rateLimitPerMinute ?? 600, { shared: options.socketAdapter === 'mongo' ? options.db : undefined }))
  app.use(requestOrigin({ origins: options.origins, trustProxy: options.trustProxy ?? 0 }))
  app.use(unroutablePaths())
  app.use(bodySizeLimit())

  let viteDevServer: ViteDevServer | undefined
  if (options.remix !== 'none') {
    let build: ServerBuild | (() => Promise<ServerBuild>)
    let translationAreaChunks: TranslationAreaChunks | undefined
    if (options.remix === 'development') {
      const vite = await import('vite')
      viteDevServer = await vite.createServer({
        // HMR gets its own port so its websocket never competes with Socket.IO's upgrade.
        server: { middlewareMode: true, hmr: { port: hmrPort } },
      })
      app.use(viteDevServer.middlewares)
      const dev = viteDevServer
      build = async () => answerUnavailableAs503((await dev.ssrLoadModule('virtual:remix/server-build')) as ServerBuild)
    } else {
      const buildDir = path.resolve('build')
      app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
      const publicFiles = express.static(path.join(buildDir, 'client'), { maxAge: '1h' })
      // Pages and their `.data` requests are never files: only names with an extension are looked up on disk.
      app.use((req, res, next) => (/\.(?!data$)[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()))
      const serverBuildPath = path.join(buildDir, 'server/index.js')
      build = answerUnavailableAs503((await import(serverBuildPath)) as ServerBuild)
      translationAreaChunks = JSON.parse(await readFile(path.join(buildDir, 'client', AREA_CHUNKS_FILE), 'utf8')) as TranslationAreaChunks
    }
    const remixHandler = createRequestHandler({
      build,
      mode: options.remix,
      getLoadContext: (req, res): PasserelleLoadContext => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: String(req.id),
        logger: req.log,
        mailer: options.mailer,
        appSecret,
        publicUrl: options.origins.linkOrigin({ protocol: req.protocol, host: res.locals.requestHost as string }),
        clientIp: req.ip ?? '',
        demoMode: options.demoMode ?? false,
        contactEmail: options.contactEmail ?? 'contact@passerelle.local',
        search: options.search,
        realtime,
        translationAreaChunks,
      }),
    })
    // Public pages as anonymous visitors see them, rendered at most once a second (ADR 034).
    if (options.remix === 'production') app.use(publicPages(io, options.socketAdapter === 'mongo'))
    // Each request's loaders share what they read once (the session: app/http/request-scope.server.ts).
    app.all('*', (req, res, next) => inRequestScope(() => remixHandler(req, res, next)))
  }

  const sockets = new Set<import('node:net').Socket>()
  httpServer.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  return {
    app,
    httpServer,
    io,
    realtime,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject)
          const address = httpServer.address()
          const boundPort = typeof address === 'object' && address ? address.port : port
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${boundPort}`)
        })
      }),
    /**
     * Stops accepting, tells sockets we are leaving, drains in-flight requests, then closes.
     * Connections still open after 5 s are destroyed (io.close alone waits for every one of them).
     */
    async close() {
      io.emit('system:shutting-down')
      await closeRealtime()
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
      const socketsClosed = io.close()
      httpServer.closeIdleConnections()
      const force = setTimeout(() => {
        for (const socket of sockets) socket.destroy()
      }, 5_000)
      await Promise.all([closed, socketsClosed])
      clearTimeout(force)
      await viteDevServer?.close()
    },
  }
}
