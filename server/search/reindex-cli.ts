// `npm run search:reindex` rebuilds the needs and organisations indexes from MongoDB, each
// into a temporary index swapped with the live one at the end (search never goes empty).
// Like `npm run seed`, run it while the app is stopped when using the embedded servers.
import { existsSync } from 'node:fs'
import { loadConfig } from '../config.js'
import { connectDatabase, disconnectDatabase } from '../db.js'
import { provideServices } from '../embedded/index.js'
import { createLogger } from '../logger.js'
import { createSearchClient } from './client.js'
import { rebuildSearchIndexes } from './reindex.js'

if (existsSync('.env')) process.loadEnvFile('.env')
const config = loadConfig()
const logger = createLogger(config.LOG_LEVEL)
const services = await provideServices(config, logger)
try {
  const connection = await connectDatabase(services.mongoUri, { batch: true })
  const client = createSearchClient(services.meiliUrl, services.meiliMasterKey)
  const started = Date.now()
  const names = await rebuildSearchIndexes({
    connection,
    client,
    onProgress: ({ kind, indexed, total, phase }) => {
      if (phase === 'swapped') console.log(`${kind} : index reconstruit et basculé (${indexed} documents).`)
      else console.log(`${kind} : ${indexed} / ${total}${total ? ` (${Math.round((indexed / total) * 100)} %)` : ''}`)
    },
  })
  console.log(`Réindexation terminée en ${((Date.now() - started) / 1000).toFixed(1)} s : ${names.needs}, ${names.organisations}.`)
} catch (error) {
  console.error('Réindexation impossible :', error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await disconnectDatabase()
  await services.stop()
}
