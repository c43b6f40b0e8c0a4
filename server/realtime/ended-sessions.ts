import type { Connection } from 'mongoose'
import type { Server } from 'socket.io'
import { Session } from '../../app/domain/auth/session.server.js'
import type { Logger } from '../logger.js'
import { sessionRoom } from './auth.js'
import { followChanges } from './change-stream.js'

/**
 * Closes the sockets of every session that ends — signed out, signed out everywhere, reset
 * password, suspension, expiry: whatever deletes the session document — at once and in every
 * process (each follows the deletions and closes its own sockets). Nothing needs to remember to
 * tell the sockets; the 30 s session re-check of socket commands stays as a backstop.
 */
export function closeSocketsOfEndedSessions({ connection, io, logger }: { connection: Connection; io: Server; logger: Logger }) {
  return followChanges({
    name: 'sessions',
    collection: connection.collection(Session.collection.collectionName),
    pipeline: [{ $match: { operationType: 'delete' } }],
    onChange: (change) => {
      if (change.operationType === 'delete') io.local.in(sessionRoom(String(change.documentKey._id))).disconnectSockets(true)
    },
    logger,
  })
}
