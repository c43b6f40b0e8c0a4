import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext } from '@playwright/test'
import mongoose from 'mongoose'
import { CURRENT_TERMS_VERSION } from '~/domain/legal/terms'
import { hashPassword } from '~/domain/auth/password.server'
import { SESSION_TTL_MS } from '~/domain/auth/session.server'
import { sessionCookie } from '~/http/session.server'
import type { UserRole } from '~/domain/users/roles'

/**
 * Direct access to the e2e server's own database, for arranging test data (a fixture creates
 * what a test needs instead of depending on another test). The server's embedded mongod
 * remembers its port in the e2e data dir.
 */
let connection: mongoose.Connection | undefined

export async function e2eDb() {
  if (!connection) {
    const dataDir = process.env.E2E_DATA_DIR!
    const port = readFileSync(path.join(dataDir, 'mongo.port'), 'utf8').trim()
    connection = await mongoose.createConnection(`mongodb://127.0.0.1:${port}/passerelle?replicaSet=rs0`).asPromise()
  }
  return connection.db!
}

export type TestUser = { id: string; email: string; password: string; name: string; role: UserRole }

/** A verified user with a unique e-mail; the password meets the app's rules. */
export async function createTestUser(overrides: Partial<Omit<TestUser, 'id'>> & { verified?: boolean; acceptedTerms?: boolean } = {}): Promise<TestUser> {
  const db = await e2eDb()
  const unique = randomUUID().slice(0, 8)
  const user = {
    email: overrides.email ?? `e2e-${unique}@exemple.test`,
    password: overrides.password ?? `Passerelle-e2e-${unique}!`,
    name: overrides.name ?? `Camille Test ${unique}`,
    role: overrides.role ?? 'industrialist',
  }
  const now = new Date()
  const { insertedId } = await db.collection('users').insertOne({
    email: user.email,
    passwordHash: await hashPassword(user.password),
    name: user.name,
    title: '',
    role: user.role,
    emailVerifiedAt: overrides.verified === false ? null : now,
    suspendedUntil: null,
    language: 'fr',
    animates: [],
    fictional: false,
    termsAcceptances: overrides.acceptedTerms === false ? [] : [{ version: CURRENT_TERMS_VERSION, acceptedAt: now }],
    createdAt: now,
    updatedAt: now,
  })
  return { id: String(insertedId), ...user }
}

/** Puts a signed-in session for `userId` into the browser context (skips the sign-in form). */
export async function signInAs(context: BrowserContext, userId: string, baseURL: string) {
  const db = await e2eDb()
  const token = randomBytes(32).toString('base64url')
  await db.collection('sessions').insertOne({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: new mongoose.Types.ObjectId(userId),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    createdAt: new Date(),
    userAgent: 'playwright',
  })
  // The cookie value exactly as the app serialises it.
  const value = (await sessionCookie.serialize(token)).split(';')[0]!.split('=').slice(1).join('=')
  await context.addCookies([{ name: 'passerelle_session', value, url: baseURL, httpOnly: true, sameSite: 'Lax' }])
}
