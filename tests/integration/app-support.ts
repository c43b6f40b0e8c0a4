import mongoose from 'mongoose'
import { createAppServer, type AppServerOptions } from '../../server/app-server'
import { appOrigins } from '../../server/http/origins'
import { createSearchClient } from '../../server/search/client'
import { isolatedMongoUri, testLogger, testServices } from './support'

/**
 * The real Express + Socket.IO server (without Remix pages) on a free port, against the test
 * servers. It works on the database of the app's models — mongoose's default connection, which
 * the test file usually connects itself; if not, it is connected here (to a database of its own)
 * and closed again by `stop`.
 */
export async function startApiServer(overrides: Partial<AppServerOptions> = {}) {
  const ownsConnection = mongoose.connection.readyState !== 1
  if (ownsConnection) await mongoose.connect(isolatedMongoUri())
  const db = mongoose.connection
  const { meiliUrl, meiliMasterKey } = testServices()
  const server = await createAppServer({
    logger: testLogger(),
    db,
    search: createSearchClient(meiliUrl, meiliMasterKey),
    remix: 'none',
    mailer: { send: async () => {} },
    // The test server listens on a free port: local names on any port.
    origins: appOrigins({ PASSERELLE_PUBLIC_URL: undefined, allowedHosts: ['127.0.0.1', 'localhost'] }),
    ...overrides,
  })
  const url = await server.listen(0, '127.0.0.1')
  return {
    ...server,
    url,
    db,
    async stop() {
      await server.close()
      if (ownsConnection) await mongoose.disconnect()
    },
  }
}
