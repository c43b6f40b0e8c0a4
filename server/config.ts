import path from 'node:path'
import { z } from 'zod'

/**
 * Every setting the server reads from the environment, validated once at start-up.
 * Our own variables are prefixed PASSERELLE_; an unknown PASSERELLE_* name is refused
 * so that a typo never silently falls back to a default.
 */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const portSchema = z.coerce
  .number({ invalid_type_error: 'doit être un numéro de port' })
  .int('doit être un entier')
  .min(1, 'doit être compris entre 1 et 65535')
  .max(65535, 'doit être compris entre 1 et 65535')

/** A host name, IPv4 or [IPv6], with an optional port. */
const hostPattern = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'doit commencer par mongodb:// ou mongodb+srv://')
      .optional(),
  ),
  MEILI_URL: z.preprocess(emptyAsUndefined, z.string().url('doit être une URL http(s) complète').optional()),
  MEILI_MASTER_KEY: z.preprocess(emptyAsUndefined, z.string().min(16, 'doit faire au moins 16 caractères').optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://').optional()),
  MAIL_FROM: z.string().min(3).default('Passerelle <ne-pas-repondre@passerelle.local>'),
  /** The address people write to from « Aide et contact » (the operator's, in production). */
  PASSERELLE_CONTACT_EMAIL: z.string().email('doit être une adresse e-mail').default('contact@passerelle.local'),
  PASSERELLE_PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .url('doit être une URL http(s) complète')
      .refine((value) => /^https?:\/\/[^/]+\/?$/i.test(value), 'doit être une origine http(s), sans chemin (ex. https://passerelle.example.fr)')
      .optional(),
  ),
  /**
   * Hosts (host or host:port, comma-separated) a request may name when PASSERELLE_PUBLIC_URL is
   * not set; a name without a port matches any port. Default: localhost and 127.0.0.1 on PORT.
   */
  PASSERELLE_ALLOWED_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(hostPattern, 'doit lister des noms d’hôte (nom ou nom:port), séparés par des virgules')).min(1))
      .optional(),
  ),
  /** auto = demo data and demo accounts only with the embedded database (never on a real deployment). */
  PASSERELLE_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** memory: one server process; mongo: several processes share Socket.IO broadcasts through MongoDB. */
  PASSERELLE_SOCKET_ADAPTER: z.enum(['memory', 'mongo']).default('memory'),
  PASSERELLE_DATA_DIR: z.string().min(1).default('.data'),
  /** Embedded MongoDB only: 1 member, or a 3-member replica set that survives losing its primary. */
  PASSERELLE_MONGO_MEMBERS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ invalid_type_error: 'doit valoir 1 ou 3' })
      .refine((value): value is 1 | 3 => value === 1 || value === 3, 'doit valoir 1 ou 3')
      .default(1),
  ),
  PASSERELLE_TRUST_PROXY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  PASSERELLE_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).default(600)),
  /**
   * Signs what the app hands out and checks later without a database row (e-mail unsubscribe links).
   * Every process of one deployment must share it; empty = generated once in $PASSERELLE_DATA_DIR/app-secret.
   */
  PASSERELLE_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'doit faire au moins 32 caractères').optional()),
  /**
   * Reply by e-mail (docs/decisions/027-reply-by-email.md), off unless both are set: the port of
   * the inbound SMTP server (behind the domain's MX in production) and the domain of the reply
   * addresses (`reply+<token>@<domain>`).
   */
  PASSERELLE_INBOUND_SMTP_PORT: z.preprocess(emptyAsUndefined, portSchema.optional()),
  PASSERELLE_INBOUND_DOMAIN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .toLowerCase()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'doit être un nom de domaine (ex. passerelle.example.fr)')
      .optional(),
  ),
  /** The address the inbound SMTP server listens on; default HOST. */
  PASSERELLE_INBOUND_SMTP_HOST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
})

export type Env = z.infer<typeof envSchema>

export type Config = Env & {
  isProduction: boolean
  dataDir: string
  demoMode: boolean
  /** Hosts requests may name (server/http/origins.ts): the setting, else the public URL's, else localhost on PORT. */
  allowedHosts: string[]
  /** Reply by e-mail, when both settings are given. */
  inbound: { port: number; host: string; domain: string } | null
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const known = new Set(Object.keys(envSchema.shape))
  const unknown = Object.keys(env).filter((name) => name.startsWith('PASSERELLE_') && !known.has(name))
  const problems: string[] = unknown.map((name) => `${name}: variable inconnue (voir .env.example)`)

  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${String(issue.path[0])}: ${issue.message} (valeur reçue : ${JSON.stringify(env[String(issue.path[0])])})`)
    }
  }
  if (parsed.success && Boolean(parsed.data.PASSERELLE_INBOUND_SMTP_PORT) !== Boolean(parsed.data.PASSERELLE_INBOUND_DOMAIN)) {
    problems.push('PASSERELLE_INBOUND_SMTP_PORT et PASSERELLE_INBOUND_DOMAIN : la réponse par e-mail demande les deux (ou aucun)')
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Configuration invalide :\n  - ${problems.join('\n  - ')}`)
  }
  return {
    ...parsed.data,
    isProduction: parsed.data.NODE_ENV === 'production',
    dataDir: path.resolve(cwd, parsed.data.PASSERELLE_DATA_DIR),
    demoMode: parsed.data.PASSERELLE_DEMO === 'on' || (parsed.data.PASSERELLE_DEMO === 'auto' && !parsed.data.MONGODB_URI),
    allowedHosts: allowedHostsOf(parsed.data),
    inbound:
      parsed.data.PASSERELLE_INBOUND_SMTP_PORT && parsed.data.PASSERELLE_INBOUND_DOMAIN
        ? { port: parsed.data.PASSERELLE_INBOUND_SMTP_PORT, host: parsed.data.PASSERELLE_INBOUND_SMTP_HOST ?? parsed.data.HOST, domain: parsed.data.PASSERELLE_INBOUND_DOMAIN }
        : null,
  }
}

function allowedHostsOf(env: Env): string[] {
  if (env.PASSERELLE_ALLOWED_HOSTS) return env.PASSERELLE_ALLOWED_HOSTS
  if (env.PASSERELLE_PUBLIC_URL) return [new URL(env.PASSERELLE_PUBLIC_URL).host]
  return [`localhost:${env.PORT}`, `127.0.0.1:${env.PORT}`]
}
