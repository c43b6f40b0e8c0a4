import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './meilisearch.js'
import { startEmbeddedMongo, type EmbeddedMongo } from './mongod.js'

export type ServiceEndpoints = {
  mongoUri: string
  meiliUrl: string
  meiliMasterKey: string | undefined
  embedded: { mongo?: EmbeddedMongo; meilisearch?: EmbeddedMeilisearch }
  /** Stops whatever was started here (external servers are left alone). */
  stop: () => Promise<void>
}

export const DEFAULT_DATABASE = 'passerelle'

/**
 * Uses MONGODB_URI / MEILI_URL when set; otherwise starts the embedded servers under
 * the data dir. Both start in parallel; if one fails, the other is stopped before the error
 * is rethrown, so a failed start-up never leaves a process behind.
 */
export async function provideServices(
  config: Pick<Config, 'MONGODB_URI' | 'MEILI_URL' | 'MEILI_MASTER_KEY' | 'dataDir'> & { PASSERELLE_MONGO_MEMBERS?: 1 | 3 },
  logger: Logger,
): Promise<ServiceEndpoints> {
  const [mongoResult, meiliResult] = await Promise.allSettled([
    config.MONGODB_URI ? Promise.resolve(undefined) : startEmbeddedMongo({ dataDir: config.dataDir, logger, members: config.PASSERELLE_MONGO_MEMBERS ?? 1 }),
    config.MEILI_URL ? Promise.resolve(undefined) : startEmbeddedMeilisearch({ dataDir: config.dataDir, logger }),
  ])
  const mongo = mongoResult.status === 'fulfilled' ? mongoResult.value : undefined
  const meilisearch = meiliResult.status === 'fulfilled' ? meiliResult.value : undefined
  const stop = async () => {
    await Promise.all([mongo?.stop(), meilisearch?.stop()])
  }
  const failure = [mongoResult, meiliResult].find((result) => result.status === 'rejected')
  if (failure?.status === 'rejected') {
    await stop()
    throw failure.reason
  }
  return {
    mongoUri: config.MONGODB_URI ?? mongo!.uri(DEFAULT_DATABASE),
    meiliUrl: config.MEILI_URL ?? meilisearch!.url,
    meiliMasterKey: config.MEILI_URL ? config.MEILI_MASTER_KEY : meilisearch!.masterKey,
    embedded: { mongo, meilisearch },
    stop,
  }
}
