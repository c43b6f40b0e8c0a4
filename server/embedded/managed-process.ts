import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Logger } from '../logger.js'

/**
 * A child server process that can never outlive us: on Linux it is started through
 * `setpriv --pdeathsig`, so the kernel sends it SIGTERM even if this process is killed
 * with SIGKILL; on a clean exit we stop it ourselves.
 */
export type ManagedProcess = {
  name: string
  pid: number
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  hasExited: () => boolean
  outputTail: () => string
  stop: (graceMs?: number) => Promise<void>
}

const SETPRIV = '/usr/bin/setpriv'
const liveProcesses = new Set<ManagedProcess>()

export function startManagedProcess(
  name: string,
  binary: string,
  args: string[],
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): ManagedProcess {
  const useSetpriv = process.platform === 'linux' && existsSync(SETPRIV)
  const [command, commandArgs] = useSetpriv
    ? [SETPRIV, ['--pdeathsig', 'TERM', '--', binary, ...args]]
    : [binary, args]
  const child: ChildProcess = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env })
  if (child.pid === undefined) throw new Error(`${name} n'a pas pu être lancé (${binary})`)

  const tail: string[] = []
  const keepTail = (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'))
    while (tail.length > 40) tail.shift()
  }
  child.stdout?.on('data', keepTail)
  child.stderr?.on('data', keepTail)

  let exitedFlag = false
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true
      liveProcesses.delete(managed)
      logger.debug({ service: name, code, signal }, 'embedded service exited')
      resolve({ code, signal })
    })
    child.once('error', (error) => {
      exitedFlag = true
      liveProcesses.delete(managed)
      logger.error({ service: name, err: error }, 'embedded service failed to start')
      resolve({ code: null, signal: null })
    })
  })

  const managed: ManagedProcess = {
    name,
    pid: child.pid,
    exited,
    hasExited: () => exitedFlag,
    outputTail: () => tail.join('').slice(-4000),
    async stop(graceMs = 10_000) {
      if (exitedFlag) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => {
        logger.warn({ service: name }, 'embedded service ignored SIGTERM, sending SIGKILL')
        child.kill('SIGKILL')
      }, graceMs)
      await exited
      clearTimeout(timer)
    },
  }
  liveProcesses.add(managed)
  return managed
}

/** Last-resort synchronous kill, for the process 'exit' event where nothing async runs. */
export function killAllManagedProcessesSync() {
  for (const managed of liveProcesses) {
    try {
      process.kill(managed.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

export async function waitUntil(
  description: string,
  check: () => Promise<boolean>,
  { timeoutMs, intervalMs = 100, abortIf }: { timeoutMs: number; intervalMs?: number; abortIf?: () => string | undefined },
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const abortReason = abortIf?.()
    if (abortReason) throw new Error(`${description} : ${abortReason}`)
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`${description} : pas de réponse après ${Math.round(timeoutMs / 1000)} s`)
}
