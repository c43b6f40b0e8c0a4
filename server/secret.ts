import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The app secret (HMAC key of signed links): PASSERELLE_SECRET when set, else one generated once
 * and kept in the data dir (0600), so links e-mailed yesterday still work after a restart.
 */
export async function appSecret({ PASSERELLE_SECRET, dataDir }: { PASSERELLE_SECRET?: string; dataDir: string }): Promise<string> {
  if (PASSERELLE_SECRET) return PASSERELLE_SECRET
  const file = path.join(dataDir, 'app-secret')
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim()
  if (existing.length >= 32) return existing
  await mkdir(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  try {
    // 'wx': of two processes starting together on one data dir, one writes, the other reads it.
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    await new Promise((resolve) => setTimeout(resolve, 50))
    return (await readFile(file, 'utf8')).trim()
  }
}
