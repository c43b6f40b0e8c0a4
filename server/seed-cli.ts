// `npm run seed` loads the demo data into the configured (or embedded) database;
// `npm run seed -- --reset` empties the demo collections first.
import { existsSync } from 'node:fs'
import { loadConfig } from './config.js'
import { connectDatabase, disconnectDatabase } from './db.js'
import { provideServices } from './embedded/index.js'
import { createLogger } from './logger.js'
import { resetDemoData, seedDemoData } from '../seeds/demo-data.server.js'

if (existsSync('.env')) process.loadEnvFile('.env')
const config = loadConfig()
const logger = createLogger(config.LOG_LEVEL)
const reset = process.argv.includes('--reset')

const services = await provideServices(config, logger)
try {
  await connectDatabase(services.mongoUri, { batch: true })
  if (reset) {
    await resetDemoData()
    logger.info('demo collections emptied')
  }
  const report = await seedDemoData(logger)
  console.log(
    `Données de démonstration ajoutées : ${report.organisations} organisations, ${report.users} comptes, ${report.memberships} adhésions, ` +
      `${report.needs} besoins, ${report.proposals} propositions, ${report.projects} projets, ` +
      `${report.conversations} conversations (${report.messages} messages).`,
  )
} finally {
  await disconnectDatabase()
  await services.stop()
}
