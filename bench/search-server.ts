/**
 * The app side of the search benchmark (forked by bench/search.ts): the real Express + Remix
 * production server on the databases the driver prepared, in its own process so the load
 * generator's work never runs on the server's event loop. Reports its CPU on demand over IPC.
 */
import mongoose from 'mongoose'
import { createAppServer } from '../server/app-server.js'
import { appOrigins } from '../server/http/origins.js'
import { createLogger } from '../server/logger.js'
import { createSearchClient } from '../server/search/client.js'

type Setup = { mongoUri: string; meiliUrl: string; meiliMasterKey: string }

async function main() {
  const { mongoUri, meiliUrl, meiliMasterKey } = JSON.parse(process.argv[2]!) as Setup
  const logger = createLogger('warn')
  await mongoose.connect(mongoUri)
  const server = await createAppServer({
    logger,
    db: mongoose.connection,
    search: createSearchClient(meiliUrl, meiliMasterKey),
    remix: 'production',
    mailer: { send: async () => {} },
    origins: appOrigins({ PASSERELLE_PUBLIC_URL: undefined, allowedHosts: ['127.0.0.1', 'localhost'] }),
    rateLimitPerMinute: 10_000_000,
  })
  const url = await server.listen(0, '127.0.0.1')
  let last = { cpu: process.cpuUsage(), at: process.hrtime.bigint() }
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'stats') {
      const now = { cpu: process.cpuUsage(), at: process.hrtime.bigint() }
      const used = now.cpu.user - last.cpu.user + (now.cpu.system - last.cpu.system)
      const elapsedMicros = Number(now.at - last.at) / 1_000
      last = now
      process.send!({ type: 'stats', cpuPercent: (100 * used) / elapsedMicros })
    }
    if (message.type === 'stop') {
      await server.close()
      await mongoose.disconnect()
      process.exit(0)
    }
  })
  process.send!({ type: 'ready', url })
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
