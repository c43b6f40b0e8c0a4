import { randomUUID } from 'node:crypto'
import { inject } from 'vitest'
import { createLogger } from '../../server/logger.js'

/** A database name no other test file uses, on the shared test mongod. */
export function isolatedMongoUri() {
  const uri = new URL(inject('mongoUri'))
  uri.pathname = `/test_${randomUUID().slice(0, 8)}`
  return uri.toString()
}

export const testServices = () => ({
  meiliUrl: inject('meiliUrl'),
  meiliMasterKey: inject('meiliMasterKey'),
})

export const testLogger = () => createLogger(process.env.TEST_LOG_LEVEL ?? 'silent')
