import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * E2E against the production build served by server/main.ts with its own embedded servers
 * in a throw-away data dir. Chromium comes from Debian (never downloaded): /usr/bin/chromium
 * or CHROMIUM_PATH. The env values are computed once and inherited by the workers.
 */
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'))
process.env.E2E_PORT ??= '3217'
// Reply by e-mail: the server's inbound SMTP port (tests/e2e/mail-reply.spec.ts sends to it).
process.env.E2E_INBOUND_PORT ??= String(Number(process.env.E2E_PORT) + 2000)
const baseURL = `http://localhost:${process.env.E2E_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  // Whole journeys (sign-up to project, ten pages each checked by axe) on two shared cores.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root on a closed network: no sandbox, and no calls home.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `${baseURL}/healthz`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      NODE_ENV: 'production',
      PORT: process.env.E2E_PORT,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PASSERELLE_DATA_DIR: process.env.E2E_DATA_DIR,
      PASSERELLE_RATE_LIMIT_PER_MINUTE: '100000',
      // As behind one reverse proxy: X-Forwarded-For is the client, so tests can sign in from
      // several "places" (sign-in throttling is per account and network).
      PASSERELLE_TRUST_PROXY: '1',
      MONGODB_URI: '',
      MEILI_URL: '',
      PASSERELLE_INBOUND_SMTP_PORT: process.env.E2E_INBOUND_PORT,
      PASSERELLE_INBOUND_DOMAIN: 'reponse.passerelle.test',
    },
  },
})
