import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { provideServices } from '../../server/embedded/index.js'
import { createLogger } from '../../server/logger.js'

/**
 * One real mongod and one real Meilisearch for the whole integration run, started with the
 * app's own launcher on free ports and throw-away data dirs. Each test file then works in
 * its own database and index prefix (see ./support.ts).
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-it-'))
  const services = await provideServices(
    { dataDir, MONGODB_URI: undefined, MEILI_URL: undefined, MEILI_MASTER_KEY: undefined },
    createLogger(process.env.TEST_LOG_LEVEL ?? 'warn'),
  )
  project.provide('mongoUri', services.mongoUri)
  project.provide('meiliUrl', services.meiliUrl)
  project.provide('meiliMasterKey', services.meiliMasterKey ?? '')
  return async () => {
    await services.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string
    meiliUrl: string
    meiliMasterKey: string
  }
}
