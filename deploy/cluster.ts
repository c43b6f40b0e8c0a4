/**
 * The deployed topology on one machine (`npm run start:cluster`, docs/deployment.md):
 * a three-member MongoDB replica set and one Meilisearch (the embedded servers of server/embedded),
 * N app processes (server/main.ts in production mode, Socket.IO MongoDB adapter, started one after
 * the other so the demo data is seeded once) and Debian's nginx in front of them. Prints the URL;
 * Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 *
 *   npm run start:cluster
 *   npm run start:cluster -- --processes 3 --port 8080 --data-dir .data/cluster
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { startAppProcess, type AppProcess } from '../server/cluster/app-process.js'
import { startNginx } from '../server/cluster/nginx.js'
import { provideServices, type ServiceEndpoints } from '../server/embedded/index.js'
import { EmbeddedBinaryError } from '../server/embedded/binaries.js'
import { killAllManagedProcessesSync } from '../server/embedded/managed-process.js'
import { isPortFree } from '../server/embedded/ports.js'
import { createLogger } from '../server/logger.js'

const optionsSchema = z.object({
  processes: z.coerce.number({ invalid_type_error: 'doit être un nombre' }).int('doit être un entier').min(1, 'au moins 1').max(16, 'au plus 16'),
  port: z.coerce.number({ invalid_type_error: 'doit être un numéro de port' }).int().min(1, 'doit être compris entre 1 et 65535').max(65535, 'doit être compris entre 1 et 65535'),
  'data-dir': z.string().min(1),
  'log-level': z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
})

function readOptions() {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      options: {
        processes: { type: 'string', default: '2' },
        port: { type: 'string', default: '8080' },
        'data-dir': { type: 'string', default: '.data/cluster' },
        'log-level': { type: 'string', default: 'info' },
      },
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}\nOptions : --processes N (2), --port P (8080), --data-dir DIR (.data/cluster), --log-level LEVEL (info)`)
    process.exit(1)
  }
  const parsed = optionsSchema.safeParse(values)
  if (!parsed.success) {
    console.error(`Options invalides :\n${parsed.error.issues.map((issue) => `  - --${String(issue.path[0])} : ${issue.message} (reçu : ${JSON.stringify(values[String(issue.path[0])])})`).join('\n')}`)
    process.exit(1)
  }
  return parsed.data
}

async function main() {
  const options = readOptions()
  const logger = createLogger(options['log-level'])
  if (!existsSync(path.resolve('build/server/index.js'))) {
    console.error('Pas de build de production : lancez `npm run start:cluster` (qui construit) ou `npm run build`.')
    process.exit(1)
  }
  if (!(await isPortFree(options.port))) {
    console.error(`Le port ${options.port} est déjà pris : choisissez-en un autre avec --port.`)
    process.exit(1)
  }
  const dataDir = path.resolve(options['data-dir'])
  let endpoints: ServiceEndpoints | undefined
  const apps: AppProcess[] = []
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
  let stopping: Promise<void> | undefined

  const stop = (reason: string, exitCode: number) => {
    stopping ??= (async () => {
      logger.info({ reason }, 'cluster: stopping')
      const force = setTimeout(() => {
        killAllManagedProcessesSync()
        process.exit(exitCode || 1)
      }, 40_000)
      try {
        // Balancer first (no new traffic), then the app processes (each drains and hands back its lease), then the databases.
        await nginx?.stop()
        await Promise.all(apps.map((app) => app.stop()))
        await endpoints?.stop()
      } catch (error) {
        logger.error({ err: error }, 'cluster: error while stopping')
      }
      clearTimeout(force)
      logger.info('cluster: stopped')
      process.exit(exitCode)
    })()
    return stopping
  }
  process.once('SIGINT', () => void stop('SIGINT', 0))
  process.once('SIGTERM', () => void stop('SIGTERM', 0))
  process.once('exit', killAllManagedProcessesSync)

  try {
    endpoints = await provideServices({ MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined, dataDir, PASSERELLE_MONGO_MEMBERS: 3 }, logger)
    const publicHosts = [`localhost:${options.port}`, `127.0.0.1:${options.port}`]
    for (let index = 0; index < options.processes && !stopping; index++) {
      const app = await startAppProcess({
        logger,
        env: {
          NODE_ENV: 'production',
          LOG_LEVEL: options['log-level'],
          MONGODB_URI: endpoints.mongoUri,
          MEILI_URL: endpoints.meiliUrl,
          MEILI_MASTER_KEY: endpoints.meiliMasterKey,
          PASSERELLE_SOCKET_ADAPTER: 'mongo',
          // nginx is the one proxy in front: the client's address is the one it passes on.
          PASSERELLE_TRUST_PROXY: '1',
          PASSERELLE_ALLOWED_HOSTS: publicHosts.join(','),
          // Demo accounts and data, seeded by the first process (the next ones find them).
          PASSERELLE_DEMO: 'on',
          PASSERELLE_DATA_DIR: path.join(dataDir, `app-${index + 1}`),
          PASSERELLE_MONGO_MEMBERS: undefined,
        },
      })
      apps.push(app)
      void app.process.exited.then(() => {
        if (!stopping) logger.error({ pid: app.pid, port: app.port, output: app.process.outputTail() }, 'cluster: an app process stopped; nginx sends its traffic to the others')
      })
      logger.info({ port: app.port, pid: app.pid }, `cluster: app process ${index + 1}/${options.processes} ready`)
    }
    if (stopping) return
    nginx = await startNginx({ port: options.port, backends: apps.map((app) => app.port), dir: path.join(dataDir, 'nginx'), logger })
    console.log(
      [
        '',
        `Passerelle — ${apps.length} processus derrière nginx : http://localhost:${options.port}`,
        `  MongoDB (3 membres) : ${endpoints.mongoUri}`,
        `  Meilisearch : ${endpoints.meiliUrl}`,
        ...apps.map((app, index) => `  processus ${index + 1} : ${app.url} (pid ${app.pid}) — ${app.url}/healthz`),
        'Ctrl-C arrête tout.',
        '',
      ].join('\n'),
    )
  } catch (error) {
    if (error instanceof EmbeddedBinaryError) logger.fatal(error.message)
    else logger.fatal({ err: error }, 'cluster: start-up failed')
    await stop('start-up failed', 1)
  }
}

void main()
