/**
 * E-mail digest benchmark (issue 14): builds and hands N daily digests (default 10,000) to a
 * local SMTP sink, the way the app does it — the digest job streams the waiting notifications
 * with a cursor, recipients in batches, and queues the mails in the outbox; outbox workers claim
 * them one by one and deliver through a pooled SMTP transport. Prints mails per second (from the
 * start of the digest to the sink's last message), the peak RSS and heap of this process (the app
 * side: digest job + outbox worker; the sink runs in a child process, mongod in its own), sampled
 * every 20 ms and at each quarter of the run, so a run with 2,000 recipients and one with 10,000
 * show whether memory grows with the number of recipients.
 *
 *   npm run bench:mail                       # 10,000 recipients, 3 notifications each
 *   npm run bench:mail -- --recipients 2000
 */
import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import mongoose from 'mongoose'
import { SMTPServer } from 'smtp-server'

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    notifications: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    sink: { type: 'boolean', default: false },
  },
})

/** The SMTP sink (child process): accepts and counts every message, keeps nothing. */
async function runSink() {
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {})
      stream.on('end', () => {
        received++
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address()
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 })
  })
  process.on('message', (message: { ask?: 'count' }) => {
    if (message.ask === 'count') process.send!({ received })
  })
}

async function runBench() {
  const recipients = Number(values.recipients)
  const perRecipient = Number(values.notifications)
  const { startEmbeddedMongo } = await import('../server/embedded/mongod.js')
  const { createLogger } = await import('../server/logger.js')
  const { createSmtpTransport } = await import('../server/mail/smtp-mailer.js')
  const { startOutboxWorker } = await import('../app/domain/mail/outbox.server.js')
  const { OutboxMail } = await import('../app/domain/mail/outbox-model.server.js')
  const { runDigest } = await import('../app/domain/notifications/email-digest.server.js')
  const { Notification } = await import('../app/domain/notifications/model.server.js')
  const { User } = await import('../app/domain/users/model.server.js')

  const logger = createLogger('warn')
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'passerelle-bench-mail-'))
  const mongo = await startEmbeddedMongo({ dataDir, logger })
  const sink = fork(new URL(import.meta.url).pathname, ['--sink'], { execArgv: ['--import', 'tsx'] })
  const sinkPort = await new Promise<number>((resolve) => sink.once('message', (message: { port: number }) => resolve(message.port)))
  const sinkCount = () =>
    new Promise<number>((resolve) => {
      sink.once('message', (message: { received: number }) => resolve(message.received))
      sink.send({ ask: 'count' })
    })

  try {
    await mongoose.connect(mongo.uri('bench_mail'))
    await Promise.all([User.init(), Notification.init(), OutboxMail.init()])

    // Arrange: researchers with confirmed addresses, each with notifications waiting for the daily digest.
    process.stdout.write(`seeding ${recipients} recipients × ${perRecipient} notifications… `)
    const seededAt = Date.now()
    const kinds = ['proposal_declined', 'proposal_not_retained', 'need_status'] as const
    for (let start = 0; start < recipients; start += 1000) {
      const users = Array.from({ length: Math.min(1000, recipients - start) }, (_, index) => ({
        _id: new mongoose.Types.ObjectId(),
        email: `bench-${start + index}@exemple.test`,
        passwordHash: 'x',
        name: `Personne ${start + index}`,
        role: 'researcher',
        language: (start + index) % 5 === 0 ? 'en' : 'fr',
        emailVerifiedAt: new Date(),
        mailPreferences: { need_status: 'daily' },
      }))
      await User.collection.insertMany(users)
      await Notification.collection.insertMany(
        users.flatMap((user) =>
          Array.from({ length: perRecipient }, (_, index) => ({
            recipientId: user._id,
            kind: kinds[index % kinds.length],
            data: kinds[index % kinds.length] === 'need_status' ? { needTitle: `Besoin ${index} de ${user.name}`, change: 'published' } : { needTitle: `Besoin ${index}` },
            link: '/mes-propositions',
            readAt: null,
            mail: 'daily',
            createdAt: new Date(Date.now() - 3_600_000),
          })),
        ),
      )
    }
    console.log(`${((Date.now() - seededAt) / 1000).toFixed(1)} s`)

    // Act: the digest job and the outbox workers, as in the app's process.
    global.gc?.()
    const baseline = process.memoryUsage()
    let peakRss = baseline.rss
    let peakHeap = baseline.heapUsed
    const sampler = setInterval(() => {
      const usage = process.memoryUsage()
      peakRss = Math.max(peakRss, usage.rss)
      peakHeap = Math.max(peakHeap, usage.heapUsed)
    }, 20)
    const transport = createSmtpTransport({ smtpUrl: `smtp://127.0.0.1:${sinkPort}`, from: 'Passerelle <ne-pas-repondre@passerelle.local>' })
    const startedAt = Date.now()
    const worker = startOutboxWorker({ transport, workerId: 'bench', concurrency: Number(values.concurrency), pollMs: 50 })
    const links = { publicUrl: 'https://passerelle.example.fr', secret: 'bench-secret-of-at-least-thirty-two-characters' }
    const digest = runDigest('daily', links, { period: 'bench' }).then((result) => ({ result, queuedAt: Date.now() }))
    const quarters: string[] = []
    let received = 0
    let nextQuarter = 1
    while (received < recipients) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      received = await sinkCount()
      while (nextQuarter <= 4 && received >= (recipients * nextQuarter) / 4) {
        quarters.push(`${nextQuarter * 25} %: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`)
        nextQuarter++
      }
      if (Date.now() - startedAt > 10 * 60_000) throw new Error(`only ${received} of ${recipients} mails after 10 minutes`)
    }
    const elapsedMs = Date.now() - startedAt
    const { result, queuedAt } = await digest
    clearInterval(sampler)
    await worker.stop()
    transport.close()
    const sent = await OutboxMail.countDocuments({ status: 'sent' })

    console.log(`digests built and queued: ${result?.mails} in ${((queuedAt - startedAt) / 1000).toFixed(1)} s (${Math.round((result!.mails / (queuedAt - startedAt)) * 1000)} mails/s)`)
    console.log(`handed to the SMTP sink: ${received} in ${(elapsedMs / 1000).toFixed(1)} s → ${Math.round((received / elapsedMs) * 1000)} mails/s (outbox marked ${sent} sent)`)
    console.log(`RSS before ${(baseline.rss / 2 ** 20).toFixed(0)} MB, peak ${(peakRss / 2 ** 20).toFixed(0)} MB; heap before ${(baseline.heapUsed / 2 ** 20).toFixed(0)} MB, peak ${(peakHeap / 2 ** 20).toFixed(0)} MB`)
    console.log(`RSS as mails arrive: ${quarters.join(', ')}`)
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`)
  } finally {
    await mongoose.disconnect()
    sink.kill()
    await mongo.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

if (values.sink) void runSink()
else
  runBench().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
