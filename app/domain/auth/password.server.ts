import { hash, verify } from '@node-rs/argon2'

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
const ARGON2ID = 2 // Algorithm.Argon2id; a const enum cannot be imported under isolatedModules

export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID })

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
