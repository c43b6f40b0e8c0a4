import { createAdapter } from '@socket.io/mongo-adapter'
import type { Connection } from 'mongoose'

const EVENTS_COLLECTION = 'socket_io_adapter_events'
/** Adapter events only matter for a few seconds (delivery, recovery window); keep an hour. */
const EVENTS_TTL_SECONDS = 60 * 60

/**
 * The Socket.IO MongoDB adapter: every server process broadcasts through a collection it
 * watches with a change stream (needs a replica set, which the embedded mongod is), so a
 * message sent to process A reaches sockets connected to process B.
 */
export async function mongoSocketAdapter(db: Connection) {
  const database = db.db
  if (!database) throw new Error('MongoDB is not connected: the Socket.IO adapter needs it')
  const existing = await database.listCollections({ name: EVENTS_COLLECTION }, { nameOnly: true }).toArray()
  if (!existing.length) await database.createCollection(EVENTS_COLLECTION).catch(() => undefined) // another process may win the race
  const collection = database.collection(EVENTS_COLLECTION)
  await collection.createIndex({ createdAt: 1 }, { expireAfterSeconds: EVENTS_TTL_SECONDS })
  return createAdapter(collection, { addCreatedAtField: true })
}
