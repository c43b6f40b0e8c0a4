import mongoose from 'mongoose'
import { createAppServer, type AppServerOptions } from '../../server/app-server'
import { appOrigins } from '../../server/http/origins'
import { createSearchClient } from '../../server/search/client'
import { isolatedMongoUri, testLogger, testServices } from './support'

/** The real Express + Socket.IO server (without Remix pages) on a free port, against the test servers. */
export async function startApiServer(overrides: Partial<AppServerOptions> = {}) {
  const db = await mongoose.createConnection(isolatedMongoUri()).asPromise()
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
      await db.close()
    },
  }
}
