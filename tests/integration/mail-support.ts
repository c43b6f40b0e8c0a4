import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { outboxMailer, startOutboxWorker, type OutboxWorker } from '~/domain/mail/outbox.server'
import { OutboxMail } from '~/domain/mail/outbox-model.server'
import { startMailCapture } from '../../server/mail/capture-server'
import { createSmtpTransport } from '../../server/mail/smtp-mailer'
import { testLogger } from './support'

/**
 * Mail as the app sends it: queued in the outbox (MongoDB), delivered by a real outbox worker
 * through real SMTP to the capture server, which writes .eml files the tests read back
 * (tests/e2e/support/mail.ts). No mock mailer.
 */
export async function startTestMail({ worker = true }: { worker?: boolean } = {}) {
  await OutboxMail.init()
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-mail-'))
  const capture = await startMailCapture({ outboxDir, logger: testLogger() })
  const transport = createSmtpTransport({ smtpUrl: capture.smtpUrl, from: 'Passerelle <ne-pas-repondre@passerelle.test>' })
  let running: OutboxWorker | undefined = worker ? startOutboxWorker({ transport, workerId: 'test-worker', pollMs: 100 }) : undefined
  return {
    outboxDir,
    capture,
    transport,
    mailer: outboxMailer,
    /** Delivers what is due now through a worker of its own (when the background one is off). */
    drain: () => startOutboxWorker({ transport, workerId: 'test-drain', autoStart: false }).drain(),
    async close() {
      await running?.stop()
      running = undefined
      transport.close()
      await capture.close()
      await rm(outboxDir, { recursive: true, force: true })
    },
  }
}
