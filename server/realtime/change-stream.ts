import type { ChangeStream, ChangeStreamDocument, ChangeStreamOptions, Collection, Document, ResumeToken } from 'mongodb'
import type { Logger } from '../logger.js'

const MAX_BACKOFF_MS = 5_000
/** The oplog no longer holds the resume point. */
const HISTORY_LOST_CODES = new Set([280, 286])

/**
 * Follows a collection's change stream for as long as the process runs: every change, in commit
 * order, to `onChange`. After an error (mongod restarting, an election, a cut) the stream is opened
 * again from the last change seen, with a growing pause, so nothing is skipped; if that point is no
 * longer in the oplog, it starts from now and `onResumeLost` says that changes may have been missed.
 */
export function followChanges<T extends Document>({
  name,
  collection,
  pipeline,
  options = {},
  onChange,
  onResumeLost,
  logger,
}: {
  name: string
  collection: Collection<T>
  pipeline: Document[]
  options?: ChangeStreamOptions
  onChange: (change: ChangeStreamDocument<T>) => void
  onResumeLost?: () => void
  logger: Logger
}) {
  let stream: ChangeStream<T> | undefined
  let resumeToken: ResumeToken | undefined
  let stopped = false

  async function run() {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const opened = collection.watch<T, ChangeStreamDocument<T>>(pipeline, { ...options, ...(resumeToken ? { resumeAfter: resumeToken } : {}) })
        stream = opened
        await new Promise<void>((resolve, reject) => {
          opened.on('change', (change: ChangeStreamDocument<T>) => {
            resumeToken = change._id
            attempt = 0
            onChange(change)
          })
          opened.once('error', reject)
          opened.once('close', resolve)
        })
      } catch (error) {
        if (stopped) return
        const code = (error as { code?: number }).code
        if (resumeToken && code !== undefined && HISTORY_LOST_CODES.has(code)) {
          logger.warn({ err: error, stream: name }, 'change stream: resume point lost, starting from now')
          resumeToken = undefined
          onResumeLost?.()
        } else {
          logger.warn({ err: error, attempt, stream: name }, 'change stream interrupted, resuming')
        }
      } finally {
        await stream?.close().catch(() => undefined)
        stream = undefined
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt)))
    }
  }
  const running = run()

  return {
    async stop() {
      stopped = true
      await stream?.close().catch(() => undefined)
      await running
    },
  }
}
