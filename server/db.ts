import mongoose from 'mongoose'

/** One mongoose connection per process; models register on it (see app/domain/*). */
export async function connectDatabase(uri: string) {
  mongoose.set('strictQuery', true)
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 })
  return mongoose.connection
}

export async function disconnectDatabase() {
  await mongoose.disconnect()
}
