import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import type { Logger } from '../logger.js'

/**
 * A real SMTP server on loopback that keeps every message as an .eml file in `outboxDir`
 * instead of delivering it. Used when SMTP_URL is not set (development, demo, tests): the
 * app still speaks SMTP end to end, and people and tests read the actual messages.
 */
export async function startMailCapture({ outboxDir, logger, port: wantedPort = 0 }: { outboxDir: string; logger: Logger; port?: number }) {
  await mkdir(outboxDir, { recursive: true })
  let counter = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++counter}.eml`
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',')
        writeFile(path.join(outboxDir, name), Buffer.concat(chunks))
          .then(() => {
            logger.info({ to, file: path.join(outboxDir, name) }, 'mail captured (SMTP_URL not set: nothing was delivered)')
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(wantedPort, '127.0.0.1', () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    outboxDir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
