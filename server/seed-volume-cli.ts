// `npm run seed:volume -- --needs 100000 --organisations 20000 [--seed 2026]`
// Inserts generated fictional volume data (for benchmarks) into the configured or embedded
// database, in batches, printing progress, time and peak memory.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { loadConfig } from './config.js'
import { connectDatabase, disconnectDatabase } from './db.js'
import { provideServices } from './embedded/index.js'
import { createLogger } from './logger.js'
import { insertVolumeData } from '../seeds/volume.server.js'

const options = z
  .object({
    needs: z.coerce.number().int().min(0).max(5_000_000).default(100_000),
    organisations: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    seed: z.coerce.number().int().default(2026),
  })
  .parse(parseArgs({ options: { needs: { type: 'string' }, organisations: { type: 'string' }, seed: { type: 'string' } } }).values)

if (existsSync('.env')) process.loadEnvFile('.env')
const config = loadConfig()
const logger = createLogger(config.LOG_LEVEL)
const services = await provideServices(config, logger)
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
try {
  await connectDatabase(services.mongoUri, { batch: true })
  const started = Date.now()
  const { needs: inserted } = await insertVolumeData({
    ...options,
    onProgress: (inserted) => {
      if (inserted % 10_000 === 0 || inserted === options.needs) process.stdout.write(`\r${inserted} / ${options.needs} besoins`)
    },
  })
  console.log(`\n${inserted} besoins en ${((Date.now() - started) / 1000).toFixed(1)} s au total ; mémoire max du processus : ${Math.round(peakRss / 1024 / 1024)} Mo`)
} finally {
  clearInterval(sampler)
  await disconnectDatabase()
  await services.stop()
}
