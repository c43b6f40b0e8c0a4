import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'

/**
 * Reads the mail the app really sent: the local SMTP capture server writes each message as an
 * .eml file into `<data dir>/outbox` (server/mail/capture-server.ts). Used by the e2e tests
 * (the server's $E2E_DATA_DIR) and by integration tests (their own capture directory).
 */
export type CapturedMail = { file: string; to: string[]; subject: string; text: string; html: string | false | undefined; parsed: ParsedMail }

const defaultOutbox = () => path.join(process.env.E2E_DATA_DIR ?? '', 'outbox')

const addressesOf = (parsed: ParsedMail) =>
  [parsed.to]
    .flat()
    .flatMap((group) => group?.value ?? [])
    .map((address) => (address.address ?? '').toLowerCase())

export async function readOutbox(outboxDir = defaultOutbox()): Promise<CapturedMail[]> {
  const files = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort()
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(outboxDir, name)
      const parsed = await simpleParser(await readFile(file))
      return { file, to: addressesOf(parsed), subject: parsed.subject ?? '', text: parsed.text ?? '', html: parsed.html, parsed }
    }),
  )
}

/**
 * Waits for the newest mail to `to` (optionally whose subject matches) that is not among
 * `ignore` (files already seen), and returns it; fails with what the outbox holds.
 */
export async function waitForMail(
  to: string,
  { outboxDir = defaultOutbox(), subject, ignore = [], timeoutMs = 10_000 }: { outboxDir?: string; subject?: RegExp; ignore?: string[]; timeoutMs?: number } = {},
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mails = (await readOutbox(outboxDir)).filter(
      (mail) => mail.to.includes(to.toLowerCase()) && (!subject || subject.test(mail.subject)) && !ignore.includes(mail.file),
    )
    const newest = mails.at(-1)
    if (newest) return newest
    if (Date.now() > deadline) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''} in ${outboxDir} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The files of the mails already sent to `to`, to wait for a newer one afterwards. */
export async function mailFilesTo(to: string, outboxDir = defaultOutbox()) {
  return (await readOutbox(outboxDir)).filter((mail) => mail.to.includes(to.toLowerCase())).map((mail) => mail.file)
}

/** The first link in the text part whose path starts with `pathPrefix`. */
export function linkIn(mail: CapturedMail, pathPrefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix))
  if (!link) throw new Error(`no ${pathPrefix} link in the mail "${mail.subject}":\n${mail.text}`)
  return link
}
