import { existsSync } from 'node:fs'
import type { Connection } from 'mongoose'
import path from 'node:path'
import { ConfigError, loadConfig } from './config.js'
import { createAppServer, type AppServer } from './app-server.js'
import { connectBackgroundDatabase, connectDatabase, disconnectDatabase } from './db.js'
import { EmbeddedBinaryError } from './embedded/binaries.js'
import { provideServices, type ServiceEndpoints } from './embedded/index.js'
import { killAllManagedProcessesSync } from './embedded/managed-process.js'
import { createLogger } from './logger.js'
import { useDomainLog } from '../app/domain/log.js'
import { currentMonth, statistics } from '../app/domain/statistics/figures.server.js'
import { platformJobs } from './jobs/index.js'
import { startScheduler } from './jobs/scheduler.js'
import { startMailCapture } from './mail/capture-server.js'
import { startInboundServer, type InboundServer } from './mail/inbound-server.js'
import { appOrigins } from './http/origins.js'
import { createSmtpTransport } from './mail/smtp-mailer.js'
import { appSecret } from './secret.js'
import { outboxMailer, startOutboxWorker, type OutboxWorker } from '../app/domain/mail/outbox.server.js'
import { createSearchClient } from './search/client.js'
import { createSearchIndexesInBackground } from './search/indexes.js'
import { startSearchSync, type SearchSync } from './search/sync.js'
import { holdLease, type Lease } from './cluster/lease.js'
import { PROCESS_ID } from '../app/domain/process.js'
import { hasDemoData, seedDemoData } from '../seeds/demo-data.server.js'

/**
 * Start-up order: config → databases (embedded unless URLs are given) → HTTP + Socket.IO.
 * Shutdown runs in reverse on SIGINT/SIGTERM or after a failed start, so nothing we
 * started is left running.
 */
async function main() {
  // A local .env is optional; variables already set in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env')
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(config.LOG_LEVEL)
  useDomainLog(logger)

  let endpoints: ServiceEndpoints | undefined
  let appServer: AppServer | undefined
  let smtp: ReturnType<typeof createSmtpTransport> | undefined
  let outboxWorker: OutboxWorker | undefined
  let scheduler: ReturnType<typeof startScheduler> | undefined
  let mailCapture: Awaited<ReturnType<typeof startMailCapture>> | undefined
  let inbound: InboundServer | undefined
  let shuttingDown: Promise<void> | undefined
  let searchIndexes: ReturnType<typeof createSearchIndexesInBackground> | undefined
  let searchSync: SearchSync | undefined
  let background: Connection | undefined
  let leadership: Lease | undefined

  const shutdown = (reason: string, exitCode: number) => {
    shuttingDown ??= (async () => {
      logger.info({ reason }, 'shutting down')
      const force = setTimeout(() => {
        logger.error('shutdown took too long, forcing exit')
        killAllManagedProcessesSync()
        process.exit(exitCode || 1)
      }, 20_000)
      try {
        // No new replies from here on: a sending server finds the port closed and tries again later.
        await inbound?.close()
        await appServer?.close()
        // Given back: another process leads from now on.
        await leadership?.stop()
        searchIndexes?.stop()
        // Mails being handed over finish; the rest stay in the outbox for the next process.
        await outboxWorker?.stop()
        smtp?.close()
        await mailCapture?.close()
        await background?.close()
        await disconnectDatabase()
        await endpoints?.stop()
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown')
      }
      clearTimeout(force)
      logger.info('stopped')
      process.exit(exitCode)
    })()
    return shuttingDown
  }
  process.once('SIGINT', () => void shutdown('SIGINT', 0))
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0))
  process.once('exit', killAllManagedProcessesSync)

  try {
    endpoints = await provideServices(config, logger)
    if (shuttingDown) return
    const db = await connectDatabase(endpoints.mongoUri)
    background = await connectBackgroundDatabase(endpoints.mongoUri)
    if (config.demoMode && !(await hasDemoData())) await seedDemoData(logger)
    const search = createSearchClient(endpoints.meiliUrl, endpoints.meiliMasterKey)
    // Neither waits on Meilisearch: settings are retried in the background, the sync starts once they are applied.
    searchIndexes = createSearchIndexesInBackground(search, logger)
    if (!config.SMTP_URL) {
      mailCapture = await startMailCapture({ outboxDir: path.join(config.dataDir, 'outbox'), logger })
      logger.warn({ outbox: mailCapture.outboxDir }, 'SMTP_URL not set: e-mails are kept in the outbox folder, not delivered')
    }
    // One way to send mail: the app queues it in the outbox; every process runs a worker that
    // claims mails one at a time and delivers them (docs/decisions/023-email-outbox.md).
    smtp = createSmtpTransport({ smtpUrl: config.SMTP_URL ?? mailCapture!.smtpUrl, from: config.MAIL_FROM })
    outboxWorker = startOutboxWorker({ transport: smtp, workerId: PROCESS_ID, logger })
    const secret = await appSecret(config)
    const origins = appOrigins(config)
    // Links in e-mails the jobs send (no request to take a host from): the public URL, else the first allowed host.
    const mailLinks = { publicUrl: origins.linkOrigin({ protocol: 'http', host: null }), secret, replyDomain: config.inbound?.domain, organizerEmail: config.PASSERELLE_CONTACT_EMAIL }
    appServer = await createAppServer({
      logger,
      db,
      background,
      search,
      remix: config.isProduction ? 'production' : 'development',
      mailer: outboxMailer,
      appSecret: secret,
      origins,
      demoMode: config.demoMode,
      contactEmail: config.PASSERELLE_CONTACT_EMAIL,
      leads: () => leadership?.held() ?? false,
      socketAdapter: config.PASSERELLE_SOCKET_ADAPTER,
      trustProxy: config.PASSERELLE_TRUST_PROXY,
      rateLimitPerMinute: config.PASSERELLE_RATE_LIMIT_PER_MINUTE,
    })
    // Work done once whatever the number of processes — the search sync and the periodic jobs —
    // is done by the holder of the lease; another process takes over within seconds if it dies.
    // After the socket server exists: what the jobs tell people reaches their open tabs.
    const publish = appServer.realtime
    const indexesReady = searchIndexes.ready
    leadership = holdLease({
      connection: db,
      name: 'leader',
      holder: PROCESS_ID,
      logger,
      onAcquired: () => {
        searchSync = startSearchSync({ connection: background!, client: search, logger, ready: indexesReady, mayWrite: () => leadership?.held() ?? false })
        scheduler = startScheduler(platformJobs({ publish, mail: mailLinks, search: { client: search } }), logger)
      },
      onLost: async () => {
        await scheduler?.stop()
        await searchSync?.stop()
        scheduler = searchSync = undefined
      },
    })
    // Reply by e-mail (ADR 027): in this process, so a reply is pushed live like a message typed here.
    if (config.inbound) inbound = await startInboundServer({ ...config.inbound, secret, logger })
    const url = await appServer.listen(config.PORT, config.HOST)
    logger.info({ url, mode: config.NODE_ENV }, `Passerelle est prête : ${url}`)
    // The public statistics take seconds to compute over a large catalogue: do it now, in the
    // background, rather than on the first visitor's request (ADR 033).
    statistics(currentMonth()).catch((error) => logger.warn({ err: error }, 'statistics: warm-up failed (the first visitor will compute them)'))
  } catch (error) {
    if (error instanceof EmbeddedBinaryError) {
      logger.fatal(error.message)
    } else {
      logger.fatal({ err: error }, 'start-up failed')
    }
    await shutdown('start-up failed', 1)
  }
}

void main()
