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
        const message = Buffer.concat(chunks)
        const attachments = attachmentNames(message.toString('latin1'))
        writeFile(path.join(outboxDir, name), message)
          .then(() => {
            logger.info({ to, file: path.join(outboxDir, name), ...(attachments.length ? { attachments } : {}) }, 'mail captured (SMTP_URL not set: nothing was delivered)')
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

/** The file names of a message's attachments, as its MIME parts declare them (the log says what came with a mail). */
export function attachmentNames(raw: string): string[] {
  const names = [...raw.matchAll(/^Content-Disposition:\s*attachment;[^\S\r\n]*(?:\r?\n[ \t]+)?[^\r\n]*?filename="?([^";\r\n]+)"?/gim)].map((match) => match[1]!.trim())
  return [...new Set(names)]
}
