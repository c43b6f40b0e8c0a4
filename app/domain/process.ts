import mongoose from 'mongoose'

/**
 * This server process, as the database and other processes see it: the messages it stored
 * (`storedBy`), the leases it holds, its presence documents, its /healthz answer. Shared by the
 * Remix build's copy of the app modules and the server's through `globalThis`.
 */
export const PROCESS_ID: string = ((globalThis as Record<symbol, string | undefined>)[Symbol.for('passerelle.processId')] ??= new mongoose.Types.ObjectId().toHexString())
